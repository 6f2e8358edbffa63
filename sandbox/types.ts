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

/** How date filters are read: `documented` = only `YYYY-MM-DDThh:mm:ssZ` or `YYYY-MM-DD`, anything
 * else (fractional seconds, offsets) is a 400 naming the parameter; `truncate` = any ISO 8601
 * date-time, cut to its whole second without a word; `lenient` = any ISO 8601 date-time, to the ms. */
export type DateMode = 'documented' | 'truncate' | 'lenient';
/** What an end bound given to the second means: `second` = through its last ms (…:05Z covers
 * 05.500), `instant` = the instant itself (…:05Z = 05.000). A date-only end covers its UTC day. */
export type EndBound = 'second' | 'instant';
/** Whether the sandbox stamps records (created/updated times) with milliseconds or whole seconds. */
export type StampPrecision = 'milliseconds' | 'seconds';

export interface DateRules {
	mode: DateMode;
	endBound: EndBound;
	stamps: StampPrecision;
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
	/** Date filters (default `documented`): see DateMode. */
	dates?: DateMode;
	/** End bounds given to the second (default `second`): see EndBound. */
	endBound?: EndBound;
	/** Record stamps (default `milliseconds`); `seconds` also cuts the seed's stamps. */
	stamps?: StampPrecision;
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
	/** The current date rules (a copy). */
	readonly dates: DateRules;
	/** Changes date rules while running (also `POST /__admin/dates`); returns the rules now in force. */
	setDates(rules: Partial<DateRules>): DateRules;
	close(): Promise<void>;
}
