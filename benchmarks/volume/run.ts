/** Running one job in a fresh n8n and watching it (benchmarks/volume.ts). */
import { request } from 'node:http';

import type { N8n, N8nServer } from '../../e2e/lib/n8n';
import type { Sandbox } from '../../sandbox';
import type { Job } from '../n8n/workflows';
import type { JobRun } from './report';
import { cpuMsOf, longest, PROBE, rssOf, sampleRss, stallsOf } from './watch';

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
export const progress = (what: string) =>
	console.log(`• ${what} (${new Date().toISOString().slice(11, 19)})`);

/** POSTs JSON to a webhook and waits for its answer however long the run takes (fetch gives up at 300 s). */
function post(url: string, body: object): Promise<{ status: number; text: string }> {
	const data = JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const call = request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
			},
			(answer) => {
				let text = '';
				answer.setEncoding('utf8');
				answer.on('data', (chunk: string) => (text += chunk));
				answer.on('end', () => resolve({ status: answer.statusCode ?? 0, text }));
			},
		);
		call.on('error', reject);
		call.end(data);
	});
}

/** Publishes a workflow's current version in the running n8n, as the editor's Publish button does. */
export async function publish(server: N8nServer, id: string) {
	const { versionId } = await server.rest<{ versionId: string }>(`/workflows/${id}`);
	await server.rest(`/workflows/${id}/activate`, {
		method: 'POST',
		body: JSON.stringify({ versionId }),
	});
}

/** The workflow's newest execution once n8n lists it as finished: status and n8n's own times. */
async function lastRun(server: N8nServer, workflowId: string) {
	type Listed = { status: string; startedAt: string; stoppedAt?: string | null };
	for (let tries = 0; tries < 120; tries++) {
		const { data } = await server.api<{ data: Listed[] }>(
			`/executions?workflowId=${workflowId}&limit=1`,
		);
		const [last] = data;
		if (last?.stoppedAt && !['new', 'running', 'waiting'].includes(last.status))
			return {
				status: last.status,
				startedAt: Date.parse(last.startedAt),
				stoppedAt: Date.parse(last.stoppedAt),
			};
		await sleep(1_000);
	}
	throw new Error(`No finished execution of ${workflowId}`);
}

/** n8n with the event-loop probe; its files are `<probeBase>.<pid>`. */
export const probed = (n8n: N8n, probeBase: string) =>
	n8n.start({ env: { NODE_OPTIONS: `--require ${PROBE}`, VOLUME_PROBE: probeBase } });

/** One job in a fresh n8n: what AutoLeap saw, n8n's memory, CPU and event loop while it ran. */
export async function measure(
	n8n: N8n,
	sandbox: Sandbox,
	probeBase: string,
	job: Job,
	body: object = {},
): Promise<Omit<JobRun, 'job' | 'setup' | 'minimum'>> {
	const server = await probed(n8n, probeBase);
	try {
		const pid = server.pid!;
		await publish(server, job.id);
		await sleep(5_000); // start-up work settles
		const atRest = rssOf(pid)!;
		const cpuBefore = cpuMsOf(pid);
		sandbox.clearLog();
		const peak = sampleRss(pid);
		const called = Date.now();
		const answer = await post(`${server.base}/webhook/${job.path}`, body);
		const answered = Date.now();
		const cpuMs = cpuMsOf(pid) - cpuBefore;
		const peakRss = await peak();
		const run = await lastRun(server, job.id);
		const log = sandbox.requestLog.filter((r) => r.path !== '/partners/login');
		const [first, last] = [log[0]?.at ?? called, log[log.length - 1]?.at ?? answered];
		const stalls = stallsOf(probeBase, pid, called, answered);
		return {
			status: run.status,
			answer: answer.status === 200 ? (JSON.parse(answer.text) as unknown) : undefined,
			error: answer.status === 200 ? undefined : answer.text.slice(0, 300),
			executionMs: run.stoppedAt - run.startedAt,
			callMs: answered - called,
			requests: sandbox.requestLog.length,
			logins: sandbox.requestLog.length - log.length,
			rateLimited: sandbox.requestLog.filter((r) => r.status === 429).length,
			firstRequestMs: first - called,
			requestSpanMs: last - first,
			afterLastMs: answered - last,
			atRest,
			peakRss,
			cpuMs,
			stallMs: {
				before: longest(stalls, called, first),
				during: longest(stalls, first, last),
				after: longest(stalls, last, answered),
			},
		};
	} finally {
		await server.stop();
	}
}
