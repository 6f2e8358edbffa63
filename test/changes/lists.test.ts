import type { IDataObject } from 'n8n-workflow';

import type { RecordChange, SandboxRecord } from '../../sandbox';
import {
	apiCalls,
	credentialsFor,
	DEMO_COMPANY_ID,
	jsonOf,
	run,
	useSandbox,
} from '../node/helpers';
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
import type { Case as ShopCase } from './shop';

/**
 * Return All while the shop keeps working. The sandbox's `change` fault changes records right
 * after it answered a page (its records taken), so every change lands between two page requests
 * of one read. Each case compares the node's output with the sandbox's records: every record that
 * matched the filters before and after the read must be output, or the run must fail naming what
 * moved; never a shorter list.
 */
const ctx = useSandbox();

const { stored, changeAfterPage, vehicles617, estimates278 } = shopOf(ctx);

/** What each case measured, for the README's table. */
const rows: Array<[string, string, string, string]> = [];
const CASES = 20;

afterAll(() => {
	// Compared only when every case ran (not under `-t`); a failed case fails on its own.
	if (rows.length < CASES) return;
	expectReadmeBlock(
		'changes-lists',
		markdownTable(
			[
				'Situation',
				'What the node does',
				'Records output / matching for the whole read',
				'Requests (pages + probes)',
			],
			rows,
		),
	);
});

/**
 * The list's GETs the sandbox received, read by read: its pages, then the probes (the GETs with
 * `updatedDateStart`, which no case sets itself), e.g. "7 + 1, then 7 + 1".
 */
function cost(path: string): { reads: Array<{ pages: number; probes: number }>; text: string } {
	const reads: Array<{ pages: number; probes: number }> = [];
	for (const call of apiCalls(ctx.sandbox, path)) {
		if (call.query.updatedDateStart !== undefined) reads[reads.length - 1].probes++;
		else if (call.query.page === '1') reads.push({ pages: 1, probes: 0 });
		else reads[reads.length - 1].pages++;
	}
	const text = reads.map(({ pages, probes }) => `${pages} + ${probes}`).join(', then ');
	return { reads, text };
}

interface Case extends ShopCase {
	account?: IDataObject;
}

/**
 * Runs a Return All and measures it against the sandbox: the ids matching before and after the
 * read, the ids output (each once), and the requests.
 */
async function readAll({ resource, stored: table, path, matches, parameters, account }: Case) {
	const idField = ID_FIELDS[table] as string;
	const ids = () =>
		new Set(
			stored(table)
				.filter(matches)
				.map((r) => String(r[idField])),
		);
	const before = ids();
	const credentials = account
		? credentialsFor(ctx.sandbox, { rateWindowMs: 1_000, ...account })
		: ctx.credentials;
	const result = await run(credentials, {
		resource,
		operation: 'getAll',
		companyId: DEMO_COMPANY_ID,
		returnAll: true,
		simplify: false,
		...parameters,
	});
	const after = ids();
	const throughout = new Set([...before].filter((id) => after.has(id)));
	const output = jsonOf(result.items).map((r) => String(r[idField]));
	expect(new Set(output).size).toBe(output.length);
	return { result, before, after, throughout, output, cost: cost(path) };
}

/** The output is whole: every record that matched throughout, and nothing that never matched. */
function expectWhole({ output, throughout, before, after }: Awaited<ReturnType<typeof readAll>>) {
	for (const id of throughout) expect(output).toContain(id);
	for (const id of output) expect(before.has(id) || after.has(id)).toBe(true);
}

/** A read that succeeded whole with `length` records, at the cost `requests` ("7 + 1, then 7 + 1"). */
function expectWholeRead(
	read: Awaited<ReturnType<typeof readAll>>,
	length: number,
	requests: string,
) {
	expect(read.result.error).toBeUndefined();
	expect(read.output).toHaveLength(length);
	expectWhole(read);
	expect(read.cost.text).toBe(requests);
}

function row(
	situation: string,
	does: string,
	measured: Awaited<ReturnType<typeof readAll>>,
	requests = measured.cost.text,
) {
	const output = measured.result.error ? 0 : measured.output.length;
	rows.push([situation, does, `${output} / ${measured.throughout.size}`, requests]);
}

describe('nothing changes', () => {
	it('617 vehicles: all output, for exactly one GET more than the pages', async () => {
		vehicles617();
		const read = await readAll(vehiclesUpdatedBefore);
		expect(read.throughout.size).toBe(617);
		expectWholeRead(read, 617, '7 + 1');
		row(
			'Nothing changes (617 vehicles, Updated Before)',
			'outputs them: the probe finds no change',
			read,
		);
	});

	it('617 vehicles, no filter, ID order: all output, for no GET more than the pages', async () => {
		vehicles617();
		const read = await readAll(allVehicles);
		expectWholeRead(read, 617, '7 + 0');
		row(
			'Nothing changes (617 vehicles, no filter, ID order)',
			'outputs them: AutoLeap’s counts held, nothing to ask',
			read,
		);
	});
});

describe('the findings: a record leaves the filters after its page was read', () => {
	it('Updated Before: vehicle #6 edited while page 1 is slow; read again, #101 is not lost', async () => {
		const list = vehicles617().filter(vehiclesUpdatedBefore.matches);
		const [sixth, hundredFirst] = [list[5], list[100]];
		changeAfterPage(
			'/vehicles',
			1,
			[{ resource: 'vehicles', id: sixth.vehicleId, patch: { notes: 'edited' } }],
			{ ms: 1_500 },
		);
		const read = await readAll(vehiclesUpdatedBefore);
		expect(read.before.size).toBe(617);
		expect(read.output).toContain(hundredFirst.vehicleId);
		expect(read.output).not.toContain(sixth.vehicleId);
		// The probe's second GET is not needed: Updated Before ends before the changes began.
		expectWholeRead(read, 616, '7 + 1, then 7 + 1');
		row(
			'Updated Before: vehicle #6 edited while page 1 is slow (the finding: #101 was lost)',
			'reads it again',
			read,
		);
	});

	it('Status = Estimate: estimate #6 approved after page 1; read again, #101 is not lost', async () => {
		const list = estimates278();
		changeAfterPage('/orders', 1, [approve(list[5])]);
		const read = await readAll(estimates);
		expect(read.output).toContain(String(list[100].repairOrderNumber));
		expectWholeRead(read, 277, '3 + 2, then 3 + 2');
		row(
			'Status = Estimate: estimate #6 approved after page 1 (the finding: #101 was lost)',
			'reads it again',
			read,
		);
	});
});

describe('Limit', () => {
	it('a Limit beyond the list’s end reads it whole: the same check, read again', async () => {
		const list = vehicles617().filter(vehiclesUpdatedBefore.matches);
		changeAfterPage('/vehicles', 1, [
			{ resource: 'vehicles', id: list[5].vehicleId, patch: { notes: 'edited' } },
		]);
		const read = await readAll({
			...vehiclesUpdatedBefore,
			parameters: { ...vehiclesUpdatedBefore.parameters, returnAll: false, limit: 1_000 },
		});
		expect(read.output).toContain(list[100].vehicleId);
		expectWholeRead(read, 616, '7 + 1, then 7 + 1');
		row('Limit 1,000 (beyond the 617): vehicle #6 edited after page 1', 'reads it again', read);
	});

	it('a Limit the read stops at is not checked: the pages as read', async () => {
		const list = estimates278();
		changeAfterPage('/orders', 1, [approve(list[5])]);
		const read = await readAll({
			...estimates,
			parameters: { ...estimates.parameters, returnAll: false, limit: 150 },
		});
		expect(read.result.error).toBeUndefined();
		const numbers = list.map((o) => String(o.repairOrderNumber));
		// Estimate #6 as page 1 held it, then #102–#151: #101 shifted onto page 1 unseen.
		expect(read.output).toEqual([...numbers.slice(0, 100), ...numbers.slice(101, 151)]);
		expect(read.cost.reads).toEqual([{ pages: 2, probes: 0 }]);
		rows.push([
			'Limit 150 (the read stops there): estimate #6 approved after page 1',
			'outputs 150 as the pages held them, unchecked: #6 (approved since), not #101',
			`150 of the first 151 / ${read.throughout.size}`,
			read.cost.text,
		]);
	});
});

describe('records that leave or change without shifting what was read', () => {
	it('an estimate on page 3 approved after page 1 (before its page): no second read', async () => {
		const list = estimates278();
		changeAfterPage('/orders', 1, [approve(list[250])]);
		const read = await readAll(estimates);
		expect(read.output).not.toContain(String(list[250].repairOrderNumber));
		expectWholeRead(read, 277, '3 + 2');
		row(
			'Status = Estimate: an estimate on page 3 approved after page 1',
			'outputs the others: it left from a page not yet read',
			read,
		);
	});

	it('vehicle #6 archived after page 1, where lists show archived records: it stays', async () => {
		const [, , , , , sixth] = vehicles617();
		changeAfterPage('/vehicles', 1, [
			{ resource: 'vehicles', id: sixth.vehicleId, patch: { vehicleStatus: 'Inactive' } },
		]);
		const read = await readAll(allVehicles);
		expect(ctx.sandbox.store.get('vehicles', sixth.vehicleId)?.vehicleStatus).toBe('Inactive');
		expectWholeRead(read, 617, '7 + 0');
		row(
			'Vehicle #6 archived after page 1; lists show archived records (sandbox default)',
			'outputs all: nothing moved',
			read,
		);
	});

	it('a busy shop, in ID order: vehicles edited and archived after every page, none lost', async () => {
		const list = vehicles617();
		for (let page = 1; page <= 6; page++) {
			changeAfterPage('/vehicles', page, [
				{ resource: 'vehicles', id: list[page * 90].vehicleId, patch: { notes: `p${page}` } },
				{ resource: 'vehicles', id: list[page * 100 + 5].vehicleId, patch: { mileage: page } },
				{ resource: 'vehicles', id: list[page].vehicleId, patch: { vehicleStatus: 'Inactive' } },
			]);
		}
		const read = await readAll(allVehicles);
		expectWholeRead(read, 617, '7 + 0');
		row(
			'Busy shop: 18 vehicles edited or archived (listed) across the read, ID order',
			'outputs all: no change shifts an ID order',
			read,
		);
	});

	it('a busy shop with Status = Estimate: other orders change status, estimates are edited', async () => {
		const list = estimates278();
		const others = stored('orders').filter((o) => o.repairOrderStatusId === 2);
		for (let page = 1; page <= 2; page++) {
			changeAfterPage('/orders', page, [
				{
					resource: 'orders',
					id: others[page].repairOrderNumber,
					patch: { repairOrderStatusId: 3 },
				},
				{ resource: 'orders', id: list[page * 50].repairOrderNumber, patch: { shopNotes: 'x' } },
				{ resource: 'orders', id: list[page * 120].repairOrderNumber, patch: { shopNotes: 'y' } },
			]);
		}
		const read = await readAll(estimates);
		expectWholeRead(read, 278, '3 + 2');
		row(
			'Busy shop, Status = Estimate: 2 other orders completed, 4 estimates edited across the read',
			'outputs all 278',
			read,
		);
	});
});

describe('records that join during the read', () => {
	const created = (n: number): RecordChange => ({
		resource: 'vehicles',
		create: {
			companyId: DEMO_COMPANY_ID,
			customerId: stored('vehicles')[0].customerId,
			make: `New ${n}`,
		},
	});

	it('ascending (they come last): output too, and those created just before count at first', async () => {
		vehicles617();
		// Created a moment before page 1 (within the margin the read looks back): not joiners.
		for (const change of [created(-1), created(-2), created(-3)])
			ctx.sandbox.store.create('vehicles', change.create as SandboxRecord);
		changeAfterPage('/vehicles', 1, [created(1), created(2), created(3)]);
		changeAfterPage('/vehicles', 3, [created(4), created(5)]);
		const read = await readAll(allVehicles);
		expect([read.before.size, read.after.size]).toEqual([620, 625]);
		expectWholeRead(read, 625, '7 + 0');
		row(
			'3 vehicles created just before the read, 5 during it (ID order: they come last)',
			'outputs them too',
			read,
		);
	});

	it('newest first (they push the pages): the pushed records are output once, none lost', async () => {
		vehicles617();
		changeAfterPage('/vehicles', 1, [created(1), created(2), created(3)], {
			query: { page: 1, sortDirection: 'DESC' },
		});
		changeAfterPage('/vehicles', 3, [created(4), created(5)], {
			query: { page: 3, sortDirection: 'DESC' },
		});
		const read = await readAll({
			...allVehicles,
			parameters: { filters: { sortDirection: 'DESC' } },
		});
		// Pages 2 and 4 began with records already read (3, then 5 more): each output once.
		const pages = apiCalls(ctx.sandbox, '/vehicles').filter((c) => !c.query.updatedDateStart);
		expect(pages.map((c) => c.query.sortDirection)).toEqual(Array(7).fill('DESC'));
		expectWholeRead(read, 617, '7 + 1');
		row(
			'5 vehicles created during the read, newest first (they push the pages)',
			'outputs each pushed record once; the new ones joined after the read began',
			read,
		);
	});
});

describe('changes only AutoLeap’s counts or the order show', () => {
	it('vehicle #6 archived after page 1, where lists hide archived records: read again', async () => {
		ctx.sandbox.setArchived('hidden');
		const listed = {
			...allVehicles,
			matches: (v: SandboxRecord) => v.vehicleStatus !== 'Inactive',
		};
		const list = vehicles617(listed.matches);
		changeAfterPage('/vehicles', 1, [
			{ resource: 'vehicles', id: list[5].vehicleId, patch: { vehicleStatus: 'Inactive' } },
		]);
		const read = await readAll(listed);
		expect(read.output).toContain(list[100].vehicleId);
		expectWholeRead(read, 616, '7 + 0, then 7 + 0');
		row(
			'Vehicle #6 archived after page 1; lists hide archived records',
			'AutoLeap’s count dropped and no new record explains it: reads it again',
			read,
		);
	});

	it('Sort By make (not ID order): a vehicle read on page 1 changes make, read again', async () => {
		const list = vehicles617();
		changeAfterPage('/vehicles', 1, [
			{ resource: 'vehicles', id: list[0].vehicleId, patch: { make: 'Zzz' } },
		]);
		const read = await readAll({ ...allVehicles, parameters: { filters: { sort: 'make' } } });
		expectWholeRead(read, 617, '7 + 1, then 7 + 1');
		row(
			'Sort By make: a vehicle read on page 1 changes make',
			'it may have moved between pages: reads it again',
			read,
		);
	});

	it('Sort By make: vehicles edited across the read, their makes unchanged: no second read', async () => {
		const list = vehicles617();
		for (let page = 1; page <= 6; page++) {
			changeAfterPage('/vehicles', page, [
				{ resource: 'vehicles', id: list[page * 90].vehicleId, patch: { mileage: page } },
				{ resource: 'vehicles', id: list[page * 100 + 7].vehicleId, patch: { notes: `p${page}` } },
			]);
		}
		const read = await readAll({ ...allVehicles, parameters: { filters: { sort: 'make' } } });
		expectWholeRead(read, 617, '7 + 1');
		row(
			'Sort By make: 12 vehicles edited across the read, makes unchanged',
			'outputs all: sorted by make then ID, a change that keeps the make moves nothing',
			read,
		);
	});

	it('timesheet logs (no updated filter): a log created after page 1 changes the count, read again', async () => {
		const [template] = stored('timesheetLogs');
		changeAfterPage('/technicians/timesheetLogs', 1, [
			{ resource: 'timesheetLogs', create: { ...template, timesheetLogId: undefined } },
		]);
		const read = await readAll({
			resource: 'technicianTimesheet',
			stored: 'timesheetLogs',
			path: '/technicians/timesheetLogs',
			matches: () => true,
			parameters: { startDate: '2020-01-01T00:00:00Z', endDate: '2100-01-01T00:00:00Z' },
		});
		expectWholeRead(read, 241, '3 + 0, then 3 + 0');
		row(
			'Timesheet logs (no updated filter): a log created after page 1',
			'AutoLeap’s count changed: reads it again (counts are all it can check)',
			read,
		);
	});
});

describe('a burst of changes', () => {
	it('newest first, 350 vehicles updated at once after page 2: more than the probe reads; read again after the burst', async () => {
		const list = vehicles617();
		changeAfterPage(
			'/vehicles',
			2,
			list.slice(200, 550).map((v) => ({
				resource: 'vehicles' as const,
				id: v.vehicleId,
				patch: { notes: 'bulk' },
			})),
		);
		const read = await readAll(newestFirst);
		expectWholeRead(read, 617, '7 + 3, then 7 + 1');
		// The second read waited for the burst to pass: its probe asks for changes after it.
		const burst = Date.parse(ctx.sandbox.store.get('vehicles', list[200].vehicleId)?.updatedDate);
		const probes = apiCalls(ctx.sandbox, '/vehicles').filter((c) => c.query.updatedDateStart);
		expect(Date.parse(probes[0].query.updatedDateStart)).toBeLessThan(burst);
		expect(Date.parse(probes[3].query.updatedDateStart)).toBeGreaterThan(burst);
		row(
			'Newest first: 350 vehicles updated at once after page 2 (a bulk update)',
			'more changes than the probe reads (300): waits 4 s, reads it again',
			read,
		);
	});
});

describe('an AutoLeap that ignores the updated window', () => {
	it('newest first, a proxy drops updatedDateStart: the probe’s records show it, the counts decide', async () => {
		const proxy = await startRewritingProxy(ctx.sandbox.url, {
			request: (call) => call.query.delete('updatedDateStart'),
		});
		try {
			vehicles617();
			const read = await readAll({
				...newestFirst,
				account: { customUrl: proxy.url, environment: 'custom' },
			});
			expect(read.result.error).toBeUndefined();
			expect(read.output).toHaveLength(617);
			expectWhole(read);
			// The pages (newest first), then the probe (the company alone, its window dropped).
			const calls = apiCalls(ctx.sandbox, '/vehicles').map((c) => c.query);
			expect(calls.map((q) => [q.page, q.sortDirection, q.updatedDateStart])).toEqual([
				...['1', '2', '3', '4', '5', '6', '7'].map((page) => [page, 'DESC', undefined]),
				['1', undefined, undefined],
			]);
			row(
				'A proxy drops `updatedDateStart` (newest first, nothing changes)',
				'the probe answers records changed long before: AutoLeap’s counts decide (they held)',
				read,
				'7 + 1',
			);
		} finally {
			await proxy.close();
		}
	});
});

describe('when the second read cannot help', () => {
	it('an estimate approved during each read: fails naming them, nothing output', async () => {
		const list = estimates278();
		changeAfterPage('/orders', 1, [approve(list[5])]);
		changeAfterPage('/orders', 2, [approve(list[10])], { skip: 1 });
		const read = await readAll(estimates);
		const error = read.result.error as Error & { description?: string };
		expect(read.result.items).toHaveLength(0);
		expect(error.message).toBe(
			`Records moved while AutoLeap's list was read; run it again: repair order ${list[10].repairOrderNumber} changed at ${stored('orders').find((o) => o.repairOrderNumber === list[10].repairOrderNumber)?.updatedDate} and no longer matches the filters`,
		);
		expect(error.description).toMatch(/^It was read twice, and both times records changed/);
		expect(error.description).toMatch(/Nothing was output/);
		expect(read.cost.reads).toEqual([
			{ pages: 3, probes: 2 },
			{ pages: 3, probes: 2 },
		]);
		row(
			'An estimate approved during each of two reads',
			'fails: "Records moved while AutoLeap’s list was read; run it again: repair order … changed at … and no longer matches the filters"',
			read,
		);
	});

	it('an account that allows 8 reads a minute: no second read that would wait, the same error', async () => {
		const list = estimates278();
		changeAfterPage('/orders', 1, [approve(list[5])]);
		const read = await readAll({ ...estimates, account: { readsPerMinute: 8 } });
		const error = read.result.error as Error & { description?: string };
		expect(read.result.items).toHaveLength(0);
		expect(error.message).toContain(`repair order ${list[5].repairOrderNumber} changed at`);
		expect(error.description).toMatch(
			/^It was read once \(reading it again at once would have waited/,
		);
		expect(read.cost.reads).toEqual([{ pages: 3, probes: 2 }]);
		row(
			'Estimate #6 approved after page 1, on an account allowing 8 reads a minute',
			'fails at once: a second read would wait for the rate limit',
			read,
		);
	});
});
