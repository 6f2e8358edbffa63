import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fault suite's measured outcomes, as the README's reliability table. The suite compares
 * the README with what it measured; `UPDATE_FAULT_TABLE=1` rewrites the table instead.
 */
export interface Outcome {
	fault: string;
	/** What the node did, in a few words. */
	outcome: string;
	/** Records AutoLeap (the sandbox) holds afterwards as written by the run. */
	written: number | '–';
	/** Items the node output as written. */
	reported: number | '–';
	/** Error items (Continue On Fail), or the run's error. */
	failed: number | string;
	/** Requests the sandbox received (logins and refreshes included); a range where timing varies it. */
	requests: number | string;
}

const README = join(__dirname, '..', '..', 'README.md');
const START =
	'<!-- fault-table:start (written by test/faults; UPDATE_FAULT_TABLE=1 npx jest test/faults) -->';
const END = '<!-- fault-table:end -->';

export function render(rows: Outcome[]): string {
	const head =
		'| Fault | What the node does | Written | Reported written | Failed | Requests |\n| --- | --- | --- | --- | --- | --- |';
	return [
		head,
		...rows.map(
			(r) =>
				`| ${r.fault} | ${r.outcome} | ${r.written} | ${r.reported} | ${r.failed} | ${r.requests} |`,
		),
	].join('\n');
}

/** The table as the README holds it, or undefined when the README has no such block. */
export function readmeTable(): string | undefined {
	const text = readFileSync(README, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	return start < 0 || end < 0 ? undefined : text.slice(start + START.length, end).trim();
}

export function writeReadmeTable(table: string): void {
	const text = readFileSync(README, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} block`);
	writeFileSync(README, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
}
