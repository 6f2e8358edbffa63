/**
 * The n8n process seen from outside (/proc: resident memory, CPU time) and from inside (the event
 * loop probe, probe.cjs, loaded with NODE_OPTIONS).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROBE = join(__dirname, 'probe.cjs');
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** Resident memory (bytes); undefined once the process has exited. */
export function rssOf(pid: number): number | undefined {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
	} catch {
		return undefined;
	}
}

/** User + system CPU time the process has used so far (ms). */
export function cpuMsOf(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

/** Samples a process's RSS every 100 ms until stopped: the highest seen. */
export function sampleRss(pid: number) {
	let peak = rssOf(pid) ?? 0;
	let running = true;
	const done = (async () => {
		while (running) {
			peak = Math.max(peak, rssOf(pid) ?? 0);
			await new Promise((wake) => setTimeout(wake, 100));
		}
	})();
	return async () => {
		running = false;
		await done;
		return peak;
	};
}

export interface Stall {
	start: number;
	end: number;
}

/** The event-loop stalls the probe noted in process `pid` (wall-clock ms) that overlap [from, to]. */
export function stallsOf(probeBase: string, pid: number, from: number, to: number): Stall[] {
	const file = `${probeBase}.${pid}`;
	if (!existsSync(file)) return [];
	return readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as Stall)
		.filter((stall) => stall.end > from && stall.start < to);
}

/** The longest stall clipped to [from, to] (ms; 0 when none). */
export const longest = (stalls: Stall[], from = -Infinity, to = Infinity) =>
	Math.max(0, ...stalls.map((s) => Math.min(s.end, to) - Math.max(s.start, from)));
