import { NodeOperationError } from 'n8n-workflow';
import type { IPollFunctions } from 'n8n-workflow';

/**
 * n8n starts the next poll on schedule even while the last one still runs, and two polls over
 * one cursor would emit the same changes twice — or, at activation, both take a start point, the
 * later one counting changes made in between as already seen. So a poll that finds its node's
 * previous poll running is skipped (the next one reads from the cursor the running one leaves),
 * and never silently for long: from the SKIPS_BEFORE_ERROR-th skip in a row on, each skipped poll
 * fails, and the running poll marks what it emits with its lag.
 */
export const SKIPS_BEFORE_ERROR = 2;

/** A scheduled poll running in this process: when it started (poller ms), polls skipped meanwhile. */
export interface RunningPoll {
	startedAt: number;
	skipped: number;
}

const running = new Map<string, RunningPoll>();

/** Runs `poll` unless this trigger node's previous scheduled poll still runs. */
export async function unlessRunning<T>(
	ctx: IPollFunctions,
	now: () => number,
	poll: (run: RunningPoll) => Promise<T>,
): Promise<T | null> {
	const key = `${ctx.getWorkflow().id ?? ''}|${ctx.getNode().name}`;
	const busy = running.get(key);
	if (busy) {
		busy.skipped++;
		if (busy.skipped < SKIPS_BEFORE_ERROR) return null;
		throw overrun(ctx, busy, now());
	}
	const run = { startedAt: now(), skipped: 0 };
	running.set(key, run);
	try {
		return await poll(run);
	} finally {
		running.delete(key);
	}
}

function overrun(ctx: IPollFunctions, busy: RunningPoll, now: number): NodeOperationError {
	const seconds = Math.round((now - busy.startedAt) / 1000);
	return new NodeOperationError(
		ctx.getNode(),
		`The AutoLeap Trigger skipped ${busy.skipped} polls in a row: the poll started ${seconds} s ago is still running`,
		{
			description:
				'It is waiting for AutoLeap (slow answers, or 429s: the partner account is over its rate limit). No change is lost: the running poll goes on, and the changes it emits carry their lag (autoLeapTrigger.lagSeconds). If this persists, poll less often or lower Max Requests per Poll, and check what else uses the partner account.',
		},
	);
}
