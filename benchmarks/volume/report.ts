/** bench:volume's section of benchmarks/RESULTS.md, from one run's figures. */
import { cpus, totalmem } from 'node:os';

import { IMPORTING_AT, type ShopsRun } from './shops';

export interface JobRun {
	job: 'read' | 'create';
	setup: string;
	/** Requests the job needs at least: pages, or bulk POSTs of 100. */
	minimum: number;
	status: string;
	/** The webhook's answer: the Count node's items. */
	answer: unknown;
	error?: string;
	executionMs: number;
	callMs: number;
	requests: number;
	logins: number;
	rateLimited: number;
	firstRequestMs: number;
	requestSpanMs: number;
	afterLastMs: number;
	atRest: number;
	peakRss: number;
	cpuMs: number;
	stallMs: { before: number; during: number; after: number };
	/** Create: the vehicles the sandbox holds from this job. */
	written?: number;
}

export interface VolumeRun {
	date: string;
	vehicles: number;
	creates: number;
	scale: number;
	limits: { get: number; write: number; windowMs: number };
	load: number[];
	runs: JobRun[];
	shops: ShopsRun;
}

const n = (value: number) => value.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${n(Math.round(bytes / 2 ** 20))} MB`;
const ms = (value: number) => `${n(Math.round(value))} ms`;
const growth = (run: JobRun) => run.peakRss - run.atRest;
const stalls = (run: JobRun) =>
	`${ms(run.stallMs.before)} / ${ms(run.stallMs.during)} / ${ms(run.stallMs.after)}`;

/** The Count node's figures: items counted per group (Create splits by `success`). */
function counted(run: JobRun) {
	const items = Array.isArray(run.answer) ? (run.answer as Array<Record<string, unknown>>) : [];
	const sum = (prefix: string, pick: (item: Record<string, unknown>) => boolean = () => true) =>
		items
			.filter(pick)
			.reduce(
				(total, item) =>
					total + Number(Object.entries(item).find(([key]) => key.startsWith(prefix))?.[1] ?? 0),
				0,
			);
	return {
		items: sum('count_'),
		distinct: sum('unique_count_'),
		succeeded: sum('count_', (item) => item.success === true),
	};
}

const outcome = (run: JobRun) =>
	run.status === 'success'
		? 'success'
		: `**${run.status}**${run.error ? `: ${run.error.replace(/\s+/g, ' ').replace(/\|/g, '/').slice(0, 120)}` : ''}`;

/** A read's outcome; a successful run that output fewer vehicles than the list holds says so. */
function readOutcome(run: JobRun, vehicles: number): string {
	const { distinct } = counted(run);
	return run.status === 'success' && distinct < vehicles
		? `**success, with ${n(distinct)} of the ${n(vehicles)} vehicles**`
		: outcome(run);
}

function readTable(runs: JobRun[], vehicles: number): string {
	const ours = runs[0];
	const rows = runs.map((run) => {
		const { items, distinct } = counted(run);
		// A run that output part of the list is not compared with one that read it all.
		const whole = distinct === vehicles;
		const ratio =
			run === ours ? '' : whole ? (ours.executionMs / run.executionMs).toFixed(3) : 'n/a';
		const growthRatio = run === ours ? '' : whole ? (growth(run) / growth(ours)).toFixed(2) : 'n/a';
		return `| ${run.setup} | ${readOutcome(run, vehicles)} | ${n(items)} / ${n(distinct)} | ${n(run.requests)} (${run.logins}) | ${run.rateLimited} | ${n(run.minimum)} | ${s(run.executionMs)} | ${ratio} | ${mb(run.atRest)} | ${mb(run.peakRss)} | ${mb(growth(run))} | ${growthRatio} | ${s(run.cpuMs)} | ${stalls(run)} |`;
	});
	return [
		'| Setup | Outcome | Vehicles out / distinct | Requests (logins) | 429s | Minimum GETs | Time | Ours / theirs | n8n at rest | Peak | Growth | Growth ÷ ours | n8n CPU | Longest stall: before the 1st request / during / after the last |',
		`|${' --- |'.repeat(14)}`,
		...rows,
	].join('\n');
}

/** The limits' least time for `posts` writes: a window's worth at once, then one per window. */
const minimumWriteMs = (posts: number, limits: VolumeRun['limits']) =>
	(Math.ceil(posts / limits.write) - 1) * limits.windowMs;

function createTable(runs: JobRun[], limits: VolumeRun['limits'], creates: number): string {
	const rows = runs.map((run, i) => {
		const items = i === 0 ? creates : run.minimum * 100;
		const { succeeded } = counted(run);
		const reported = i === 0 ? `${n(succeeded)} / ${n(items - succeeded)}` : 'n/a';
		const least = minimumWriteMs(run.minimum, limits);
		const ratio = i === 0 && least > 0 ? (run.executionMs / least).toFixed(2) : '';
		return `| ${run.setup} | ${outcome(run)} | ${n(items)} | ${n(run.written ?? 0)} | ${reported} | ${n(run.requests)} (${run.logins}) | ${n(run.rateLimited)} | ${n(run.minimum)} | ${s(run.executionMs)} | ${ratio} | ${mb(run.atRest)} | ${mb(run.peakRss)} | ${mb(growth(run))} | ${s(run.cpuMs)} | ${stalls(run)} |`;
	});
	return [
		'| Setup | Outcome | Items | Written (sandbox) | Reported written / failed | Requests (logins) | 429s | Minimum POSTs | Time | Time ÷ the limits’ least | n8n at rest | Peak | Growth | n8n CPU | Longest stall: before the 1st POST / during / after the last |',
		`|${' --- |'.repeat(15)}`,
		...rows,
	].join('\n');
}

const quantile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const range = (values: number[]) =>
	Math.min(...values) === Math.max(...values)
		? n(values[0])
		: `${n(Math.min(...values))}–${n(Math.max(...values))}`;

function shopsTable(run: ShopsRun): string {
	const polls = (list: ShopsRun['busy']) =>
		list.map((p) => `${p.lists} + ${p.profile}`).join(', ') || 'none seen';
	const valid = run.latencies.filter(Number.isFinite);
	return [
		'| Phase | Polls | GETs per poll (lists + profile) | Poll took | Items emitted per poll | Executions | Emitted twice / never | 429s | Latency change → execution (median / p90 / max) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		`| Idle | ${run.idle.length} | ${polls(run.idle)} | ${range(run.idle.map((p) => Math.round(p.spanMs)))} ms | ${run.idle.map((p) => p.emitted).join(', ')} | ${run.idleExecutions} | – | – | n/a |`,
		`| Busy: ${n(run.imported)} vehicles imported into one shop, and a change in each of the ${run.shops} shops every minute for ${run.busyMinutes} min | ${run.busy.length} | ${polls(run.busy)} | ${range(run.busy.map((p) => Math.round(p.spanMs)))} ms | ${run.busy.map((p) => n(p.emitted)).join(', ')} | ${run.busy.filter((p) => p.emitted > 0).length} | ${run.doubled} / ${run.missing} | ${run.rateLimited} | ${valid.length ? `${s(quantile(valid, 0.5))} / ${s(quantile(valid, 0.9))} / ${s(Math.max(...valid))}` : 'none'} |`,
	].join('\n');
}

/** The single changes that waited for a second poll (over 65 s), and how many were in the importing shop. */
function secondPolls(run: ShopsRun): string {
	const late = run.latencies
		.map((ms, k) => ({ ms, importing: k % run.shops === IMPORTING_AT }))
		.filter((change) => !(change.ms <= 65_000));
	if (late.length === 0) return 'Every single change came in the first poll after it.';
	const importing = late.filter((change) => change.importing).length;
	const most = Math.max(...run.busy.map((p) => p.lists));
	return `${late.length} single change${late.length > 1 ? 's' : ''} waited for a second poll (${late.map((c) => s(c.ms)).join(', ')}), ${importing} of them in the importing shop: while its import was within the Overlap (5 minutes), that shop's changes came one or two polls after they were made, though no poll used more than ${most} of its 50 requests (README, Fair share: a shop caught up at the last poll gets an equal share, those behind what the others leave).`;
}

const importDone = (run: ShopsRun) =>
	run.importDoneMs === undefined
		? '**the import had not come out by the end**'
		: `the import's last vehicle came in the execution of busy poll ${run.importDonePoll}, ${s(run.importDoneMs)} after the import`;

export function volumeSection(run: VolumeRun): string {
	const reads = run.runs.filter((r) => r.job === 'read');
	const creates = run.runs.filter((r) => r.job === 'create');
	const [ours, oursRaw, httpDefaults, httpPaced] = reads;
	const [create, httpCreate] = creates;
	const cpu = cpus();
	const window = `${run.limits.windowMs / 1000} s`;
	const shops = run.shops;
	/** The single changes that came in the first poll after them (the others: the node's fair share). */
	const firstPoll = shops.latencies.filter((ms) => ms <= 65_000);
	const busiest = Math.max(...shops.busy.map((p) => p.lists));
	return `## Volume: a multi-shop partner at real volume

Generated by \`npm run bench:volume\` (benchmarks/volume.ts) on ${run.date}: one real n8n 2.41.1 with this package
installed as a community package, every figure from this one run. Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'},
${Math.round(totalmem() / 2 ** 30)} GiB, cores shared with other work (load average ${run.load.map((l) => l.toFixed(2)).join(' at the start, ')} at the end): compare ratios, not lone times.

Each job of (a) and (b) runs in a fresh \`n8n start\` (the same user folder and database), published and left
5 s to settle, then started by a production webhook that answers when the last node has finished.
*Time* is n8n's own (the execution's start to its stop). *n8n at rest* is the RSS of the n8n process just
before the call; *Peak* the highest RSS sampled from /proc every 100 ms until the webhook answered; *n8n
CPU* the process's user + system time over the same span (/proc; all of n8n's work, not only the node's —
\`npm run bench:bulk\` measures the node's own handler). *Stalls* come from inside n8n: a probe loaded with
\`NODE_OPTIONS=--require\` (benchmarks/volume/probe.cjs) notes every turn of n8n's event loop more than 50 ms
late; each stall is clipped to the time before the sandbox saw the job's first request, between its first and
last request, and after the last one (when the node has finished and n8n handles its items).

**Rate window scaled ×${run.scale} for (a) and (b)**: the sandbox allows AutoLeap's ${run.limits.get} GETs and ${run.limits.write} writes
per **${window}** instead of per 60 s, and the AutoLeap credential's budget is told the same window (its hidden
\`rateWindowMs\`), so the limits bind exactly as in AutoLeap's minute, ${run.scale}× faster: in AutoLeap's real minute
the rate-bound times below take ${run.scale}× longer. (c) runs at AutoLeap's real limits and n8n's real minute.

### (a) Return All of ${n(run.vehicles)} vehicles

${readTable(reads, run.vehicles)}

Each workflow: Webhook → the read → (HTTP Request only: Split Out \`results.content\`) → Summarize (count and
count unique of \`vehicleId\`), which answers the webhook. The HTTP Request side is set up as in \`npm run bench\`
(\`page = {{ $pageCount + 1 }}\`, complete when \`pagination.last\`; an Authorization header whose token was
fetched beforehand); *paced* sets its pagination's Interval Between Requests to ${run.limits.windowMs} ms ÷ ${run.limits.get} GETs. Its page items
hold AutoLeap's raw records, so *Simplify off* is the like-for-like row of our node. At its defaults the HTTP
Request node sent ${n(httpDefaults.requests)} GETs, ${n(httpDefaults.rateLimited)} of them answered 429, and its run ended in ${readOutcome(httpDefaults, run.vehicles).replace(/\*/g, '')}${httpDefaults.rateLimited && httpDefaults.status === 'success' ? ' — no error: its pagination stopped at the 429 answer (with the completion expression above)' : ''}. The chunked read of the
same list (chunks of 5,000) is measured by \`npm run bench:chunks\` (its section, "A big list in chunks").

### (b) Create ${n(run.creates)} vehicles

${createTable(creates, run.limits, run.creates)}

Webhook (body \`{ rows: [{ plate }] }\`) → Split Out → Create (On Error: Continue) → Summarize by \`success\`.
*Written* is the sandbox's count of the new vehicles; *the limits' least* is ${n(create.minimum)} POSTs at ${run.limits.write} per ${window}
window (${s(minimumWriteMs(create.minimum, run.limits))}). The HTTP Request row creates ${n(httpCreate.minimum * 100)} of the rows (\`npm run bench\`'s workflow:
one POST per item, every item's request sent at once): at one request per item, ${n(run.creates)} rows are
${n(run.creates)} POSTs, ${n(Math.round(run.creates / run.limits.write))} windows at the limit — ${(run.creates / run.limits.write / 60).toFixed(1)} hours of AutoLeap's real minute.

### (c) One trigger over ${shops.shops} shops

${shopsTable(shops)}

One AutoLeap Trigger, Vehicle Updated, Companies: Every Company in the Profile (the sandbox's demo partner
with 18 extra shops: ${shops.shops}), every minute (n8n's shortest), Max Requests per Poll 50 (the default). Idle:
the ${shops.idle.length} polls after the one at publishing, nothing changed. Busy: ${n(shops.imported)} vehicles imported into one shop at once,
and a change in one shop every 3 s (each shop once a minute) for ${shops.busyMinutes} min: ${n(shops.changes)} single changes;
${shops.doubled} emitted twice, ${shops.missing} not emitted by the end (single and imported); ${importDone(shops)}. Latency: the start of the execution that emitted a single change − when it was made. ${shops.rateLimited} × 429. ${secondPolls(shops)}

### What n8n itself, not the node, limits

n8n holds every item of an execution in memory until the execution ends: Return All of ${n(run.vehicles)} vehicles
grew the n8n process by ${mb(growth(ours))} with Simplify on and ${mb(growth(oursRaw))} with it off, and by ${mb(growth(httpPaced))} with the HTTP Request
node, which also keeps its ${n(httpPaced.minimum)} page responses beside the ${n(run.vehicles)} items split out of them; the Create of
${n(run.creates)} rows, which holds the webhook's body, the rows split out and one output item per row, by
${mb(growth(create))}. Past the node's last request, n8n's own work on those items (the output handed on, the
Summarize node, the execution saved) held its event loop for up to ${ms(ours.stallMs.after)} after our read, ${ms(httpPaced.stallMs.after)} after
the HTTP Request's and ${ms(create.stallMs.after)} after the Create's last POST, and the webhook answered ${s(ours.afterLastMs)}, ${s(httpPaced.afterLastMs)} and
${s(create.afterLastMs)} after those requests. n8n resolves a node's parameters item by item, and the Create reads
and checks every item before it sends anything: its first POST left ${s(create.firstRequestMs)} after the webhook was called
(the Webhook and Split Out nodes, then ${n(run.creates)} items' parameters, an expression among them, read from n8n);
\`npm run bench:bulk\` puts the node's own work for 100,000 items, parameters resolved, under half a second of
CPU, and n8n's process used ${s(create.cpuMs)} of CPU over this whole run. n8n's HTTP Request node
does not wait for AutoLeap's limit: at its defaults its pagination sent ${n(httpDefaults.requests)} GETs, got ${n(httpDefaults.rateLimited)} × 429, and the run
ended in ${readOutcome(httpDefaults, run.vehicles).replace(/\*/g, '')}; with an Interval Between Requests set by hand to the limit (${n(httpPaced.requests)} GETs, ${httpPaced.rateLimited} × 429) it reads
the list in ${(httpPaced.executionMs / ours.executionMs).toFixed(2)}× our time. And it sends one request per item: ${n(httpCreate.requests)} POSTs for ${n(httpCreate.minimum * 100)} rows, all at
once, ${n(httpCreate.rateLimited)} answered 429 (${n(httpCreate.written ?? 0)} created), where our Create sent ${n(create.requests - create.logins)} POSTs for ${n(run.creates)} rows.
n8n polls a trigger at most once a minute: over ${shops.shops} shops an idle poll took ${range(shops.idle.map((p) => Math.round(p.spanMs)))} ms and the
busiest poll ${busiest} list reads, yet the ${firstPoll.length} single changes that came in the first poll after them waited ${firstPoll.length ? `${s(quantile(firstPoll, 0.5))} (median) and at most ${s(Math.max(...firstPoll))}` : '?'}
for their execution — n8n's schedule, not AutoLeap or the node (those that waited a second poll are the node's doing, above).
`;
}
