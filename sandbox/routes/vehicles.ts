import { badRequest, notFound } from '../errors';
import { ACTIVE, INACTIVE, RESULTS_MESSAGES, STATUS_FIELD } from '../inferred';
import { filterWindow, oneResult, paginate, resultsEnvelope, search, sortRows } from '../listing';
import type { SandboxRecord } from '../types';
import type { RouteHandler } from './context';
import { ack, companiesFor, listed, ownCompany, ownRecord, resolveAll, rowsOf } from './context';

export const listVehicles: RouteHandler = (ctx) => {
	const q = ctx.query;
	let rows = listed(ctx, 'vehicles', rowsOf(ctx, 'vehicles', companiesFor(ctx, q.companyId)));
	if (q.customerId !== undefined && q.customerId !== '')
		rows = rows.filter((r) => r.customerId === String(q.customerId));
	rows = filterWindow(rows, 'updatedDate', q, 'updatedDateStart', 'updatedDateEnd', ctx.dates);
	rows = search(rows, q.search, [
		(r) => r.vehicleName,
		(r) => r.vin,
		(r) => r.licensePlate,
		(r) => r.make,
		(r) => r.model,
		(r) => r.year,
	]);
	// `sort` values are undocumented: any record field is accepted, unknown fields keep id order.
	rows = sortRows(rows, q.sort ? String(q.sort) : undefined, q.sortDirection);
	return { body: resultsEnvelope(RESULTS_MESSAGES.listVehicles, paginate(rows, q.page, q.size)) };
};

export const getVehicle: RouteHandler = (ctx) => {
	const row = ownRecord(ctx, 'vehicles', ctx.params.vehicleId, 'vehicle');
	return { body: oneResult(RESULTS_MESSAGES.getVehicle, row) };
};

export const createVehicles: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.vehicles as SandboxRecord[];
	if (!list.length) throw badRequest('vehicles must contain at least 1 element');
	// A vehicle must hang off an existing customer of the same company; check all before writing.
	list.forEach((v, i) => {
		if (v.customerId === undefined || v.customerId === '')
			throw badRequest(`vehicles[${i}].customerId is required`);
		const owner = ctx.store.find('customers', String(v.customerId));
		if (!owner || owner.companyId !== companyId)
			throw notFound(`vehicles[${i}].customerId "${String(v.customerId)}" not found`);
		if (v.vehicleId !== undefined)
			throw badRequest(`vehicles[${i}].vehicleId must not be sent on create`);
	});
	for (const v of list) {
		const vehicleName =
			v.vehicleName ?? [v.year, v.make, v.model].filter((x) => x !== undefined).join(' ');
		ctx.store.stampNew('vehicles', {
			tags: [],
			notes: '',
			imgUrl: '',
			...structuredClone(v),
			vehicleName,
			companyId,
			customerId: String(v.customerId),
			vehicleStatus: v.vehicleStatus ?? ACTIVE,
		});
	}
	return ack();
};

export const updateVehicles: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.vehicles as SandboxRecord[];
	const rows = resolveAll(ctx, 'vehicles', companyId, list, 'vehicles', 'vehicleId');
	rows.forEach((row, i) => ctx.store.patch('vehicles', row.vehicleId, structuredClone(list[i])));
	return ack();
};

export const archiveVehicles: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = (ctx.body.vehicles ?? []) as SandboxRecord[];
	if (!list.length) throw badRequest('vehicles must contain at least 1 element');
	const rows = resolveAll(ctx, 'vehicles', companyId, list, 'vehicles', 'vehicleId');
	list.forEach((el, i) => {
		if (el.customerId !== undefined && String(el.customerId) !== rows[i].customerId) {
			throw badRequest(
				`vehicles[${i}].customerId "${String(el.customerId)}" does not own vehicle "${rows[i].vehicleId}"`,
			);
		}
	});
	for (const row of rows)
		ctx.store.patch('vehicles', row.vehicleId, { [STATUS_FIELD.vehicles]: INACTIVE });
	return ack();
};
