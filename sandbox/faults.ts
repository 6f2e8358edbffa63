import type { FaultSpec } from './types';

const FAULT_TEXT: Record<number, string> = {
	429: 'Rate limit exceeded',
	500: 'Internal server error',
	502: 'Bad gateway',
	503: 'Service unavailable',
};

/** Queue of injected failures; each matching request consumes one before auth and limits run. */
export class FaultQueue {
	private faults: FaultSpec[] = [];

	add(f: FaultSpec): void {
		if (![429, 500, 502, 503].includes(f.status)) throw new Error(`Unsupported fault status ${f.status}`);
		if (!(f.count > 0)) return;
		this.faults.push({ ...f, path: f.path ? normalise(f.path) : undefined });
	}

	clear(): void {
		this.faults = [];
	}

	pending(): FaultSpec[] {
		return this.faults.map((f) => ({ ...f }));
	}

	take(method: string, path: string): { status: number; error: string } | undefined {
		const write = method !== 'GET';
		const p = path.toLowerCase();
		const i = this.faults.findIndex(
			(f) =>
				(!f.method || (f.method === 'WRITE') === write) &&
				(!f.path || p === f.path.toLowerCase() || p.startsWith(f.path.toLowerCase() + '/')),
		);
		if (i < 0) return undefined;
		const f = this.faults[i];
		if (--f.count <= 0) this.faults.splice(i, 1);
		return { status: f.status, error: FAULT_TEXT[f.status] };
	}
}

/** "/v2/vehicles/" -> "/vehicles" */
export function normalise(path: string): string {
	let p = path.startsWith('/') ? path : `/${path}`;
	if (p.toLowerCase().startsWith('/v2/') || p.toLowerCase() === '/v2') p = p.slice(3) || '/';
	return p.length > 1 ? p.replace(/\/+$/, '') : p;
}
