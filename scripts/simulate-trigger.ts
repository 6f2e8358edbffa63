/**
 * A larger randomised run of the AutoLeap Trigger against the sandbox (see
 * test/trigger/simulation.ts): npx tsx scripts/simulate-trigger.ts --seed 7 --events 20000
 * Options: --event vehicleUpdated|repairOrderUpdated|paymentUpdated|customerUpdated,
 * --overlap <seconds>, --max-requests <n>, --skew <ms>, and the sandbox's date rules:
 * --dates documented|truncate|lenient, --end-bound second|instant, --stamps milliseconds|seconds.
 * Exits 1 if anything was lost or doubled, or a request was rejected or sent an undocumented date.
 */
import './n8n-env';

import { DATE_MODES, END_BOUNDS, STAMP_PRECISIONS } from '../sandbox';

function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
}

function choice<T extends string>(name: string, allowed: readonly T[]): T | undefined {
	const value = arg(name);
	if (value !== undefined && !allowed.includes(value as T)) {
		console.error(`--${name} must be one of: ${allowed.join(', ')}`);
		process.exit(2);
	}
	return value as T | undefined;
}

async function main() {
	if (process.argv.includes('--help')) {
		console.log(
			'npx tsx scripts/simulate-trigger.ts [--seed N] [--events N] [--event E] [--overlap S] [--max-requests N] [--skew MS]\n' +
				`  [--dates ${DATE_MODES.join('|')}] [--end-bound ${END_BOUNDS.join('|')}] [--stamps ${STAMP_PRECISIONS.join('|')}]`,
		);
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
		dates: choice('dates', DATE_MODES),
		endBound: choice('end-bound', END_BOUNDS),
		stamps: choice('stamps', STAMP_PRECISIONS),
	});
	const lines = [
		`seed                     ${report.seed}`,
		`event                    ${report.event}`,
		`sandbox dates            ${report.dates} (mode/end bound/stamps)`,
		`events (writes)          ${report.events} (${report.writesDuringPolls} during polls; bursts of >100: ${report.frozenBursts} in one ms, ${report.secondBursts} over one second)`,
		`polls                    ${report.polls} (${report.cappedPolls} at the request cap, ${report.restarts} after a restart)`,
		`versions to emit         ${report.required}`,
		`emitted                  ${report.emitted}`,
		`lost                     ${report.lost}`,
		`duplicated               ${report.duplicated}`,
		`overwritten before read  ${report.overwrittenBeforeRead} (current at a poll's end, replaced before any poll could read them)`,
		`same-stamp rewrites      ${report.sameStampRewrites} (updates that kept the record's time: one version to any poller keyed on id and time)`,
		`rejected requests        ${report.rejected}`,
		`undocumented date bounds ${report.undocumentedBounds}`,
		`requests per idle poll   ${report.requestsPerIdlePoll.average} average, ${report.requestsPerIdlePoll.max} max (${report.idlePolls} idle polls)`,
		`requests                 ${report.requests}`,
		`took                     ${((Date.now() - started) / 1000).toFixed(1)} s`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	if (
		report.lost > 0 ||
		report.duplicated > 0 ||
		report.rejected > 0 ||
		report.undocumentedBounds > 0
	)
		process.exitCode = 1;
}

void main();
