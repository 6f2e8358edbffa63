import { notFound } from '../errors';
import {
	PAYMENT_CREATED_FIELD,
	PAYMENT_UPDATED_FIELD,
	RESULTS_MESSAGES,
	SORT_FIELDS,
	TIMESHEET_DATE_FIELD,
} from '../inferred';
import {
	filterWindow,
	pageEnvelope,
	paginate,
	resultsEnvelope,
	search,
	sortRows,
} from '../listing';
import type { SandboxRecord } from '../types';
import type { RouteHandler } from './context';
import { ack, locationOf, ownCompany } from './context';

const byLocation = (rows: SandboxRecord[], locationId: unknown) =>
	locationId ? rows.filter((r) => r.locationId === String(locationId)) : rows;

export const listRepairOrders: RouteHandler = (ctx) => {
	const q = ctx.query;
	let rows = byLocation(ctx.store.all('orders', ownCompany(ctx, q.companyId)), q.locationId);
	if (q.repairOrderNumber)
		rows = rows.filter((r) => String(r.repairOrderNumber) === String(q.repairOrderNumber));
	if (q.repairOrderStatusId !== undefined)
		rows = rows.filter((r) => r.repairOrderStatusId === q.repairOrderStatusId);
	if (q.isFinalized !== undefined) rows = rows.filter((r) => r.isFinalized === q.isFinalized);
	rows = filterWindow(rows, 'updatedDate', q, 'updatedDateStart', 'updatedDateEnd', ctx.dates);
	rows = filterWindow(rows, 'invoiceDate', q, 'invoiceStartDate', 'invoiceEndDate', ctx.dates);
	rows = filterWindow(rows, 'finalizeDate', q, 'finalizeStartDate', 'finalizeEndDate', ctx.dates);
	rows = search(rows, q.search, [
		(r) => r.repairOrderNumber,
		(r) => `${r.customer?.firstName} ${r.customer?.lastName}`,
		(r) => r.vehicle && `${r.vehicle.year} ${r.vehicle.make} ${r.vehicle.model}`,
		(r) => r.vehicle?.vin,
		(r) => r.vehicle?.licensePlate,
		(r) => r.invoiceNumber,
	]);
	const sortField = q.sort ? SORT_FIELDS.listRepairOrders[q.sort] : undefined;
	rows = sortRows(rows, sortField, q.sortDirection);
	return { body: pageEnvelope(paginate(rows, q.page, q.size), !!sortField) };
};

export const getRepairOrder: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.query.companyId);
	const row = ctx.store.find('orders', ctx.params.roNumber);
	if (!row || row.companyId !== companyId)
		throw notFound(`Repair order "${ctx.params.roNumber}" not found`);
	return { body: { content: [structuredClone(row)] } };
};

export const listPayments: RouteHandler = (ctx) => {
	const q = ctx.query;
	let rows = byLocation(ctx.store.all('payments', ownCompany(ctx, q.companyId)), q.locationId);
	rows = filterWindow(
		rows,
		PAYMENT_CREATED_FIELD,
		q,
		'paymentDateStart',
		'paymentDateEnd',
		ctx.dates,
	);
	rows = filterWindow(
		rows,
		PAYMENT_UPDATED_FIELD,
		q,
		'updatedDateStart',
		'updatedDateEnd',
		ctx.dates,
	);
	const sortField = q.sort ? SORT_FIELDS.listPayments[q.sort] : undefined;
	rows = sortRows(rows, sortField, q.sortDirection);
	return { body: pageEnvelope(paginate(rows, q.page, q.size), !!sortField) };
};

export const listAppointmentRequests: RouteHandler = (ctx) => {
	const q = ctx.query;
	let rows = byLocation(
		ctx.store.all('appointmentRequests', ownCompany(ctx, q.companyId)),
		q.locationId,
	);
	if (q.status) rows = rows.filter((r) => r.status === q.status);
	rows = filterWindow(
		rows,
		'startDateTime',
		q,
		'appointmentStartDate',
		'appointmentEndDate',
		ctx.dates,
	);
	rows = filterWindow(rows, 'updatedDate', q, 'updatedDateStart', 'updatedDateEnd', ctx.dates);
	rows = filterWindow(rows, 'createdDate', q, 'createdDateStart', 'createdDateEnd', ctx.dates);
	const sortField = q.sort ? SORT_FIELDS.listAppointmentRequests[q.sort] : undefined;
	rows = sortRows(rows, sortField, q.sortDirection);
	return { body: pageEnvelope(paginate(rows, q.page, q.size), !!sortField) };
};

export const createAppointmentRequest: RouteHandler = (ctx) => {
	const b = ctx.body;
	const companyId = ownCompany(ctx, b.companyId);
	const locationId =
		b.locationId === undefined ? undefined : locationOf(ctx, companyId, b.locationId, 'locationId');
	ctx.store.stampNew('appointmentRequests', {
		...structuredClone(b),
		companyId,
		locationId,
		code: String(20_000 + ctx.store.all('appointmentRequests').length),
		status: 'requested',
		type: 'customer',
		description: b.description ?? '',
		declineReason: '',
		isVehicleDropOff: b.dropOffOption === 'dropOff',
	});
	return ack();
};

export const listTechnicianTimesheetLogs: RouteHandler = (ctx) => {
	const q = ctx.query;
	const companyId = ownCompany(ctx, q.companyId);
	if (q.locationId) locationOf(ctx, companyId, q.locationId, 'locationId');
	let rows = byLocation(ctx.store.all('timesheetLogs', companyId), q.locationId);
	rows = filterWindow(rows, TIMESHEET_DATE_FIELD, q, 'startDate', 'endDate', ctx.dates);
	return {
		body: resultsEnvelope(
			RESULTS_MESSAGES.listTechnicianTimesheetLogs,
			paginate(rows, q.page, q.size),
		),
	};
};
