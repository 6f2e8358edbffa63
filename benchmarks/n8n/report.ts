/** What one measured run cost, and the Markdown table of all of them. */
import type { RequestLogEntry } from '../../sandbox/types';

export interface Measured {
	job: string;
	setup: string;
	requests: number;
	logins: number;
	rateLimited: number;
	/** Failed items, or failed executions where the job is counted in executions. */
	failed: string;
	/** Wall time in ms, or undefined where it means nothing (a poll has no caller to time). */
	ms?: number;
	minimum: string;
	note?: string;
}

export function countRequests(log: RequestLogEntry[]) {
	return {
		requests: log.length,
		logins: log.filter((r) => r.path === '/partners/login').length,
		rateLimited: log.filter((r) => r.status === 429).length,
		unauthorized: log.filter((r) => r.status === 401).length,
		/** From the first request's arrival to the last one's, in ms. */
		span: log.length ? log[log.length - 1].at - log[0].at : 0,
	};
}

const time = (ms?: number) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);

/** Rows of one job: ours first; every other row gets the ratio ours / theirs. */
export function table(rows: Measured[]): string {
	const head = '| Job | Setup | Requests sent | of which logins | 429s received | Failed | Wall time | Ours / theirs | Theoretical minimum | Notes |';
	const lines = [head, `|${' --- |'.repeat(10)}`];
	let ours: Measured | undefined;
	for (const row of rows) {
		if (row.setup.startsWith('AutoLeap')) ours = row;
		const ratio =
			row === ours || ours?.job !== row.job
				? ''
				: ours.ms === undefined || row.ms === undefined
					? 'n/a'
					: (ours.ms / row.ms).toFixed(3);
		lines.push(
			`| ${row.job} | ${row.setup} | ${row.requests} | ${row.logins} | ${row.rateLimited} | ${row.failed} | ${time(row.ms)} | ${ratio} | ${row.minimum} | ${row.note ?? ''} |`,
		);
	}
	return lines.join('\n');
}
