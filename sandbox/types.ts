import type { SandboxClock } from './clock';

export type ResourceName =
	| 'customers'
	| 'vehicles'
	| 'items'
	| 'inventoryLevels'
	| 'itemPricing'
	| 'orders'
	| 'payments'
	| 'appointmentRequests'
	| 'timesheetLogs';

export type SandboxRecord = Record<string, any>;

export interface RateLimits {
	/** GET requests per window per partner (default 150). */
	get: number;
	/** POST/PUT/PATCH/DELETE together per window per partner (default 50). */
	write: number;
	/** Sliding window length in real milliseconds (default 60000). */
	windowMs: number;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Deterministic PRNG seed for the demo shop (default 1). */
	seed?: number;
	accessTokenTtlMs?: number;
	refreshTokenTtlMs?: number;
	limits?: Partial<RateLimits>;
	clock?: 'real' | 'manual';
	/** Start of the manual clock (ISO or ms); default 2025-06-02T12:00:00.000Z. */
	startTime?: string | number;
	/** Extra vehicles added to the first demo company (benchmarks). */
	bulkVehicles?: number;
	/** false = partners and companies only, no records. */
	seedData?: boolean;
	/** Delay added to every API response. */
	latencyMs?: number;
}

export interface FaultSpec {
	status: 429 | 500 | 502 | 503;
	count: number;
	method?: 'GET' | 'WRITE';
	/** Path (with or without the /v2 prefix); matches that path and anything below it. */
	path?: string;
}

export interface RequestLogEntry {
	method: string;
	/** Path below the base path, e.g. "/vehicles". */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON body (secrets redacted), or undefined. */
	body: unknown;
	status: number;
	partnerId?: string;
	/** Sandbox clock (ms). */
	time: number;
	/** Real wall time (ms). */
	at: number;
}

export interface SandboxCounters {
	logins: number;
	failedLogins: number;
	refreshes: number;
	logouts: number;
}

export interface SandboxStoreHandle {
	list(resource: ResourceName, companyId?: string): SandboxRecord[];
	get(resource: ResourceName, id: string | number): SandboxRecord | undefined;
	/** Adds a record (id assigned when absent), stamping its creation and update time. */
	create(resource: ResourceName, record: SandboxRecord): SandboxRecord;
	/** Changes a record "behind the node's back", stamping its update time. */
	update(resource: ResourceName, id: string | number, patch: SandboxRecord): SandboxRecord;
}

export interface Sandbox {
	/** e.g. http://127.0.0.1:4010/v2 */
	readonly url: string;
	/** e.g. http://127.0.0.1:4010 (admin API lives under /__admin/) */
	readonly origin: string;
	readonly port: number;
	readonly clock: SandboxClock;
	readonly store: SandboxStoreHandle;
	readonly requestLog: RequestLogEntry[];
	readonly counters: SandboxCounters;
	clearLog(): void;
	reset(): void;
	expireAllTokens(): void;
	revokeAllTokens(): void;
	injectFaults(fault: FaultSpec): void;
	clearFaults(): void;
	setLatency(ms: number): void;
	setLimits(limits: Partial<RateLimits>): void;
	close(): Promise<void>;
}
