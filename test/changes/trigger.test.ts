import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';
import type { CredentialStore } from '../harness';
import { runPoll } from '../harness/poll';
import { startRewritingProxy } from '../fixtures/rewritingProxy';
import type { RewritingProxy } from '../fixtures/rewritingProxy';
import { apiCalls, credentialsFor, DEMO_COMPANY_ID, useSandbox } from '../node/helpers';
import { expectReadmeBlock, markdownTable } from '../readme/blocks';

/**
 * The AutoLeap Trigger while the shop keeps working and AutoLeap is not what we inferred (issue
 * "Correct while the shop keeps working", classes 2, 3, 4 and 9), over HTTP through n8n-core's
 * poll context, measured against the sandbox's records and request log. The rows are the README's
 * `changes-trigger` table.
 */

const START = '2025-06-02T12:00:00.000Z';
const MINUTE = 60_000;
const rows: Array<[string, string, string, string | number]> = [];

const ctx = useSandbox(
	{ clock: 'manual', startTime: START, limits: { get: 100_000, write: 100_000, windowMs: 1000 } },
	1000,
);
let proxy: RewritingProxy;
beforeAll(async () => {
	proxy = await startRewritingProxy(ctx.sandbox.url);
});
afterAll(async () => {
	await proxy.close();
});
beforeEach(() => proxy.setRules({}));

/** One trigger in an active workflow; n8n's clock is AutoLeap's (the sandbox's) plus `aheadMs`. */
function activeTrigger(
	parameters: INodeParameters,
	{ aheadMs = 0, credentials }: { aheadMs?: number; credentials?: CredentialStore } = {},
) {
	let staticData: IDataObject = {};
	const clock = { aheadMs };
	const nodeType = new AutoLeapTrigger({ now: () => ctx.sandbox.clock.now() + clock.aheadMs });
	return {
		/** n8n's clock, set anew. */
		clock,
		get staticData() {
			return staticData;
		},
		async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[]> {
			const result = await runPoll({
				mode,
				nodeType,
				parameters: {
					companyId: DEMO_COMPANY_ID,
					locationId: '',
					startFrom: 'now',
					simplify: false,
					options: {},
					...parameters,
				},
				credentials: credentials ?? ctx.credentials,
				staticData,
			});
			if (mode === 'trigger') staticData = result.staticData;
			return result.items?.map((item) => item.json) ?? [];
		},
	};
}

/** Credentials whose requests go through the rewriting proxy. */
const throughProxy = () =>
	credentialsFor(ctx.sandbox, { customUrl: proxy.url, rateWindowMs: 1000 });

/** The records of a list answer, whichever envelope it came in. */
function recordsOf(body: unknown): IDataObject[] {
	const page = body as { content?: IDataObject[]; results?: { content?: IDataObject[] } };
	return page.results?.content ?? page.content ?? [];
}

describe('identity: a list without the id field we inferred', () => {
	it('20 customers changed within one second are 20 changes, told apart by content and marked so', async () => {
		const { sandbox } = ctx;
		sandbox.setDates({ stamps: 'seconds' }); // until the next test's reset
		// AutoLeap names the customer's id `id`, not `customerId` (the name is inferred).
		proxy.setRules({
			response: (answer, call) => {
				if (call.method !== 'GET' || !call.path.endsWith('/customers')) return;
				for (const record of recordsOf(answer.body)) {
					record.id = record.customerId;
					delete record.customerId;
				}
			},
		});
		const trigger = activeTrigger({ event: 'customerUpdated' }, { credentials: throughProxy() });
		expect(await trigger.poll()).toEqual([]);
		sandbox.clock.advance(5_000 - (sandbox.clock.now() % 1000));
		const changed = sandbox.store
			.list('customers', DEMO_COMPANY_ID)
			.slice(0, 20)
			.map((customer) => {
				sandbox.clock.advance(40);
				return sandbox.store.update('customers', customer.customerId, { notes: 'changed' });
			});
		expect(new Set(changed.map((c) => c.updatedDate)).size).toBe(1);
		sandbox.clock.advance(MINUTE);
		sandbox.clearLog();
		const emitted = await trigger.poll();
		expect(emitted.map((c) => c.id).sort()).toEqual(changed.map((c) => c.customerId).sort());
		for (const customer of emitted) {
			expect(customer.autoLeapTrigger).toEqual({ keyedBy: 'content', missing: 'customerId' });
		}
		// Once each: the next poll re-reads the overlap and emits nothing.
		const gets = apiCalls(sandbox, '/customers').length;
		sandbox.clock.advance(MINUTE);
		expect(await trigger.poll()).toEqual([]);
		rows.push([
			'A customer list that says `id`, not `customerId`; 20 customers changed within one second (AutoLeap stamping whole seconds)',
			'tells them apart by their content, as Get Many does, and marks each `autoLeapTrigger: {keyedBy: "content", missing: "customerId"}`',
			`${emitted.length} / ${changed.length}`,
			gets,
		]);
	});
});

describe('a window AutoLeap does not apply', () => {
	const stripWindow = () =>
		proxy.setRules({
			request: (call) => {
				call.query.delete('updatedDateStart');
				call.query.delete('updatedDateEnd');
			},
		});

	it('fails at activation, naming the filter, after one GET', async () => {
		stripWindow();
		const trigger = activeTrigger({ event: 'customerUpdated' }, { credentials: throughProxy() });
		await expect(trigger.poll()).rejects.toThrow(
			'AutoLeap ignored the updated-date filter for customers',
		);
		expect(apiCalls(ctx.sandbox, '/customers')).toHaveLength(1);
		expect(trigger.staticData).toEqual({});
		rows.push([
			'A proxy strips `updatedDateStart/End` from the customer list, at activation',
			'the activation fails: "AutoLeap ignored the updated-date filter for customers"',
			'– (no cursor is stored)',
			1,
		]);
	});

	it('fails the first poll after the filter went missing, after one GET, and keeps the cursor', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger({ event: 'customerUpdated' }, { credentials: throughProxy() });
		await trigger.poll();
		const before = structuredClone(trigger.staticData);
		sandbox.clock.advance(MINUTE);
		const customer = sandbox.store.list('customers', DEMO_COMPANY_ID)[3];
		sandbox.store.update('customers', customer.customerId, { notes: 'changed' });
		sandbox.clock.advance(MINUTE);
		stripWindow();
		sandbox.clearLog();
		const failure = (await trigger.poll().then(
			() => undefined,
			(error: unknown) => error,
		)) as Error & { staticData?: IDataObject };
		expect(failure.message).toBe('AutoLeap ignored the updated-date filter for customers');
		const failedGets = apiCalls(sandbox, '/customers').length;
		expect(failedGets).toBe(1);
		// What the failed poll left in the workflow's static data (n8n 1.x keeps it in memory).
		expect(failure.staticData).toEqual(before);
		// Once AutoLeap filters again, the change made meanwhile comes.
		proxy.setRules({});
		expect((await trigger.poll()).map((c) => c.customerId)).toEqual([customer.customerId]);
		rows.push([
			'The same on a running trigger, with one change waiting',
			'that poll fails with the same error and keeps the cursor; once AutoLeap filters again the change comes',
			'0 / 1 while stripped, then 1 / 1',
			failedGets,
		]);
	});
});

describe('clocks: n8n’s and AutoLeap’s disagree', () => {
	const skews = [6, 10, 60].flatMap((m) => [
		[`${m} min ahead of`, m],
		[`${m} min behind`, -m],
	]) as Array<[string, number]>;
	it.each(skews)(
		'n8n’s clock %s AutoLeap’s: every change after activation comes once, in the next poll',
		async (way, aheadMinutes) => {
			const { sandbox } = ctx;
			const trigger = activeTrigger(
				{ event: 'vehicleUpdated' },
				{ aheadMs: aheadMinutes * MINUTE },
			);
			expect(await trigger.poll()).toEqual([]);
			const activation = apiCalls(sandbox, '/vehicles').length;
			const vehicles = sandbox.store.list('vehicles', DEMO_COMPANY_ID);
			const changed: IDataObject[] = [];
			const polls: IDataObject[][] = [];
			const gets: number[] = [];
			for (let i = 0; i < 15; i++) {
				sandbox.clock.advance(MINUTE / 2);
				if (i < 10) {
					changed.push(
						sandbox.store.update('vehicles', vehicles[i].vehicleId, { mileage: 1000 + i }),
					);
				}
				sandbox.clock.advance(MINUTE / 2);
				sandbox.clearLog();
				polls.push(await trigger.poll());
				gets.push(apiCalls(sandbox, '/vehicles').length);
			}
			const key = (v: IDataObject) => `${String(v.vehicleId)}@${String(v.updatedDate)}`;
			// Each change in the poll right after it, and nothing else.
			expect(polls.map((emitted) => emitted.map(key))).toEqual([
				...changed.map((v) => [key(v)]),
				...Array.from({ length: 5 }, () => []),
			]);
			const emitted = polls.flat();
			expect(emitted.every((v) => v.autoLeapTrigger === undefined)).toBe(true);
			expect(Math.max(...gets)).toBe(1);
			rows.push([
				`n8n's clock ${way} AutoLeap's; a change every minute after activation`,
				activation > 1
					? "reads AutoLeap's time from the answer's Date and takes the start point again around it"
					: "reads AutoLeap's time from the answer's Date",
				`${emitted.length} / ${changed.length}`,
				`${activation} at activation, then ${Math.max(...gets)}`,
			]);
		},
	);
});

it('n8n’s clock set right between polls (it was an hour ahead): the trigger learns AutoLeap’s time again and the next change comes once', async () => {
	const { sandbox } = ctx;
	const trigger = activeTrigger({ event: 'vehicleUpdated' }, { aheadMs: 60 * MINUTE });
	await trigger.poll();
	const [a, b] = sandbox.store.list('vehicles', DEMO_COMPANY_ID).slice(20, 22);
	sandbox.clock.advance(MINUTE / 2);
	const first = sandbox.store.update('vehicles', a.vehicleId, { mileage: 1 });
	sandbox.clock.advance(MINUTE / 2);
	expect((await trigger.poll()).map((v) => v.updatedDate)).toEqual([first.updatedDate]);
	trigger.clock.aheadMs = 0;
	sandbox.clock.advance(MINUTE / 2);
	const second = sandbox.store.update('vehicles', b.vehicleId, { mileage: 2 });
	sandbox.clock.advance(MINUTE / 2);
	// The first poll after the clock was set reads one second (its window, by the old skew, ended
	// before it began) and learns the clock from that answer; the next reads up to now.
	const after = [...(await trigger.poll()), ...(await trigger.poll())];
	expect(after.map((v) => v.updatedDate)).toEqual([second.updatedDate]);
});

it('Fetch Test Event finds the newest change also when n8n’s clock is an hour behind AutoLeap’s', async () => {
	const { sandbox } = ctx;
	const trigger = activeTrigger({ event: 'vehicleUpdated' }, { aheadMs: -60 * MINUTE });
	sandbox.clock.advance(MINUTE);
	const vehicle = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[7];
	const changed = sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 4242 });
	sandbox.clock.advance(1000);
	expect(await trigger.poll('manual')).toEqual([
		expect.objectContaining({ vehicleId: vehicle.vehicleId, updatedDate: changed.updatedDate }),
	]);
});

describe('a trigger that falls behind says so', () => {
	it('a poll held up while two more are due: the first is skipped, the second fails saying why, and the held poll’s items carry their lag', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger({ event: 'vehicleUpdated' }, { credentials: throughProxy() });
		await trigger.poll();
		sandbox.clock.set(Date.parse(START) + MINUTE);
		const vehicle = sandbox.store.list('vehicles', DEMO_COMPANY_ID)[4];
		const changed = sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 5150 });
		sandbox.clock.advance(2 * MINUTE);
		// AutoLeap holds the next read until the test lets it go.
		let arrived!: () => void;
		const reading = new Promise<void>((done) => (arrived = done));
		let release!: () => void;
		const gate = new Promise<void>((done) => (release = done));
		proxy.setRules({
			request: async (call) => {
				if (!call.path.endsWith('/vehicles')) return;
				arrived();
				await gate;
			},
		});
		sandbox.clearLog();
		const held = trigger.poll();
		try {
			await reading;
			expect(await trigger.poll()).toEqual([]);
			await expect(trigger.poll()).rejects.toThrow(
				'The AutoLeap Trigger skipped 2 polls in a row: the poll started 0 s ago is still running',
			);
		} finally {
			release();
		}
		const emitted = await held;
		expect(emitted).toEqual([
			expect.objectContaining({
				vehicleId: vehicle.vehicleId,
				updatedDate: changed.updatedDate,
				autoLeapTrigger: { lagSeconds: 120, skippedPolls: 2 },
			}),
		]);
		const gets = apiCalls(sandbox, '/vehicles').length;
		// The next poll runs again; a poll on time marks nothing.
		proxy.setRules({});
		const next = sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 5151 });
		sandbox.clock.advance(MINUTE);
		const onTime = await trigger.poll();
		expect(onTime.map((v) => [v.updatedDate, v.autoLeapTrigger])).toEqual([
			[next.updatedDate, undefined],
		]);
		rows.push([
			'A poll held up by AutoLeap while two more are due (a change made 2 minutes before)',
			'the first poll due is skipped; the second fails: "The AutoLeap Trigger skipped 2 polls in a row: the poll started … s ago is still running"; the held poll’s items carry `autoLeapTrigger: {lagSeconds: 120, skippedPolls: 2}`',
			`${emitted.length} / 1`,
			gets,
		]);
	});

	it('a poll that stops at Max Requests per Poll marks what it emits with its lag; the next one goes on', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger({ event: 'vehicleUpdated', options: { maxRequests: 5 } });
		await trigger.poll();
		sandbox.clock.set(Date.parse(START) + MINUTE);
		const vehicles = sandbox.store.list('vehicles', DEMO_COMPANY_ID).slice(0, 250);
		for (const vehicle of vehicles) {
			sandbox.clock.advance(40);
			sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 7 });
		}
		sandbox.clock.set(Date.parse(START) + 2 * MINUTE);
		sandbox.clearLog();
		const first = await trigger.poll();
		const gets = apiCalls(sandbox, '/vehicles').length;
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(250);
		for (const item of first) {
			const lag = (Date.parse(START) + 2 * MINUTE - Date.parse(String(item.updatedDate))) / 1000;
			expect(item.autoLeapTrigger).toEqual({ lagSeconds: Math.round(lag), skippedPolls: 0 });
		}
		// A poll a minute goes on from there.
		const rest: IDataObject[] = [];
		let polls = 1;
		for (; polls < 15 && first.length + rest.length < 250; polls++) {
			sandbox.clock.advance(MINUTE);
			rest.push(...(await trigger.poll()));
		}
		const all = [...first, ...rest];
		expect(new Set(all.map((v) => v.vehicleId)).size).toBe(250);
		expect(all).toHaveLength(250);
		rows.push([
			'250 vehicles changed within 10 s, Max Requests per Poll 5 (its least)',
			'the poll stops at the cap and marks its items with their lag (`skippedPolls: 0`); the next polls go on',
			`${first.length} in the first poll, 250 / 250 after ${polls} polls a minute apart`,
			gets,
		]);
	});
});

describe('under 429s and 503s, with 4-second tokens (AutoLeap’s minute scaled to W)', () => {
	const W = 3_000;
	const MOST_GETS = 25;
	const live = useSandbox({ limits: { get: 150, write: 50 } }, W);

	it('every change comes within two polls, and no poll runs into the next', async () => {
		const { sandbox } = live;
		const tokenMs = W / 15; // 4 s of AutoLeap's minute
		sandbox.setTokenLifetimes({ accessMs: tokenMs });
		let requests = 0;
		let gets = 0;
		const flaky = await startRewritingProxy(sandbox.url, {
			request: (call) => {
				if (++requests % 7 === 0)
					return { status: 429, body: { success: false, error: 'Rate limit exceeded' } };
				if (call.method === 'GET' && ++gets % 11 === 0)
					return { status: 503, body: { success: false, error: 'Service unavailable' } };
				return undefined;
			},
		});
		const credentials = credentialsFor(sandbox, {
			customUrl: flaky.url,
			rateWindowMs: W,
			accessLifetimeMs: tokenMs,
		});
		const nodeType = new AutoLeapTrigger();
		const parameters = {
			event: 'vehicleUpdated',
			companyId: DEMO_COMPANY_ID,
			locationId: '',
			startFrom: 'now',
			simplify: false,
			options: { overlap: (300 * W) / MINUTE },
		};
		interface Poll {
			tick: number;
			doneAt: number;
			keys: string[];
			gets: number;
			error?: string;
		}
		let staticData: IDataObject = {};
		const polls: Poll[] = [];
		const running: Array<Promise<void>> = [];
		const changes = new Map<string, number>();
		const vehicles = sandbox.store.list('vehicles', DEMO_COMPANY_ID);
		const key = (v: IDataObject) => `${String(v.vehicleId)}@${String(v.updatedDate)}`;
		const start = Date.now();
		const until = (at: number) => new Promise((done) => setTimeout(done, at - Date.now()));
		// n8n's schedule: a poll every W, whether or not the last one is done; 150 changes in the
		// middle of intervals 1, 3, 4 and 6 (1–3 intervals apart).
		const changeTicks = [1, 3, 4, 6];
		try {
			for (let tick = 0; tick < 9; tick++) {
				await until(start + tick * W);
				const logAt = flaky.log.length;
				const done = (poll: Omit<Poll, 'tick' | 'doneAt' | 'gets'>) => {
					const sent = flaky.log.slice(logAt).filter((e) => e.method === 'GET').length;
					polls.push({ tick, doneAt: Date.now(), gets: sent, ...poll });
				};
				running.push(
					runPoll({ nodeType, parameters, credentials, staticData }).then(
						(result) => {
							staticData = result.staticData;
							done({ keys: (result.items ?? []).map((item) => key(item.json)) });
						},
						(error: Error) => done({ keys: [], error: error.message }),
					),
				);
				if (!changeTicks.includes(tick)) continue;
				await until(start + (tick + 0.5) * W);
				for (let i = 0; i < 150; i++) {
					const vehicle = vehicles[(tick * 150 + i) % vehicles.length];
					const changed = sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: i });
					changes.set(key(changed), tick);
				}
			}
			await Promise.all(running);
		} finally {
			await flaky.close();
		}
		polls.sort((a, b) => a.tick - b.tick);
		// Each poll done before the next was due (none skipped), none failed.
		expect(polls.filter((p) => p.error || p.doneAt > start + (p.tick + 1) * W)).toEqual([]);
		const emittedBy = new Map<string, number>();
		for (const poll of polls) for (const k of poll.keys) emittedBy.set(k, poll.tick);
		// A change in interval k comes in the poll due at k + 1, or at the latest k + 2.
		expect([...changes].filter(([k, tick]) => !(emittedBy.get(k)! <= tick + 2))).toEqual([]);
		const emitted = polls.flatMap((p) => p.keys);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(flaky.log.filter((e) => e.status === 429).length).toBeGreaterThan(5);
		expect(flaky.log.filter((e) => e.status === 503).length).toBeGreaterThan(5);
		// Up to three bursts of 150 in the overlap, each a dense second of 2 pages, re-read each poll.
		const most = Math.max(...polls.map((p) => p.gets));
		expect(most).toBeLessThanOrEqual(MOST_GETS);
		const took = polls.map((p) => ((p.doneAt - start) / W - p.tick).toFixed(2));
		process.stdout.write(
			`GETs per poll: ${polls.map((p) => p.gets).join(', ')}; took (intervals): ${took.join(', ')}\n`,
		);
		rows.push([
			'Every 7th request answered 429 and every 11th GET 503, 4-second tokens, 150 vehicles changing together every 1–3 polls (AutoLeap’s minute and limits scaled to 3 s)',
			'each change in the next poll or the one after; no poll runs into the next (the 429s and 503s waited out, a second each)',
			`${emittedBy.size} / ${changes.size}`,
			`at most ${MOST_GETS}`,
		]);
	}, 60_000);
});

it('README: the changes-trigger table is what these tests measured', () => {
	expect(rows).toHaveLength(12);
	expectReadmeBlock(
		'changes-trigger',
		markdownTable(
			['Situation', 'What the trigger does', 'Changes emitted / made', 'GETs per poll'],
			rows,
		),
	);
});
