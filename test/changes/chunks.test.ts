import type { IDataObject } from 'n8n-workflow';

import type { RecordChange, SandboxRecord } from '../../sandbox';
import {
	apiCalls,
	credentialsFor,
	DEMO_COMPANY_2_ID,
	DEMO_COMPANY_ID,
	jsonOf,
	run,
	useSandbox,
} from '../node/helpers';
import type { CredentialStore } from '../harness';
import { startRewritingProxy } from '../fixtures/rewritingProxy';
import { expectReadmeBlock, markdownTable } from '../readme/blocks';
import {
	allVehicles,
	approve,
	estimates,
	ID_FIELDS,
	newestFirst,
	shopOf,
	vehiclesUpdatedBefore,
} from './shop';
import type { Case } from './shop';

/**
 * A big list read in chunks (Read in Chunks, Continue From) while the shop keeps working: between
 * chunks (the loop processing one, AutoLeap's clock moved on) and during one (the sandbox's
 * `change` fault, right after it answered a page). Each case reads the whole list chunk by chunk
 * and compares what the chunks output with the sandbox's records: every record that matched the
 * filters from the first chunk to the last is output once, in ID order, or a chunk fails saying
 * what to do; never a skipped or repeated record.
 */
const ctx = useSandbox();
const { stored, changeAfterPage, vehicles617, estimates278 } = shopOf(ctx);

/** What each case measured, for the README's table. */
const rows: Array<[string, string, string, string]> = [];
const CASES = 22;

afterAll(() => {
	if (rows.length < CASES) return;
	expectReadmeBlock(
		'changes-chunks',
		markdownTable(
			[
				'Situation',
				'What the node does',
				'Records output / matching throughout',
				'Requests, chunk by chunk (pages + probes)',
			],
			rows,
		),
	);
});

/** The loop between two chunks takes this long on AutoLeap's clock (it processes the chunk). */
const PROCESSING_MS = 5_000;

interface Reading {
	/** Runs after chunk `number` was read, before the next one (its changes then precede it). */
	between?: (number: number) => void;
	credentials?: CredentialStore;
	/** Continue From of the first chunk read (empty: from the start). */
	from?: string;
	/** Stop after this many chunks. */
	chunks?: number;
}

/**
 * Reads a list in chunks of `size`, each chunk a run of the node with the Continue From of the
 * chunk before, as a loop in n8n does; stops after the last chunk or at the first error.
 */
async function readChunks(c: Case, size: number, reading: Reading = {}) {
	const idField = ID_FIELDS[c.stored] as string;
	const ids = () =>
		new Set(
			stored(c.stored)
				.filter(c.matches)
				.map((r) => String(r[idField])),
		);
	const before = ids();
	const chunks: IDataObject[] = [];
	const costs: string[] = [];
	let error: (Error & { description?: string }) | undefined;
	let continueFrom = reading.from ?? '';
	for (let number = 1; number <= (reading.chunks ?? 100); number++) {
		const logged = ctx.sandbox.requestLog.length;
		const result = await run(reading.credentials ?? ctx.credentials, {
			resource: c.resource,
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			readInChunks: true,
			chunkSize: size,
			continueFrom,
			simplify: false,
			...c.parameters,
		});
		costs.push(cost(c.path, logged));
		error = result.error;
		if (error) break;
		const [chunk] = jsonOf(result.items);
		expect(result.items).toHaveLength(1);
		chunks.push(chunk);
		continueFrom = String(chunk.continueFrom);
		if (!chunk.more) break;
		reading.between?.(number);
	}
	const after = ids();
	// The chunk's records are its one array (`vehicles`, `repairOrders`, `timesheetLogs`…).
	const recordsOf = (chunk: IDataObject) =>
		Object.values(chunk).find((value) => Array.isArray(value)) as IDataObject[];
	const output = chunks.flatMap((chunk) => recordsOf(chunk).map((r) => String(r[idField])));
	const throughout = new Set([...before].filter((id) => after.has(id)));
	return {
		chunks,
		error,
		output,
		before,
		after,
		throughout,
		cost: costs.join(' · '),
		continueFrom,
	};
}

type Read = Awaited<ReturnType<typeof readChunks>>;

/**
 * The GETs of one chunk: its pages (it may look back a page or more for where the last chunk
 * ended; a filtered chunk after the first reads its first page again at its end, before its
 * probes), then the probes (`updatedDateStart`, which no case sets itself). A second read of the
 * chunk starts again at its first page: "4 + 1, then 4 + 1".
 */
function cost(path: string, from: number): string {
	const reads: Array<{ pages: number; probes: number; first: number }> = [];
	const calls = apiCalls(ctx.sandbox, path).filter(
		(c) => ctx.sandbox.requestLog.indexOf(c) >= from,
	);
	const probe = (i: number) => calls[i]?.query.updatedDateStart !== undefined;
	calls.forEach((call, i) => {
		const page = Number(call.query.page);
		const read = reads[reads.length - 1];
		if (probe(i)) read.probes++;
		else if (!read || probe(i - 1) || (page === read.first && !probe(i + 1)))
			reads.push({ pages: 1, probes: 0, first: page });
		else {
			read.pages++;
			read.first = Math.min(read.first, page);
		}
	});
	return reads.map(({ pages, probes }) => `${pages} + ${probes}`).join(', then ');
}

/** Every record that matched throughout output once, in ID order; nothing that never matched. */
function expectWhole(read: Read, { descending = false } = {}) {
	expect(read.error).toBeUndefined();
	expect(new Set(read.output).size).toBe(read.output.length);
	for (const id of read.throughout) expect(read.output).toContain(id);
	for (const id of read.output) expect(read.before.has(id) || read.after.has(id)).toBe(true);
	const sorted = [...read.output].sort((a, b) => Number(a) - Number(b));
	expect(read.output).toEqual(descending ? sorted.reverse() : sorted);
}

function row(situation: string, does: string, read: Read) {
	const output = read.error ? `${read.output.length} (then the error)` : read.output.length;
	rows.push([situation, does, `${output} / ${read.throughout.size}`, read.cost]);
}

/** Moves AutoLeap's clock on, as a loop processing a chunk would. */
const processing = () => ctx.sandbox.clock.advance(PROCESSING_MS);

const edit = (record: SandboxRecord, patch: SandboxRecord): RecordChange => ({
	resource: 'vehicles',
	id: record.vehicleId,
	patch,
});

/** All vehicles, where lists hide archived records. */
const listed: Case = { ...allVehicles, matches: (v) => v.vehicleStatus !== 'Inactive' };

describe('nothing changes', () => {
	it('617 vehicles in chunks of 200: each once, in ID order, the last chunk saying so', async () => {
		const list = vehicles617();
		const read = await readChunks(allVehicles, 200);
		expectWhole(read);
		expect(read.output).toEqual(list.map((v) => v.vehicleId));
		expect(read.chunks.map((c) => [c.chunk, (c.vehicles as unknown[]).length, c.more])).toEqual([
			[1, 200, true],
			[2, 200, true],
			[3, 200, true],
			[4, 17, false],
		]);
		expect(read.continueFrom).toBe('');
		expect(read.cost).toBe('2 + 1 · 3 + 1 · 3 + 1 · 2 + 0');
		row(
			'Nothing changes (617 vehicles, no filter, ID order)',
			'each chunk starts after the last vehicle of the one before: all once, in order',
			read,
		);
	});

	it('newest first: the same, in descending ID order', async () => {
		vehicles617();
		const read = await readChunks(newestFirst, 200);
		expectWhole(read, { descending: true });
		expect(read.output).toHaveLength(617);
		expect(read.cost).toBe('2 + 1 · 3 + 1 · 3 + 1 · 2 + 1');
		row('Nothing changes (617 vehicles, newest first)', 'all once, newest first', read);
	});

	it('Updated Before (filtered): the same; each chunk after the first reads its first page again', async () => {
		vehicles617(vehiclesUpdatedBefore.matches);
		const read = await readChunks(vehiclesUpdatedBefore, 200);
		expectWhole(read);
		expect(read.output).toHaveLength(617);
		expect(read.cost).toBe('2 + 1 · 4 + 1 · 4 + 1 · 3 + 1');
		row(
			'Nothing changes (617 vehicles, Updated Before)',
			'all once; a filtered chunk reads its first page again at its end',
			read,
		);
	});
});

describe('between chunks: each chunk starts after the last record of the one before', () => {
	it('Updated Before: vehicle #6 edited after chunk 1 (it leaves the filter); #201 is not lost', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		const read = await readChunks(vehiclesUpdatedBefore, 200, {
			between: (n) => {
				if (n === 1) ctx.sandbox.store.update('vehicles', list[5].vehicleId, { notes: 'edited' });
				processing();
			},
		});
		expectWhole(read);
		expect(read.output).toContain(list[200].vehicleId);
		expect(read.output).toHaveLength(617);
		expect(read.cost).toBe('2 + 1 · 4 + 1 · 4 + 1 · 3 + 1');
		row(
			'Updated Before: vehicle #6 edited between chunks 1 and 2 (Return All reads again)',
			'chunk 2 finds where chunk 1 ended: #201 is output, nothing read again',
			read,
		);
	});

	it('Status = Estimate, chunks of 100: estimate #6 approved after chunk 1', async () => {
		const list = estimates278();
		const read = await readChunks(estimates, 100, {
			between: (n) => {
				if (n === 1)
					ctx.sandbox.store.update('orders', list[5].repairOrderNumber, approve(list[5]).patch!);
				processing();
			},
		});
		expectWhole(read);
		expect(read.output).toContain(String(list[100].repairOrderNumber));
		expect(read.output).toHaveLength(278);
		row('Status = Estimate: estimate #6 approved between chunks 1 and 2', 'all once', read);
	});

	it('lists hide archived: 150 vehicles of chunk 1 archived after it; chunk 2 looks a page back', async () => {
		ctx.sandbox.setArchived('hidden');
		const list = vehicles617(listed.matches);
		const read = await readChunks(listed, 200, {
			between: (n) => {
				if (n === 1)
					for (const v of list.slice(10, 160))
						ctx.sandbox.store.update('vehicles', v.vehicleId, { vehicleStatus: 'Inactive' });
				processing();
			},
		});
		expectWhole(read);
		expect(read.throughout.size).toBe(467);
		expect(read.output.slice(200, 202)).toEqual([list[200].vehicleId, list[201].vehicleId]);
		// Chunk 2: page 2 (all after chunk 1's end now), page 1 (where it ended), pages 2 and 3.
		expect(read.cost).toBe('2 + 1 · 4 + 1 · 3 + 1 · 1 + 0');
		row(
			'Lists hide archived: 150 vehicles of chunk 1 archived before chunk 2',
			'chunk 2 finds the end of chunk 1 a page earlier: all once',
			read,
		);
	});

	it('lists hide archived: 450 vehicles archived before chunk 4: more than 3 pages back, start again', async () => {
		ctx.sandbox.setArchived('hidden');
		const list = vehicles617(listed.matches);
		const read = await readChunks(listed, 200, {
			between: (n) => {
				if (n === 3)
					for (const v of list.slice(0, 450))
						ctx.sandbox.store.update('vehicles', v.vehicleId, { vehicleStatus: 'Inactive' });
				processing();
			},
		});
		expect(read.chunks).toHaveLength(3);
		expect(read.error?.message).toBe(
			"More than 3 pages of records before this chunk left AutoLeap's list since the chunk before it, so this chunk cannot tell where that one ended",
		);
		expect(read.error?.description).toBe(
			'Start the read again from the first chunk (Continue From empty).',
		);
		const chunk4 = apiCalls(ctx.sandbox, '/vehicles').slice(-4);
		expect(chunk4.map((c) => c.query.page)).toEqual(['6', '5', '4', '3']);
		row(
			'Lists hide archived: 450 vehicles archived before chunk 4',
			'fails: "More than 3 pages of records before this chunk left …"; start again from the first chunk',
			read,
		);
	});

	it('a busy shop: vehicles edited and archived (listed) between every two chunks', async () => {
		const list = vehicles617();
		const read = await readChunks(allVehicles, 200, {
			between: (n) => {
				for (const v of [list[n * 90], list[n * 150 + 5]])
					ctx.sandbox.store.update('vehicles', v.vehicleId, { mileage: n });
				ctx.sandbox.store.update('vehicles', list[n].vehicleId, { vehicleStatus: 'Inactive' });
				processing();
			},
		});
		expectWhole(read);
		expect(read.output).toHaveLength(617);
		row(
			'Busy shop: 9 vehicles edited or archived (listed) between chunks',
			'all once: no change moves a record in ID order',
			read,
		);
	});

	const create = (n: number): RecordChange => ({
		resource: 'vehicles',
		create: {
			companyId: DEMO_COMPANY_ID,
			customerId: stored('vehicles')[0].customerId,
			make: `New ${n}`,
		},
	});

	it('vehicles created between chunks, ID order: they come last and the last chunk outputs them', async () => {
		vehicles617();
		const read = await readChunks(allVehicles, 200, {
			between: (n) => {
				ctx.sandbox.store.create('vehicles', create(n).create as SandboxRecord);
				processing();
			},
		});
		expectWhole(read);
		expect([read.before.size, read.after.size, read.output.length]).toEqual([617, 620, 620]);
		row(
			'3 vehicles created between chunks, ID order',
			'they come last: output by the last chunk',
			read,
		);
	});

	it('vehicles created between chunks, newest first: they come before the chunks read, so none is output', async () => {
		vehicles617();
		const read = await readChunks(newestFirst, 200, {
			between: (n) => {
				ctx.sandbox.store.create('vehicles', create(n).create as SandboxRecord);
				processing();
			},
		});
		expectWhole(read, { descending: true });
		expect([read.before.size, read.after.size, read.output.length]).toEqual([617, 620, 617]);
		row(
			'3 vehicles created between chunks, newest first',
			'they join before the chunks still to read: not output (they joined after the read began)',
			read,
		);
	});
});

describe('during a chunk: as in a Return All, the chunk is read again, or fails', () => {
	it('Updated Before: vehicle #6, passed by chunk 1, edited while chunk 2 is read: chunk 2 read again', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		// Chunk 2 reads pages 2 (where chunk 1 ended), 3 and 4.
		changeAfterPage('/vehicles', 3, [edit(list[5], { notes: 'edited' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 200, { between: processing });
		expectWhole(read);
		expect(read.output).toContain(list[300].vehicleId);
		expect(read.cost).toBe('2 + 1 · 4 + 1, then 4 + 1 · 4 + 1 · 3 + 1');
		row(
			'Updated Before: vehicle #6 (passed by chunk 1) edited while chunk 2 is read',
			'chunk 2’s start moved: it is read again',
			read,
		);
	});

	it('Updated Before: vehicle #200, the last of chunk 1, edited while chunk 2 is read: read again, where the first read saw the change', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		changeAfterPage('/vehicles', 3, [edit(list[199], { notes: 'edited' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 200, { between: processing });
		expectWhole(read);
		expect(read.output.slice(199, 201)).toEqual([list[199].vehicleId, list[200].vehicleId]);
		expect(read.cost).toBe('2 + 1 · 4 + 1, then 4 + 1 · 4 + 1 · 3 + 1');
		row(
			'Updated Before: vehicle #200, where chunk 1 ended, edited while chunk 2 is read',
			'read again; the change the first read saw was made before the second began, so it moved nothing there',
			read,
		);
	});

	it('Updated Before: a vehicle before chunk 2 that never matched edited while it is read: the start held, nothing read again', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		// Updated now, vehicle #50 no longer matches (before the read begins).
		ctx.sandbox.store.update('vehicles', list[49].vehicleId, { notes: 'recent' });
		changeAfterPage('/vehicles', 3, [edit(list[49], { notes: 'again' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 200, { between: processing });
		expectWhole(read);
		expect(read.output).toHaveLength(616);
		expect(read.cost).toBe('2 + 1 · 4 + 1 · 4 + 1 · 3 + 1');
		row(
			'Updated Before: a vehicle before chunk 2, updated recently (so never in the list), edited while chunk 2 is read',
			'where chunk 1 ended held still: nothing read again',
			read,
		);
	});

	it('Updated Before, chunks of 300: vehicle #350 (in chunk 2) edited after its page: chunk 2 read again, #401 not lost', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		changeAfterPage('/vehicles', 4, [edit(list[349], { notes: 'edited' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 300, { between: processing });
		expectWhole(read);
		expect(read.output).toContain(list[400].vehicleId);
		expect(read.output).not.toContain(list[349].vehicleId);
		row(
			'Updated Before, chunks of 300: vehicle #350 (in chunk 2) edited after its page',
			'read again (the first read lost #401)',
			read,
		);
	});

	it('lists hide archived: vehicle #6 archived and a vehicle created while chunk 2 is read (the count holds): read again', async () => {
		ctx.sandbox.setArchived('hidden');
		const list = vehicles617(listed.matches);
		const owner = list[0].customerId;
		// Chunks of 300: chunk 2 reads pages 3 (where chunk 1 ended) to 6. Pages 4 and 5 are slow,
		// so the new vehicle comes after chunk 2 surely began and before its last page surely was
		// taken (AutoLeap's Date has whole seconds): one made less than a second from either end
		// would not count, and the count would hide the archived one.
		ctx.sandbox.injectFaults({
			kind: 'delay',
			method: 'GET',
			path: '/vehicles',
			query: { page: 4 },
			ms: 1_200,
		});
		const created = { companyId: DEMO_COMPANY_ID, customerId: owner, make: 'New' };
		changeAfterPage(
			'/vehicles',
			5,
			[edit(list[5], { vehicleStatus: 'Inactive' }), { resource: 'vehicles', create: created }],
			{ ms: 1_200 },
		);
		const read = await readChunks(listed, 300, { between: processing });
		expectWhole(read);
		// Page 6 of chunk 2's first read began one vehicle late: #501 was not on it.
		expect(read.output).toContain(list[500].vehicleId);
		expect(read.cost).toBe('3 + 1 · 4 + 1, then 4 + 1 · 2 + 0');
		row(
			'Lists hide archived: vehicle #6 archived and one created while chunk 2 is read (AutoLeap’s count holds)',
			'the probe finds the new vehicle, so one left unseen: chunk 2 is read again',
			read,
		);
	});

	it('timesheet logs (no updated filter): a log created while chunk 2 is read changes the count: read again', async () => {
		const log = { ...stored('timesheetLogs')[0] };
		delete log.timesheetLogId;
		// Chunk 2 starts at page 1, where chunk 1 ended: the log is created after that page.
		changeAfterPage('/technicians/timesheetLogs', 1, [{ resource: 'timesheetLogs', create: log }], {
			skip: 1,
		});
		const read = await readChunks(
			{
				resource: 'technicianTimesheet',
				stored: 'timesheetLogs',
				path: '/technicians/timesheetLogs',
				matches: () => true,
				parameters: { startDate: '2020-01-01T00:00:00Z', endDate: '2100-01-01T00:00:00Z' },
			},
			100,
			{ between: processing },
		);
		expect(read.error).toBeUndefined();
		expect(read.output).toHaveLength(new Set(read.output).size);
		for (const id of read.throughout) expect(read.output).toContain(id);
		expect(read.output).toHaveLength(241);
		expect(read.cost).toBe('1 + 0 · 2 + 0, then 2 + 0 · 2 + 0');
		row(
			'Timesheet logs (no updated filter): a log created while chunk 2 is read',
			'AutoLeap’s count changed: chunk 2 is read again (counts are all it can check)',
			read,
		);
	});

	it('newest first: 350 vehicles updated at once while chunk 2 is read: more than the probe reads; read again after the burst', async () => {
		const list = vehicles617();
		changeAfterPage(
			'/vehicles',
			3,
			list.slice(0, 350).map((v) => edit(v, { notes: 'bulk' })),
			{ query: { page: 3, size: 100, sortDirection: 'DESC' } },
		);
		const read = await readChunks(newestFirst, 200, { between: processing });
		expectWhole(read, { descending: true });
		expect(read.cost.split(' · ')[1]).toBe('3 + 3, then 3 + 1');
		row(
			'Newest first: 350 vehicles updated at once while chunk 2 is read',
			'more changes than the probe reads (300): waits 4 s, reads chunk 2 again',
			read,
		);
	});

	it('records moved during both reads of chunk 2: it fails, and run again with the same Continue From it completes the read', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		changeAfterPage('/vehicles', 3, [edit(list[5], { notes: 'a' })]);
		// The first fault is used by the first read of page 3, the second by the second read.
		changeAfterPage('/vehicles', 3, [edit(list[6], { notes: 'b' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 200, { between: processing });
		expect(read.chunks).toHaveLength(1);
		expect(read.error?.message).toMatch(
			/^Records moved while chunk 2 of AutoLeap's list was read; run this chunk again \(the same Continue From\): vehicle \d+ changed at .*, before this chunk, and does not match the filters: it may have left them$/,
		);
		expect(read.error?.description).toMatch(
			/^This chunk was read twice, and both times records changed/,
		);
		expect(read.error?.description).toMatch(/the chunks before it stay right/);
		expect(read.cost).toBe('2 + 1 · 4 + 1, then 4 + 1');
		row(
			'Vehicles passed by chunk 1 edited out of Updated Before during both reads of chunk 2',
			'fails: "Records moved while chunk 2 of AutoLeap’s list was read; run this chunk again (the same Continue From): …"',
			read,
		);
		// The loop runs chunk 2 again (e.g. Retry On Fail): the read completes, nothing lost.
		processing();
		const again = await readChunks(vehiclesUpdatedBefore, 200, {
			from: read.continueFrom,
			between: processing,
		});
		const output = [...read.output, ...again.output];
		expect(again.error).toBeUndefined();
		expect(new Set(output).size).toBe(output.length);
		for (const id of again.after) if (read.before.has(id)) expect(output).toContain(id);
		// Vehicles #6 and #7 were output by chunk 1, before they left the filter.
		expect(output).toHaveLength(617);
	});

	it('an account allowing 8 reads a minute: no second read that would wait, the same error at once', async () => {
		const list = vehicles617(vehiclesUpdatedBefore.matches);
		changeAfterPage('/vehicles', 3, [edit(list[5], { notes: 'edited' })]);
		const read = await readChunks(vehiclesUpdatedBefore, 200, {
			credentials: credentialsFor(ctx.sandbox, { rateWindowMs: 1_000, readsPerMinute: 8 }),
			between: processing,
		});
		expect(read.error?.message).toMatch(/^Records moved while chunk 2 of AutoLeap's list was read/);
		expect(read.error?.description).toMatch(
			/^This chunk was read once \(reading it again at once would have waited/,
		);
		expect(read.cost).toBe('2 + 1 · 4 + 1');
		row(
			'Vehicle #6 edited out of Updated Before during chunk 2, on an account allowing 8 reads a minute',
			'fails at once: a second read would wait for the rate limit',
			read,
		);
	});
});

describe('what a chunk refuses, before sending anything', () => {
	/** Runs one chunk with these parameters; the error, and the list's GETs it sent. */
	async function chunkWith(parameters: IDataObject, credentials = ctx.credentials) {
		ctx.sandbox.clearLog();
		const result = await run(credentials, {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
			readInChunks: true,
			chunkSize: 200,
			...parameters,
		});
		return {
			result,
			error: result.error as (Error & { description?: string }) | undefined,
			sent: apiCalls(ctx.sandbox, '/vehicles').length,
		};
	}

	it('a Continue From of a read with other filters (or another company) is refused', async () => {
		const first = await chunkWith({ filters: { search: 'Ford' }, chunkSize: 5 });
		const { continueFrom } = jsonOf(first.result.items)[0];
		expect(continueFrom).not.toBe('');
		for (const other of [
			{ filters: { search: 'Toyota' } },
			{ filters: {} },
			{ filters: { search: 'Ford' }, companyId: DEMO_COMPANY_2_ID },
		]) {
			const { error, sent } = await chunkWith({ ...other, continueFrom });
			expect(error?.message).toBe(
				'Continue From belongs to a read of another list, company or filters',
			);
			expect(error?.description).toMatch(
				/start the read again from the first chunk \(Continue From empty\)/,
			);
			expect(sent).toBe(0);
		}
		const same = await chunkWith({ filters: { search: 'Ford' }, chunkSize: 5, continueFrom });
		expect(same.error).toBeUndefined();
		rows.push([
			'A Continue From used with other filters, another company or another list',
			'refused before anything is sent: "Continue From belongs to a read of another list, company or filters"',
			'–',
			'0',
		]);
	});

	it('a Continue From that no chunk output is refused', async () => {
		for (const value of ['next please', Buffer.from('{"l":"x"}').toString('base64url')]) {
			const { error, sent } = await chunkWith({ continueFrom: value });
			expect(error?.message).toBe(
				'Continue From is not a value that a chunk of AutoLeap Get Many output',
			);
			expect(sent).toBe(0);
		}
	});

	it('Sort By in chunks is refused: a record whose sort field changes would move across chunks unseen', async () => {
		const { error, sent } = await chunkWith({ filters: { sort: 'make' } });
		expect(error?.message).toBe(
			'A list sorted by make cannot be read in chunks: a record whose make changes between chunks would move across them unseen',
		);
		expect(sent).toBe(0);
		rows.push([
			'Sort By make, in chunks',
			'refused before anything is sent: chunks follow AutoLeap’s ID order (either way)',
			'–',
			'0',
		]);
	});

	it('pages that are not in ID order (a proxy reverses each page) cannot be read in chunks', async () => {
		const proxy = await startRewritingProxy(ctx.sandbox.url, {
			response: (answer, call) => {
				const results = (answer.body as { results?: { content?: unknown[] } })?.results;
				if (call.path.endsWith('/vehicles') && results?.content) results.content.reverse();
			},
		});
		try {
			const { error, result } = await chunkWith(
				{},
				credentialsFor(ctx.sandbox, { rateWindowMs: 1_000, customUrl: proxy.url }),
			);
			expect(result.items).toHaveLength(0);
			expect(error?.message).toBe(
				"AutoLeap's pages of this list are not in ID order, so it cannot be read in chunks",
			);
			expect(error?.description).toMatch(/Use Return All without chunks\.$/);
		} finally {
			await proxy.close();
		}
	});
});

describe('an AutoLeap that ignores the updated window', () => {
	it('newest first, a proxy drops updatedDateStart: the probes answer records changed long before; the counts decide', async () => {
		const proxy = await startRewritingProxy(ctx.sandbox.url, {
			request: (call) => call.query.delete('updatedDateStart'),
		});
		try {
			vehicles617();
			const read = await readChunks(newestFirst, 200, {
				credentials: credentialsFor(ctx.sandbox, { rateWindowMs: 1_000, customUrl: proxy.url }),
				between: processing,
			});
			expectWhole(read, { descending: true });
			expect(read.output).toHaveLength(617);
			rows.push([
				'A proxy drops `updatedDateStart` (newest first, nothing changes)',
				'each probe answers records changed long before: AutoLeap’s counts decide (they held)',
				`617 / ${read.throughout.size}`,
				// The probes reach AutoLeap without their window, so they count as pages here.
				'2 + 1 · 3 + 1 · 3 + 1 · 2 + 1',
			]);
		} finally {
			await proxy.close();
		}
	});
});
