import { simulate } from './simulation';
import type { SimulationOptions } from './simulation';

/**
 * Fixed seeds of the randomised trigger simulation (see simulation.ts): writes interleaved with
 * polls and in flight during them, bursts of >100 writes in one millisecond or spread over one
 * second, polls at the request cap, n8n restarts, and clocks that disagree by less than the
 * overlap; against a sandbox that reads dates as documented (a bound with milliseconds is a 400)
 * or cuts them to the second, reads an end bound as its whole second or as the instant, and
 * stamps records with or without milliseconds. Larger runs:
 * `npx tsx scripts/simulate-trigger.ts --seed N --events M`.
 */
const runs: SimulationOptions[] = [
	{
		seed: 1,
		events: 2000,
		skewMs: 0,
		event: 'vehicleUpdated',
		maxRequests: 5,
		overlapSeconds: 30,
		dates: 'documented',
		endBound: 'second',
		stamps: 'milliseconds',
	},
	{
		seed: 2,
		events: 2000,
		event: 'repairOrderUpdated',
		maxRequests: 50,
		overlapSeconds: 5,
		skewMs: -3000,
		dates: 'documented',
		endBound: 'instant',
		stamps: 'milliseconds',
	},
	{
		seed: 3,
		events: 2000,
		event: 'paymentUpdated',
		maxRequests: 8,
		overlapSeconds: 10,
		skewMs: 2000,
		dates: 'documented',
		endBound: 'second',
		stamps: 'seconds',
	},
	{
		seed: 4,
		events: 2000,
		skewMs: 0,
		event: 'customerUpdated',
		maxRequests: 15,
		overlapSeconds: 30,
		dates: 'documented',
		endBound: 'instant',
		stamps: 'seconds',
	},
	{
		seed: 5,
		events: 2000,
		event: 'vehicleUpdated',
		maxRequests: 10,
		overlapSeconds: 20,
		skewMs: 1500,
		dates: 'truncate',
		endBound: 'instant',
		stamps: 'milliseconds',
	},
	{
		seed: 6,
		events: 2000,
		skewMs: 0,
		event: 'paymentUpdated',
		maxRequests: 6,
		overlapSeconds: 10,
		dates: 'truncate',
		endBound: 'second',
		stamps: 'seconds',
	},
	{
		seed: 7,
		events: 2000,
		event: 'customerUpdated',
		maxRequests: 10,
		overlapSeconds: 30,
		skewMs: 3_600_000,
		dates: 'documented',
		endBound: 'second',
		stamps: 'milliseconds',
	},
	{
		seed: 8,
		events: 2000,
		event: 'vehicleUpdated',
		maxRequests: 8,
		overlapSeconds: 20,
		skewMs: -3_600_000,
		dates: 'documented',
		endBound: 'instant',
		stamps: 'seconds',
	},
];

describe('AutoLeap Trigger simulation', () => {
	it.each(runs)(
		'seed $seed ($event, dates $dates, end bound $endBound, stamps $stamps, n8n − AutoLeap $skewMs ms): every visible version emitted, none twice',
		async (options) => {
			const report = await simulate(options);
			// Figures for the record (events, polls, cap hits, idle cost).
			process.stdout.write(`${JSON.stringify(report)}\n`);
			expect(report.events).toBeGreaterThanOrEqual(options.events);
			expect(report.required).toBeGreaterThan(1000);
			expect(report.frozenBursts + report.secondBursts).toBeGreaterThan(0);
			expect(report.writesDuringPolls).toBeGreaterThan(0);
			expect(report.restarts).toBeGreaterThan(0);
			expect(report.rejected).toBe(0);
			expect(report.undocumentedBounds).toBe(0);
			expect(report.lost).toBe(0);
			expect(report.duplicated).toBe(0);
			expect(report.requestsPerIdlePoll.average).toBeLessThan(1.5);
		},
	);
});
