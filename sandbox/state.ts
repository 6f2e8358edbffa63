import { TokenStore } from './auth';
import { createClock, type SandboxClock } from './clock';
import { dateRules } from './dates';
import { FaultQueue } from './faults';
import { DEFAULT_LIMITS, RateLimiter } from './rateLimit';
import { partnersWith, seedStore, type PartnerAccount } from './seed';
import { Store } from './store';
import type {
	ArchivedMode,
	DateRules,
	RequestLogEntry,
	SandboxCounters,
	SandboxOptions,
	TokenLifetimes,
} from './types';

const HOUR = 3_600_000;

/** Everything a sandbox instance holds; reset() brings it back to the freshly seeded state. */
export class SandboxState {
	readonly clock: SandboxClock;
	readonly store: Store;
	readonly tokens: TokenStore;
	readonly limiter: RateLimiter;
	readonly faults = new FaultQueue();
	/** The partners as seeded; `partners` is what their profiles list now (setProfileCompanies). */
	private readonly seededPartners: PartnerAccount[];
	readonly partners: PartnerAccount[];
	readonly log: RequestLogEntry[] = [];
	readonly counters: SandboxCounters = {
		logins: 0,
		failedLogins: 0,
		refreshes: 0,
		failedRefreshes: 0,
		logouts: 0,
	};
	latencyMs: number;
	/** Replaced as a whole by setDates, so a request in flight keeps the rules it started with. */
	dates: DateRules;
	/** Whether lists show archived records (see ArchivedMode). */
	archived: ArchivedMode;
	private readonly seededAt: number;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(readonly options: SandboxOptions) {
		this.clock = createClock(options.clock ?? 'real', options.startTime);
		this.dates = this.initialDates();
		this.archived = options.archived ?? 'listed';
		this.store = new Store(this.clock, () => this.dates.stamps);
		this.tokens = new TokenStore(
			() => this.clock.now(),
			options.accessTokenTtlMs ?? HOUR,
			options.refreshTokenTtlMs ?? 3 * HOUR,
		);
		this.limiter = new RateLimiter({ ...DEFAULT_LIMITS, ...(options.limits ?? {}) });
		this.latencyMs = options.latencyMs ?? 0;
		this.seededPartners = partnersWith(options.companies ?? 0);
		this.partners = structuredClone(this.seededPartners);
		this.seededAt = this.clock.now();
		this.seed(this.seededAt);
	}

	private seed(now: number): void {
		this.store.clear();
		seedStore(this.store, {
			seed: this.options.seed ?? 1,
			now,
			seedData: this.options.seedData ?? true,
			bulkVehicles: this.options.bulkVehicles ?? 0,
			extraCompanies: this.options.companies ?? 0,
		});
	}

	/** Reseed (same data as at start), drop tokens, log, faults, counters and rate budgets; date rules and archived mode as at start. */
	reset(): void {
		this.dates = this.initialDates();
		this.archived = this.options.archived ?? 'listed';
		if (this.clock.mode === 'manual') this.clock.set(this.options.startTime ?? this.seededAt);
		this.seed(this.clock.mode === 'manual' ? this.clock.now() : this.seededAt);
		this.partners.forEach((partner, i) => {
			partner.profile.companies = structuredClone(this.seededPartners[i].profile.companies);
		});
		this.tokens.revokeAll();
		this.limiter.reset();
		this.faults.clear();
		this.log.length = 0;
		for (const k of Object.keys(this.counters) as Array<keyof SandboxCounters>)
			this.counters[k] = 0;
		this.latencyMs = this.options.latencyMs ?? 0;
		this.tokens.accessTtlMs = this.options.accessTokenTtlMs ?? HOUR;
		this.tokens.refreshTtlMs = this.options.refreshTokenTtlMs ?? 3 * HOUR;
	}

	/** Lifetimes of tokens issued from now on (sandbox clock). */
	setTokenLifetimes(l: { accessMs?: unknown; refreshMs?: unknown }): TokenLifetimes {
		const ms = (v: unknown, name: string) => {
			if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
				throw new Error(`${name} must be a positive number of milliseconds`);
			return v;
		};
		const access = l.accessMs === undefined ? this.tokens.accessTtlMs : ms(l.accessMs, 'accessMs');
		const refresh =
			l.refreshMs === undefined ? this.tokens.refreshTtlMs : ms(l.refreshMs, 'refreshMs');
		this.tokens.accessTtlMs = access;
		this.tokens.refreshTtlMs = refresh;
		return this.tokenLifetimes();
	}

	tokenLifetimes(): TokenLifetimes {
		return { accessMs: this.tokens.accessTtlMs, refreshMs: this.tokens.refreshTtlMs };
	}

	/** Waits ms (resolves at once for 0); close() cancels pending waits so none outlives the sandbox. */
	sleep(ms: number): Promise<void> {
		if (!(ms > 0)) return Promise.resolve();
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	stopTimers(): void {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
	}

	/** Changes the date rules (unknown values throw); returns the rules now in force. */
	setDates(settings: Partial<Record<keyof DateRules, unknown>>): DateRules {
		this.dates = dateRules(settings, this.dates);
		return { ...this.dates };
	}

	/** Changes whether lists show archived records (an unknown mode throws); returns the mode now in force. */
	setArchived(mode: unknown): ArchivedMode {
		if (mode !== 'listed' && mode !== 'hidden')
			throw new Error(`archived must be one of: listed, hidden (got ${JSON.stringify(mode)})`);
		this.archived = mode;
		return mode;
	}

	/** The companies a partner's profile lists, in this order: any it was seeded with. */
	setProfileCompanies(
		companyIds: unknown,
		partnerId: unknown = this.partners[0].partnerId,
	): string[] {
		const at = this.partners.findIndex((p) => p.partnerId === partnerId);
		if (at < 0) throw new Error(`Unknown partner ${JSON.stringify(partnerId)}`);
		const seeded = this.seededPartners[at].profile.companies;
		if (!Array.isArray(companyIds)) throw new Error('companies must be a list of company ids');
		const listed = companyIds.map((id) => {
			const company = seeded.find((c) => c.companyId === String(id));
			if (!company)
				throw new Error(
					`Company ${JSON.stringify(id)} is not one of ${String(partnerId)}'s (${seeded.map((c) => c.companyId).join(', ')})`,
				);
			return structuredClone(company);
		});
		this.partners[at].profile.companies = listed;
		return listed.map((c) => c.companyId);
	}

	private initialDates(): DateRules {
		const { dates: mode, endBound, stamps } = this.options;
		return dateRules({ mode, endBound, stamps });
	}

	partner(partnerId: string | undefined): PartnerAccount | undefined {
		return this.partners.find((p) => p.partnerId === partnerId);
	}
}
