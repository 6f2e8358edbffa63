import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expectReadmeBlock, markdownTable } from './blocks';

/**
 * The README's benchmark figures are rendered from benchmarks/RESULTS.md, which the benchmark runs
 * write: a figure in the README is one a run produced.
 */
const RESULTS = readFileSync(join(__dirname, '..', '..', 'benchmarks', 'RESULTS.md'), 'utf8');

/** The rows of the first Markdown table after `heading`, as objects keyed by the header cells. */
function table(heading: string): Array<Record<string, string>> {
	const at = RESULTS.indexOf(heading);
	if (at < 0) throw new Error(`benchmarks/RESULTS.md has no "${heading}"`);
	const lines = RESULTS.slice(at).split('\n');
	const first = lines.findIndex((line) => line.startsWith('|'));
	const rows: string[][] = [];
	for (const line of lines.slice(first)) {
		if (!line.startsWith('|')) break;
		rows.push(
			line
				.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim()),
		);
	}
	const [header, , ...body] = rows;
	return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

const thousands = (value: string | number) => Number(value).toLocaleString('en-US');

function row(rows: Array<Record<string, string>>, job: RegExp, setup: RegExp) {
	const found = rows.find((r) => job.test(r.Job) && setup.test(r.Setup));
	if (!found) throw new Error(`RESULTS.md has no row for ${job} / ${setup}`);
	return found;
}

it('Benchmarks: the summary of npm run bench, from its committed run', () => {
	const rows = table('| Job | Setup |');
	const seconds = (r: Record<string, string>) => Number.parseFloat(r['Wall time']);
	const readOurs = row(rows, /^\(a\)/, /^AutoLeap/);
	const readTheirs = row(rows, /^\(a\)/, /^HTTP Request/);
	const createOurs = row(rows, /^\(b\)/, /^AutoLeap/);
	const createDefaults = row(rows, /^\(b\)/, /defaults/);
	const createBatching = row(rows, /^\(b\)/, /Batching/);
	const tokensOurs = row(rows, /^\(c\)/, /^AutoLeap/);
	const tokensPasted = row(rows, /^\(c\)/, /header credential/);
	const tokensLogin = row(rows, /^\(c\)/, /login node/);
	const idleOurs = row(rows, /^\(d\)/, /^AutoLeap/);
	const idleTheirs = row(rows, /^\(d\)/, /Schedule/);
	const failed = (r: Record<string, string>) => Number.parseInt(r.Failed, 10);
	const summary = markdownTable(
		['Job', 'AutoLeap node', 'HTTP Request node', 'Minimum'],
		[
			[
				'Return All of 10,000 vehicles',
				`${readOurs['Requests sent']} requests, ${readOurs['429s received']} × 429`,
				`${readTheirs['Requests sent']} requests, ${readTheirs['429s received']} × 429 (time ratio ours/theirs ${readTheirs['Ours / theirs']})`,
				readOurs['Theoretical minimum'].replace(/ GETs$/, ''),
			],
			[
				'Create 1,000 vehicles',
				`${createOurs['Requests sent']} requests, ${createOurs['429s received']} × 429, ${failed(createOurs)} failed`,
				`defaults: ${thousands(createDefaults['Requests sent'])} requests, ${createDefaults['429s received']} × 429, ${failed(createDefaults)} failed; Batching tuned to the limit: ${thousands(createBatching['Requests sent'])} requests, ${createBatching['429s received']} × 429, ${Math.round(seconds(createBatching) / seconds(createOurs))}× our time`,
				createOurs['Theoretical minimum'].replace(/ POSTs$/, ''),
			],
			[
				'100 executions, every token expired before the 1st and the 51st',
				`${tokensOurs['of which logins']} logins, ${failed(tokensOurs)} failed`,
				`pasted token: ${failed(tokensPasted)} failed executions; login node per execution: ${tokensLogin['of which logins']} logins, ${failed(tokensLogin)} failed`,
				`${tokensOurs['of which logins']} logins`,
			],
			[
				'An idle poll',
				`${idleOurs['Requests sent']} GET, ${/^0 executions/.test(idleOurs.Notes) ? 'no execution saved' : idleOurs.Notes}`,
				`${idleTheirs['Requests sent']} GET, ${/^1 execution/.test(idleTheirs.Notes) ? 'one execution saved per minute' : idleTheirs.Notes}`,
				idleOurs['Theoretical minimum'].replace(/ GETs?$/, ''),
			],
		],
	);
	const date = /npm run bench` \(benchmarks\/n8n\/\) on (\d{4}-\d{2}-\d{2})/.exec(RESULTS)?.[1];
	expectReadmeBlock('bench-summary', `${summary}\n\nFrom its run on ${date}.`);
});

it('Scaling: the queue-mode contention table, from the committed run of npm run bench:queue', () => {
	const rows = table('## Queue mode: one account, several processes');
	const ratio = (cell: string) => /\(([\d.]+)×\)/.exec(cell)?.[1] ?? '?';
	const fourTwoNine = (cell: string) =>
		cell.replace(/ \(minute 1: (\d+)(?:; minute 2: \d+)?\)/, ' ($1 in the first minute)');
	// "worker 1 1, worker 2 1" (process, then its logins) as "worker 1: 1, worker 2: 1".
	const logins = (cell: string) => cell.replace(/(\S+(?: \d+)?) (\d+)(?=,|$)/g, '$1: $2');
	const accepted = rows.map((r) =>
		/(\d+) writes, (\d+) GETs/.exec(r.Accepted)!.slice(1).map(Number),
	);
	const span = (values: number[]) =>
		Math.min(...values) === Math.max(...values)
			? `${values[0]}`
			: `${Math.min(...values)}–${Math.max(...values)}`;
	const summary = markdownTable(
		[
			'Setup',
			'Time ÷ the limits’ minimum (strict; sustained-rate)',
			'429s received',
			'Failed items',
			'Vehicles missing / doubled',
			'Logins',
		],
		rows.map((r) => [
			r.Setup,
			`${ratio(r['Strict minimum (ratio)'])}; ${ratio(r['Sustained-rate minimum (ratio)'])}`,
			fourTwoNine(r['429s (per minute)']),
			r['Failed items'],
			r['Missing / duplicated vehicles'],
			logins(r.Logins),
		]),
	);
	const date = /npm run bench:queue` on (\d{4}-\d{2}-\d{2})/.exec(RESULTS)?.[1];
	const requests = `${span(accepted.map(([writes]) => writes))} writes and ${span(accepted.map(([, gets]) => gets))} GETs accepted`;
	expectReadmeBlock(
		'queue-summary',
		`${summary}\n\nFrom its run on ${date}; the runs needed ${requests}.`,
	);
});

it('Benchmarks: the token lifecycle on queue-mode workers, from the committed run of npm run bench:tokens', () => {
	const [run] = table('## Token lifecycle:');
	const perProcess = (cell: string) => /\((.*)\)/.exec(cell)?.[1] ?? cell;
	const total = (cell: string) => Number.parseInt(cell, 10);
	expectReadmeBlock(
		'tokens-summary',
		`${total(run['Logins (per process)'])} logins (${perProcess(run['Logins (per process)'])}), ${total(run['Refreshes (per process)'])} refreshes, ${run['Refused refreshes']} refused, ${run['Answered 401']} × 401, ${run['Failed executions']} failed executions (its run of ${/npm run bench:tokens` on (\d{4}-\d{2}-\d{2})/.exec(RESULTS)?.[1]}).`,
	);
});

it('Usage: n8n’s memory for a big list read in chunks, from the committed run of npm run bench:chunks', () => {
	const rows = table('## A big list in chunks: n8n’s memory');
	const heap = (cell: string) => (cell === 'default' ? 'Node’s default' : `${cell} MB`);
	const summary = markdownTable(
		['Shape', 'Old space', 'n8n’s peak (at rest)', 'Vehicles processed', 'GETs'],
		rows.map((r) => [
			r.Shape,
			heap(r['Old space']),
			`${r['Peak during the run']} (${r['n8n at rest']})`,
			r['Vehicles processed'],
			r.GETs,
		]),
	);
	const date = /npm run bench:chunks` on (\d{4}-\d{2}-\d{2})/.exec(RESULTS)?.[1];
	expectReadmeBlock('chunks-summary', `${summary}\n\nFrom its run on ${date}.`);
});

it('Usage: the volume summary, from the committed run of npm run bench:volume', () => {
	const reads = table('### (a) Return All of');
	const creates = table('### (b) Create');
	const [idle, busy] = table('### (c) One trigger over');
	const ours = row(reads, /./, /^AutoLeap node, Get Many, Return All \(Simplify on/);
	const defaults = row(reads, /./, /^HTTP Request.*defaults/);
	const paced = row(reads, /./, /^HTTP Request.*Interval/);
	const create = row(creates, /./, /^AutoLeap node/);
	const perItem = row(creates, /./, /^HTTP Request/);
	/** "1,001 (1)" → "1,000 GETs + 1 login". */
	const requests = (r: Record<string, string>, kind: string) => {
		const [all, logins] = /^([\d,]+) \((\d+)\)$/
			.exec(r['Requests (logins)'])!
			.slice(1)
			.map((cell) => Number(cell.replace(/,/g, '')));
		return `${thousands(all - logins)} ${kind}${logins ? ` + ${logins} login` : ''}`;
	};
	const outcome = (r: Record<string, string>) =>
		r.Outcome === 'success' ? '' : `; ${r.Outcome.replace(/\*\*/g, '').replace(/:.*/, '')}`;
	const vehicles = /### \(a\) Return All of ([\d,]+) vehicles/.exec(RESULTS)?.[1];
	const created = /### \(b\) Create ([\d,]+) vehicles/.exec(RESULTS)?.[1];
	const shops = /### \(c\) One trigger over (\d+) shops/.exec(RESULTS)?.[1];
	const summary = markdownTable(
		['Job', 'AutoLeap node', 'n8n’s HTTP Request node'],
		[
			[
				`Return All of ${vehicles} vehicles`,
				`${requests(ours, 'GETs')}, ${ours['429s']} × 429${outcome(ours)}; n8n's RSS +${ours.Growth}`,
				`defaults: ${requests(defaults, 'GETs')}, ${defaults['429s']} × 429${outcome(defaults)}; paced to the limit by hand: ${requests(paced, 'GETs')}, time ours/theirs ${paced['Ours / theirs']}, n8n's RSS +${paced.Growth}`,
			],
			[
				`Create ${created} vehicles`,
				`${requests(create, 'POSTs')}, ${create['429s']} × 429, ${create['Written (sandbox)']} written${outcome(create)}; time ÷ the limits’ least ${create['Time ÷ the limits’ least']}; n8n's RSS +${create.Growth}`,
				`one POST per item: ${requests(perItem, 'POSTs')} for ${perItem.Items} rows, ${perItem['429s']} × 429, ${perItem['Written (sandbox)']} written`,
			],
			[
				`One trigger over ${shops} shops, idle`,
				`${idle['GETs per poll (lists + profile)'].split(', ')[0]} GETs a poll (lists + profile), ${idle.Executions} executions`,
				'–',
			],
			[
				`The same, busy (${busy.Phase.replace(/^Busy: /, '')})`,
				`${busy['Items emitted per poll']} items in ${busy.Polls} polls, ${busy['Emitted twice / never'] === '0 / 0' ? 'each change once' : `${busy['Emitted twice / never']} emitted twice / never`}, ${busy['429s']} × 429; latency change → execution ${busy['Latency change → execution (median / p90 / max)']} (median / p90 / max)`,
				'–',
			],
		],
	);
	const date = /npm run bench:volume` \(benchmarks\/volume.ts\) on (\d{4}-\d{2}-\d{2})/.exec(
		RESULTS,
	)?.[1];
	expectReadmeBlock(
		'volume-summary',
		`${summary}\n\nFrom its run on ${date}, AutoLeap's rate window scaled ×10 for the first two rows.`,
	);
});
