import type { TokenStore } from '../auth';
import type { SandboxClock } from '../clock';
import { badRequest, forbidden, notFound } from '../errors';
import type { PartnerAccount } from '../seed';
import type { Store } from '../store';
import { INACTIVE, STATUS_FIELD, WRITE_ACK_MESSAGE } from '../inferred';
import type {
	ArchivedMode,
	DateRules,
	ResourceName,
	SandboxCounters,
	SandboxRecord,
} from '../types';

export interface RouteContext {
	operationId: string;
	params: Record<string, string>;
	/** Coerced (typed) query, declared parameters only. */
	query: Record<string, any>;
	body: any;
	/** Bearer caller; undefined on login/refresh. */
	partner?: PartnerAccount;
	accessToken?: string;
	store: Store;
	clock: SandboxClock;
	tokens: TokenStore;
	partners: PartnerAccount[];
	counters: SandboxCounters;
	/** How date filters are read (sandbox/dates.ts). */
	dates: DateRules;
	/** Whether lists show archived records. */
	archived: ArchivedMode;
}

export interface RouteResult {
	status?: number;
	body: unknown;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult;

export const ack = (): RouteResult => ({
	body: { success: true, message: WRITE_ACK_MESSAGE, data: {} },
});

export function caller(ctx: RouteContext): PartnerAccount {
	if (!ctx.partner) throw new Error('route needs an authenticated partner');
	return ctx.partner;
}

/** 403 unless the company belongs to the calling partner (README §9: "another company"). */
export function ownCompany(ctx: RouteContext, companyId: unknown): string {
	if (companyId === undefined || companyId === null || companyId === '')
		throw badRequest('companyId is required');
	const id = String(companyId);
	if (!caller(ctx).profile.companies.some((c) => c.companyId === id)) {
		throw forbidden(`Access to company "${id}" is not allowed for this partner`);
	}
	return id;
}

/** Company ids to read: the given one (checked) or, where companyId is optional, all the partner's. */
export function companiesFor(ctx: RouteContext, companyId: unknown): string[] {
	if (companyId === undefined || companyId === '')
		return caller(ctx).profile.companies.map((c) => c.companyId);
	return [ownCompany(ctx, companyId)];
}

export function rowsOf(
	ctx: RouteContext,
	resource: ResourceName,
	companyIds: string[],
): SandboxRecord[] {
	if (companyIds.length === 1) return ctx.store.all(resource, companyIds[0]);
	// Several companies: merge back into global insertion order.
	const wanted = new Set(companyIds);
	return ctx.store.all(resource).filter((r) => wanted.has(String(r.companyId)));
}

/** The rows a list shows: without archived ones when the sandbox hides them. */
export function listed(
	ctx: RouteContext,
	resource: keyof typeof STATUS_FIELD,
	rows: SandboxRecord[],
): SandboxRecord[] {
	if (ctx.archived === 'listed') return rows;
	return rows.filter((r) => r[STATUS_FIELD[resource]] !== INACTIVE);
}

export function locationOf(
	ctx: RouteContext,
	companyId: string,
	locationId: unknown,
	field: string,
): string {
	const company = caller(ctx).profile.companies.find((c) => c.companyId === companyId);
	const id = String(locationId);
	if (!company?.locations.some((l) => l.locationId === id))
		throw badRequest(`${field} "${id}" is not a location of company "${companyId}"`);
	return id;
}

/** Record of one of the caller's companies, else 404 (a foreign record is as good as absent). */
export function ownRecord(
	ctx: RouteContext,
	resource: ResourceName,
	id: string,
	label: string,
	companyId?: string,
): SandboxRecord {
	const row = ctx.store.find(resource, id);
	const allowed =
		companyId !== undefined ? [companyId] : caller(ctx).profile.companies.map((c) => c.companyId);
	if (!row || !allowed.includes(String(row.companyId)))
		throw notFound(`${label} "${id}" not found`);
	return row;
}

/** Bulk writes: resolve every element's id first so a bad element changes nothing. */
export function resolveAll(
	ctx: RouteContext,
	resource: ResourceName,
	companyId: string,
	elements: SandboxRecord[],
	collection: string,
	idField: string,
): SandboxRecord[] {
	return elements.map((el, i) => {
		const id = el[idField];
		if (id === undefined || id === null || id === '')
			throw badRequest(`${collection}[${i}].${idField} is required`);
		const row = ctx.store.find(resource, String(id));
		if (!row || String(row.companyId) !== companyId)
			throw notFound(`${collection}[${i}].${idField} "${String(id)}" not found`);
		return row;
	});
}
