import { simulate } from './simulation';
import type { SimulationOptions } from './simulation';

/**
 * Fixed seeds of the randomised trigger simulation (see simulation.ts): writes interleaved with
 * polls and in flight during them, bursts of >100 writes in one millisecond, polls at the request
 * cap, n8n restarts, and clocks that disagree by less than the overlap. Larger runs:
 * `npx tsx scripts/simulate-trigger.ts --seed N --events M`.
 */
const runs: SimulationOptions[] = [
	{ seed: 1, events: 2000, event: 'vehicleUpdated', maxRequests: 5, overlapSeconds: 30 },
	{ seed: 2, events: 2000, event: 'repairOrderUpdated', maxRequests: 50, overlapSeconds: 5, skewMs: -3000 },
	{ seed: 3, events: 2000, event: 'paymentUpdated', maxRequests: 8, overlapSeconds: 10, skewMs: 2000 },
];

describe('AutoLeap Trigger simulation', () => {
	it.each(runs)('seed $seed ($event): every visible version emitted, none twice', async (options) => {
		const report = await simulate(options);
		// Figures for the record (events, polls, cap hits, idle cost).
		process.stdout.write(`${JSON.stringify(report)}\n`);
		expect(report.events).toBeGreaterThanOrEqual(options.events);
		expect(report.required).toBeGreaterThan(1000);
		expect(report.frozenBursts).toBeGreaterThan(0);
		expect(report.writesDuringPolls).toBeGreaterThan(0);
		expect(report.restarts).toBeGreaterThan(0);
		expect(report.lost).toBe(0);
		expect(report.duplicated).toBe(0);
		expect(report.requestsPerIdlePoll.average).toBeLessThan(1.5);
	});
});
