/**
 * A larger randomised run of the AutoLeap Trigger against the sandbox (see
 * test/trigger/simulation.ts): npx tsx scripts/simulate-trigger.ts --seed 7 --events 20000
 * Options: --event vehicleUpdated|repairOrderUpdated|paymentUpdated|customerUpdated,
 * --overlap <seconds>, --max-requests <n>, --skew <ms>. Exits 1 if anything was lost or doubled.
 */
import './n8n-env';

function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

async function main() {
	if (process.argv.includes('--help')) {
		console.log('npx tsx scripts/simulate-trigger.ts [--seed N] [--events N] [--event E] [--overlap S] [--max-requests N] [--skew MS]');
		return;
	}
	const { simulate } = await import('../test/trigger/simulation');
	const seed = Number(arg('seed') ?? Math.floor(Math.random() * 1e9));
	const started = Date.now();
	const report = await simulate({
		seed,
		events: Number(arg('events') ?? 10_000),
		event: arg('event') as never,
		overlapSeconds: arg('overlap') === undefined ? undefined : Number(arg('overlap')),
		maxRequests: arg('max-requests') === undefined ? undefined : Number(arg('max-requests')),
		skewMs: arg('skew') === undefined ? undefined : Number(arg('skew')),
	});
	const lines = [
		`seed                     ${report.seed}`,
		`event                    ${report.event}`,
		`events (writes)          ${report.events} (${report.writesDuringPolls} during polls, ${report.frozenBursts} frozen bursts)`,
		`polls                    ${report.polls} (${report.cappedPolls} at the request cap, ${report.restarts} after a restart)`,
		`versions to emit         ${report.required}`,
		`emitted                  ${report.emitted}`,
		`lost                     ${report.lost}`,
		`duplicated               ${report.duplicated}`,
		`overwritten before read  ${report.overwrittenBeforeRead} (current at a poll's end, replaced before any poll could read them)`,
		`requests per idle poll   ${report.requestsPerIdlePoll.average} average, ${report.requestsPerIdlePoll.max} max (${report.idlePolls} idle polls)`,
		`requests                 ${report.requests}`,
		`took                     ${((Date.now() - started) / 1000).toFixed(1)} s`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	if (report.lost > 0 || report.duplicated > 0) process.exitCode = 1;
}

void main();
