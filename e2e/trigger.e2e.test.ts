/**
 * The AutoLeap Trigger active in a real n8n server (`n8n start`; published, in 2.x): it polls at
 * activation and every minute, a change made in AutoLeap arrives in the next execution, and after
 * n8n restarts nothing already emitted comes again while a change made during the downtime still
 * arrives. Executions are read back through n8n's public API.
 */
import { DEMO_COMPANY_ID } from '../sandbox/seed';
import { itemsOf, waitFor, type N8nServer } from './lib/n8n';
import { useN8n } from './lib/suite';
import { AUTOLEAP_TRIGGER, chain } from './lib/workflow';

const ctx = useN8n();
const WORKFLOW = 'E2eTriggerVeh001';
let server: N8nServer | undefined;

const workflow = chain(
	WORKFLOW,
	'e2e: vehicle updated → summary',
	[
		{
			name: 'Summary',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode:
					"return $input.all().map((item) => ({ json: { vehicle: item.json.vehicleId + ' ' + item.json.make, at: item.json.updatedDate } }));",
			},
		},
	],
	{
		name: 'Vehicle Updated',
		type: AUTOLEAP_TRIGGER,
		parameters: {
			event: 'vehicleUpdated',
			companyId: DEMO_COMPANY_ID,
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		},
	},
);

afterAll(async () => {
	await server?.stop();
});

const WHOLE_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const vehiclePolls = () =>
	ctx.sandbox.requestLog.filter((r) => r.method === 'GET' && r.path === '/vehicles').length;

/** Waits for the next poll (a GET /vehicles) after `seen` polls. */
const nextPoll = (seen: number, what: string) =>
	waitFor(async () => vehiclePolls() > seen, what, 100_000);

async function executionsEmitted(count: number) {
	await waitFor(
		async () => (await server!.executions(WORKFLOW)).length >= count,
		`${count} execution(s) of the trigger workflow`,
		100_000,
		2_000,
	);
	const executions = await server!.executions(WORKFLOW);
	return executions.map((e) => ({
		status: e.status,
		vehicles: itemsOf(e, 'Vehicle Updated'),
		summary: itemsOf(e, 'Summary'),
	}));
}

it('emits each change once: after activation, on schedule, and across a restart of n8n', async () => {
	await ctx.n8n.importWorkflows([workflow]);
	await ctx.n8n.activate(WORKFLOW);
	server = await ctx.n8n.start();
	// Activation polls once; with Start From Now that poll emits nothing.
	await nextPoll(0, 'the poll at activation');

	const [first, second] = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
	const changed = [
		ctx.sandbox.store.update('vehicles', first.vehicleId, { mileage: 123_456 }),
		ctx.sandbox.store.update('vehicles', second.vehicleId, { color: 'Red' }),
		ctx.sandbox.store.create('vehicles', {
			companyId: DEMO_COMPANY_ID,
			customerId: first.customerId,
			make: 'Rivian',
			model: 'R1T',
		}),
	];
	const [scheduled] = await executionsEmitted(1);
	expect(scheduled.status).toBe('success');
	expect(scheduled.vehicles.map((v) => String(v.vehicleId)).sort()).toEqual(
		changed.map((v) => String(v.vehicleId)).sort(),
	);
	expect(scheduled.summary).toHaveLength(3);

	// Down for a while; a change made meanwhile must arrive when n8n is back, and nothing else.
	await server.stop();
	const whileDown = ctx.sandbox.store.update('vehicles', first.vehicleId, { mileage: 123_999 });
	const polls = vehiclePolls();
	server = await ctx.n8n.start();
	await nextPoll(polls, 'the poll at re-activation');
	const [, afterRestart] = await executionsEmitted(2);
	expect(afterRestart.vehicles.map((v) => [String(v.vehicleId), v.updatedDate])).toEqual([
		[String(whileDown.vehicleId), whileDown.updatedDate],
	]);

	// The next scheduled poll finds nothing new: no third execution.
	await nextPoll(vehiclePolls(), 'the next scheduled poll');
	await new Promise((done) => setTimeout(done, 5_000));
	const all = await server.executions(WORKFLOW);
	expect(all).toHaveLength(2);
	const emitted = all.flatMap((e) =>
		itemsOf(e, 'Vehicle Updated').map((v) => `${v.vehicleId}@${v.updatedDate}`),
	);
	expect(new Set(emitted).size).toBe(emitted.length);
	// The sandbox reads dates as AutoLeap documents them (a bound with milliseconds is a 400): every
	// poll was answered, and asked in whole seconds.
	const reads = ctx.sandbox.requestLog.filter((r) => r.method === 'GET' && r.path === '/vehicles');
	expect(ctx.sandbox.dates.mode).toBe('documented');
	expect(reads.length).toBeGreaterThanOrEqual(3);
	expect(reads.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
	for (const poll of reads) {
		expect([poll.query.updatedDateStart, poll.query.updatedDateEnd]).toEqual([
			expect.stringMatching(WHOLE_SECOND),
			expect.stringMatching(WHOLE_SECOND),
		]);
	}
});
