/** Sandbox clock: real wall time, or a manual clock that tests set/advance to make timestamps exact. */
export interface SandboxClock {
	readonly mode: 'real' | 'manual';
	now(): number;
	iso(): string;
	set(isoOrMs: string | number): void;
	advance(ms: number): void;
}

export const DEFAULT_MANUAL_START = '2025-06-02T12:00:00.000Z';

function toMs(isoOrMs: string | number): number {
	const ms = typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs);
	if (!Number.isFinite(ms)) throw new Error(`Invalid clock time: ${String(isoOrMs)}`);
	return ms;
}

export function createClock(
	mode: 'real' | 'manual' = 'real',
	startTime?: string | number,
): SandboxClock {
	let manualNow = toMs(startTime ?? DEFAULT_MANUAL_START);
	// A real clock can still be moved by tests: set/advance apply an offset to wall time.
	let offset = startTime !== undefined && mode === 'real' ? toMs(startTime) - Date.now() : 0;
	const now = () => (mode === 'manual' ? manualNow : Date.now() + offset);
	return {
		mode,
		now,
		iso: () => new Date(now()).toISOString(),
		set(isoOrMs) {
			if (mode === 'manual') manualNow = toMs(isoOrMs);
			else offset = toMs(isoOrMs) - Date.now();
		},
		advance(ms) {
			if (mode === 'manual') manualNow += ms;
			else offset += ms;
		},
	};
}
