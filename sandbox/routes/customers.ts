import { badRequest } from '../errors';
import { ACTIVE, INACTIVE, RESULTS_MESSAGES, STATUS_FIELD } from '../inferred';
import { filterWindow, oneResult, paginate, resultsEnvelope, search } from '../listing';
import type { SandboxRecord } from '../types';
import type { RouteHandler } from './context';
import { ack, listed, ownCompany, ownRecord, resolveAll } from './context';

const CUSTOMER_DEFAULTS = { status: ACTIVE, phones: [], emails: [], tags: [] };

export const listCustomers: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.query.companyId);
	let rows = listed(ctx, 'customers', ctx.store.all('customers', companyId));
	rows = filterWindow(
		rows,
		'updatedDate',
		ctx.query,
		'updatedDateStart',
		'updatedDateEnd',
		ctx.dates,
	);
	rows = search(rows, ctx.query.search, [
		(r) => `${r.firstName} ${r.lastName}`,
		(r) => r.displayName,
		(r) => r.companyName,
		(r) => r.phones?.map((p: SandboxRecord) => p.number).join(' '),
		(r) => r.emails?.map((e: SandboxRecord) => e.emailAddress).join(' '),
	]);
	return {
		body: resultsEnvelope(
			RESULTS_MESSAGES.listCustomers,
			paginate(rows, ctx.query.page, ctx.query.size),
		),
	};
};

export const getCustomer: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.query.companyId);
	const row = ownRecord(ctx, 'customers', ctx.params.customerId, 'customer', companyId);
	return { body: oneResult(RESULTS_MESSAGES.getCustomer, row) };
};

/** customerType is documented lower-case but the portal example sends "Regular": accept any case, store lower. */
export function normaliseCustomerType(body: any): void {
	for (const c of Array.isArray(body?.customers) ? body.customers : []) {
		if (c && typeof c.customerType === 'string') c.customerType = c.customerType.toLowerCase();
	}
}

export const createCustomers: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.customers as SandboxRecord[];
	list.forEach((c, i) => {
		if (c.customerId !== undefined)
			throw badRequest(`customers[${i}].customerId must not be sent on create`);
	});
	for (const c of list) {
		const displayName = c.displayName ?? `${c.firstName} ${c.lastName}`;
		ctx.store.stampNew('customers', {
			customerType: 'regular',
			...CUSTOMER_DEFAULTS,
			...structuredClone(c),
			displayName,
			companyId,
			status: c.status ?? ACTIVE,
		});
	}
	return ack();
};

export const updateCustomers: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.customers as SandboxRecord[];
	const rows = resolveAll(ctx, 'customers', companyId, list, 'customers', 'customerId');
	rows.forEach((row, i) => ctx.store.patch('customers', row.customerId, structuredClone(list[i])));
	return ack();
};

export const archiveCustomers: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = (ctx.body.customers ?? []) as SandboxRecord[];
	if (!list.length) throw badRequest('customers must contain at least 1 element');
	const rows = resolveAll(ctx, 'customers', companyId, list, 'customers', 'customerId');
	for (const row of rows)
		ctx.store.patch('customers', row.customerId, { [STATUS_FIELD.customers]: INACTIVE });
	return ack();
};
