import type { Socket } from 'node:net';

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
/** Whether the lists of customers, vehicles and items show archived (inactive) records (`listed`, the
 * default) or leave them out (`hidden`): AutoLeap does not document which. */
export type ArchivedMode = 'listed' | 'hidden';

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
	/**
	 * Extra shops for the demo partner (default 0): its profile lists them after its two, each
	 * seeded as a small shop; their ids are `extraCompanyIds(n)`.
	 */
	companies?: number;
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
	/** Archived records in lists (default `listed`): see ArchivedMode. */
	archived?: ArchivedMode;
	/** Called for every new client connection, while the client still holds it (e2e attribution). */
	onConnection?: (socket: Socket) => void;
}

export type FaultKind =
	| 'status'
	| 'html'
	| 'successFalse'
	| 'empty'
	| 'truncated'
	| 'hang'
	| 'reset'
	| 'delay'
	| 'ignorePage'
	| 'totalsLie'
	| 'echoSecrets'
	| 'rejectRecords'
	| 'change';

/** A change to the shop's records made by a `change` fault: a partial update of one record, or a new record. */
export interface RecordChange {
	resource: ResourceName;
	/** The record to update with `patch` (its update time is stamped). */
	id?: string | number;
	patch?: SandboxRecord;
	/** A record to add (id and stamps assigned), e.g. `{companyId, customerId, make}`. */
	create?: SandboxRecord;
}

/**
 * An injected misbehaviour (see sandbox/admin.ts for the list with examples). A request takes at
 * most one fault: first the oldest matching fault that answers instead of the API; if none, the
 * oldest matching fault that alters the API's answer (ignorePage, totalsLie, truncated, and
 * hang/reset with applied:true), consumed only when that answer is a 200. Faults that answer
 * instead of the API run before auth and rate limits (no budget spent, nothing applied).
 */
export interface FaultSpec {
	/** Default 'status' (so the old `{status, count}` form still works). */
	kind?: FaultKind;
	/** How many matching requests it answers (default 1). */
	count?: number;
	/** Answer every matching request until cleared (count is ignored). */
	persistent?: boolean;
	/** GET, WRITE (any non-GET) or one method. */
	method?: 'GET' | 'WRITE' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path (with or without the /v2 prefix); matches that path and anything below it. */
	path?: string;
	/** Every listed query parameter must be present with this value (`{page: 3}`). */
	query?: Record<string, string | number | boolean>;
	/** Let this many matching requests through before the fault answers (default 0). */
	skip?: number;
	/** Name copied into the request log. */
	label?: string;
	/** status: 400/401/403/404/408/429/500/502/503/504; html/empty: any 200-599 (default 200);
	 * echoSecrets: 200 or an error status (default 401); rejectRecords: default 400. */
	status?: number;
	/** Error text instead of the default (status, successFalse, echoSecrets prefix, rejectRecords
	 * template: {collection} {index} {idField} {id} {field}, and {record.<field>} for any field). */
	error?: string;
	/** Extra response headers (e.g. `{"Retry-After": "2"}`) for faults that answer. */
	headers?: Record<string, string>;
	/** Writes: whether the API applied the write before truncated/hang/reset (default false). */
	applied?: boolean;
	/** delay: milliseconds before the normal answer; change: before the answer, after the changes. */
	ms?: number;
	/** Per kind: empty 'plain'|'json'; truncated 'body'|'connection'; ignorePage 'page1'|'neverLast';
	 * totalsLie 'inflate'|'lastEarly'|'deflate'; echoSecrets 'all'|'invalidToken'|'tokenParam'|'body';
	 * rejectRecords 'index'|'id'. The first is the default. */
	variant?: string;
	/** html: page body instead of the built-in proxy page. */
	body?: string;
	/** truncated: bytes kept (default half the answer). */
	cutAt?: number;
	/** ignorePage neverLast: claimed totalPages (default 1000); totalsLie inflate: extra records (default 1000). */
	extra?: number;
	/** rejectRecords index: element indexes to name (default [0]). */
	indexes?: number[];
	/** rejectRecords id: ids that are "stale"; the fault matches only batches containing one. */
	ids?: Array<string | number>;
	/** rejectRecords: element field checked for `ids` (default the collection's id field, e.g. vehicleId). */
	idField?: string;
	/** rejectRecords index: field named in the message (default the element's first field). */
	field?: string;
	/** change: the records changed once the API has answered the request (its snapshot taken). */
	changes?: RecordChange[];
}

/** A queued fault as listed by GET /__admin/faults. */
export interface PendingFault extends FaultSpec {
	id: number;
	kind: FaultKind;
	/** Requests it has answered so far. */
	used: number;
}

/** Which fault shaped a logged answer. */
export interface FaultHit {
	id: number;
	kind: FaultKind;
	variant?: string;
	label?: string;
	/** Writes with truncated/hang/reset: whether the write was applied. */
	applied?: boolean;
}

export interface RequestLogEntry {
	method: string;
	/** Path below the base path, e.g. "/vehicles". */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON body (secrets redacted), or undefined. */
	body: unknown;
	/** HTTP status the client got; 0 when none (hang, reset, or a connection cut mid-body). */
	status: number;
	partnerId?: string;
	/** The injected fault that answered or altered this request. */
	fault?: FaultHit;
	/** hang: real time (ms) the client closed the socket. */
	closedAt?: number;
	/** Sandbox clock (ms). */
	time: number;
	/** Real wall time (ms). */
	at: number;
	/** The client's TCP port: which connection (and so which client process) sent it. */
	remotePort?: number;
}

export interface TokenLifetimes {
	accessMs: number;
	refreshMs: number;
}

export interface SandboxCounters {
	logins: number;
	failedLogins: number;
	refreshes: number;
	failedRefreshes: number;
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
	/** Access and refresh tokens answer 401 "expired". */
	expireAllTokens(): void;
	/** Access tokens answer 401 "expired"; refresh tokens keep working. */
	expireAccessTokens(): void;
	revokeAllTokens(): void;
	/** Lifetimes (sandbox clock) of tokens issued from now on; reset() restores the start options. */
	setTokenLifetimes(lifetimes: Partial<TokenLifetimes>): TokenLifetimes;
	readonly tokenLifetimes: TokenLifetimes;
	injectFaults(fault: FaultSpec): PendingFault;
	/** All faults, or the one with this id. */
	clearFaults(id?: number): void;
	readonly pendingFaults: PendingFault[];
	setLatency(ms: number): void;
	setLimits(limits: Partial<RateLimits>): void;
	/** The current date rules (a copy). */
	readonly dates: DateRules;
	/** Changes date rules while running (also `POST /__admin/dates`); returns the rules now in force. */
	setDates(rules: Partial<DateRules>): DateRules;
	/** Whether lists show archived records (also `POST /__admin/archived {mode}`); reset() restores the start option. */
	readonly archived: ArchivedMode;
	setArchived(mode: ArchivedMode): ArchivedMode;
	/**
	 * The companies a partner's profile lists (default the demo partner), in order: any of those it
	 * was seeded with (also `POST /__admin/profile {partnerId?, companies}`). An unlisted company is
	 * also refused (403), as AutoLeap refuses a company the partner may not access; reset() lists all again.
	 */
	setProfileCompanies(companyIds: string[], partnerId?: string): string[];
	close(): Promise<void>;
}
