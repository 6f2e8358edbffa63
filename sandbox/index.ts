import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadContract } from './contract';
import { BASE_PATH, createRequestHandler } from './server';
import { SandboxState } from './state';
import { storeHandle } from './storeHandle';
import type { Sandbox, SandboxOptions } from './types';

export * from './seed';
export type * from './types';
export type { SandboxClock } from './clock';
export type { PartnerProfile } from './inferred';
export { BASE_PATH } from './server';
export { DEFAULT_LIMITS } from './rateLimit';
export { DATE_MODES, DEFAULT_DATE_RULES, END_BOUNDS, STAMP_PRECISIONS } from './dates';

/** Starts a seeded AutoLeap Partner API v2 emulator on 127.0.0.1 (random port by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	loadContract(); // fail fast on a broken contract file
	const state = new SandboxState(options);
	const server = createServer(createRequestHandler(state));
	server.keepAliveTimeout = 1000;
	if (options.onConnection) server.on('connection', options.onConnection);
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const store = storeHandle(state.store);
	return {
		url: `${origin}${BASE_PATH}`,
		origin,
		port,
		clock: state.clock,
		store,
		get requestLog() {
			return state.log;
		},
		get counters() {
			return state.counters;
		},
		clearLog: () => {
			state.log.length = 0;
		},
		reset: () => state.reset(),
		expireAllTokens: () => state.tokens.expireAll(),
		expireAccessTokens: () => state.tokens.expireAccess(),
		revokeAllTokens: () => state.tokens.revokeAll(),
		setTokenLifetimes: (lifetimes) => state.setTokenLifetimes(lifetimes),
		get tokenLifetimes() {
			return state.tokenLifetimes();
		},
		injectFaults: (fault) => state.faults.add(fault),
		clearFaults: (id) => state.faults.clear(id),
		get pendingFaults() {
			return state.faults.pending();
		},
		setLatency: (ms) => {
			state.latencyMs = Math.max(0, ms);
		},
		setLimits: (limits) => {
			state.limiter.limits = { ...state.limiter.limits, ...limits };
		},
		get dates() {
			return { ...state.dates };
		},
		setDates: (rules) => state.setDates(rules),
		get archived() {
			return state.archived;
		},
		setArchived: (mode) => state.setArchived(mode),
		setProfileCompanies: (companyIds, partnerId) =>
			state.setProfileCompanies(companyIds, partnerId),
		// Also ends hung and delayed requests: their sockets are destroyed, their timers cleared.
		close: () =>
			new Promise<void>((resolve, reject) => {
				state.stopTimers();
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			}),
	};
}
