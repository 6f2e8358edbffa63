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
	const nodeType = new AutoLeapTrigger({ now: () => ctx.sandbox.clock.now() + aheadMs });
	return {
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
		sandbox.setDates({ stamps: 'seconds' });
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
		sandbox.setDates({ stamps: 'milliseconds' });
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
		await expect(trigger.poll()).rejects.toThrow(
			'AutoLeap ignored the updated-date filter for customers',
		);
		const failedGets = apiCalls(sandbox, '/customers').length;
		expect(failedGets).toBe(1);
		expect(trigger.staticData).toEqual(before);
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

it('README: the changes-trigger table is what these tests measured', () => {
	expect(rows).toHaveLength(9);
	expectReadmeBlock(
		'changes-trigger',
		markdownTable(
			['Situation', 'What the trigger does', 'Changes emitted / made', 'GETs per poll'],
			rows,
		),
	);
});
