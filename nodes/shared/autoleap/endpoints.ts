/**
 * Every AutoLeap path, body key and record field the nodes rely on, in one place. The docs we
 * could read are partial: what is marked INFERRED is a best guess (README, "Operations"), so a
 * correction is a one-line change here.
 */
export const PATHS = {
	login: '/partners/login',
	refresh: '/partners/generateNewAccessToken',
	logout: '/partners/logout',
	profile: '/partners/profile',
	customers: '/customers', // GET /customers/{id}: path from third-party summaries — INFERRED
	vehicles: '/vehicles',
	items: '/items',
	inventoryLevels: '/inventoryLevels', // casing INFERRED (portal slug is lower-case)
	itemPricing: '/itemPricing', // GET /itemPricing/{id}, PUT /itemPricing — INFERRED (no page recovered)
	appointmentRequests: '/appointmentRequests',
	createAppointmentRequest: '/appointmentRequests/create',
	repairOrders: '/orders',
	payments: '/payments',
	timesheetLogs: '/technicians/timesheetLogs', // casing and parameters INFERRED
} as const;

/**
 * What each INFERRED path above rests on, for an error to name when AutoLeap answers 404 there:
 * the path may be wrong rather than the record missing. `withId`: only its `/{id}` form is inferred.
 */
const PATH_INFERENCES: Array<{ path: string; withId?: boolean; rests: string }> = [
	{
		path: PATHS.customers,
		withId: true,
		rests: 'GET /customers/{customerId} comes from third-party summaries',
	},
	{
		path: PATHS.inventoryLevels,
		rests: 'the casing of /inventoryLevels is a guess, as the portal shows it lower-cased',
	},
	{
		path: PATHS.itemPricing,
		rests: '/itemPricing comes from third-party summaries, as no page of it was recovered',
	},
	{
		path: PATHS.timesheetLogs,
		rests:
			'the casing of /technicians/timesheetLogs is a guess, as the portal shows it lower-cased',
	},
];

/** The inference a request's path rests on, in words, or undefined for a documented path. */
export function pathInference(path: string): string | undefined {
	const found = PATH_INFERENCES.find(({ path: known, withId }) =>
		withId ? path.startsWith(`${known}/`) : path === known || path.startsWith(`${known}/`),
	);
	return found && `${found.rests} (PATHS in nodes/shared/autoleap/endpoints.ts)`;
}

/** The array each bulk write sends next to `companyId`. */
export const BULK_KEYS = {
	customer: 'customers',
	vehicle: 'vehicles',
	item: 'items',
	inventoryLevel: 'inventoryLevels', // INFERRED: PUT /inventoryLevels body is undocumented
	itemPricing: 'items', // INFERRED: Item Pricing has no recovered operation
} as const;

/**
 * How AutoLeap may word a refusal of a request holding too many records — INFERRED (its batch
 * limit is undocumented): "at most 50", "must NOT have more than 50 items", "exceeds the maximum
 * of 50"…, in a message about records, the batch or the request.
 */
export const BATCH_CAP_TEXT =
	/\b(?:at most|no more than|not (?:have )?more than|maximum(?: of| is)?|max\.?|up to|limit(?: of| is)?|exceeds?(?: the)?(?: maximum| limit)?(?: of)?)\s*:?\s*(\d+)\b/i;
export const BATCH_CAP_TOPIC = /\b(?:records?|items?|elements?|entries|batch|request)\b/i;

/** Record ids per resource (customers' and items' id names INFERRED from the write bodies). */
export const ID_FIELDS = {
	customer: 'customerId',
	vehicle: 'vehicleId',
	item: 'itemId',
	location: 'locationId',
	appointmentRequest: 'appointmentId',
	repairOrder: 'repairOrderNumber',
	payment: 'paymentId',
	timesheetLog: 'timesheetLogId', // INFERRED
} as const;

/**
 * Where a record carries its last-update time. Only payments' `lastUpdatedAt` is documented; the
 * rest is INFERRED from the `updatedDateStart/End` filter names.
 */
export const UPDATED_AT_FIELDS: Record<string, string> = {
	payment: 'lastUpdatedAt',
	default: 'updatedDate',
};

/** The updated-time window of the list endpoints (documented for all but customers: INFERRED there). */
export const UPDATED_WINDOW = { start: 'updatedDateStart', end: 'updatedDateEnd' } as const;

/**
 * The lists that take the updated window, so a Return All can ask which records changed while it
 * was read. Inventory levels have no such filter and the timesheet logs' parameters are unknown:
 * their reads rest on AutoLeap's counts alone.
 */
export const LISTS_WITH_UPDATED_WINDOW = [
	'customer',
	'vehicle',
	'item',
	'repairOrder',
	'payment',
	'appointmentRequest',
] as const;

/** Where a record carries its creation time: payments' `paymentDate` (the creation window) is documented; `createdDate` INFERRED. */
export const CREATED_AT_FIELDS: Record<string, string> = {
	payment: 'paymentDate',
	default: 'createdDate',
};

/** The list query parameters that order a list rather than filter it (`sortDirection` INFERRED for repair orders). */
export const SORT_PARAMETERS = { field: 'sort', direction: 'sortDirection' } as const;

/** The other time windows of the lists (README §6: the names are not consistent across endpoints). */
export const TIME_WINDOWS = {
	repairOrderInvoiced: { start: 'invoiceStartDate', end: 'invoiceEndDate' },
	repairOrderFinalized: { start: 'finalizeStartDate', end: 'finalizeEndDate' },
	paymentDate: { start: 'paymentDateStart', end: 'paymentDateEnd' },
	appointmentRequestCreated: { start: 'createdDateStart', end: 'createdDateEnd' },
	appointmentTime: { start: 'appointmentStartDate', end: 'appointmentEndDate' },
} as const;

/**
 * Appointment request contact and vehicle details beyond the documented names (customer
 * first/last name; vehicle make, model, year) — INFERRED (the body is cut off on the portal).
 */
export const APPOINTMENT_EXTRA_FIELDS = {
	customer: { email: 'email', phone: 'phone' },
	vehicle: { vin: 'vin', licensePlate: 'licensePlate', mileage: 'mileage' },
} as const;

/** Timesheet date-range parameter names — INFERRED (the page was never readable). */
export const TIMESHEET_RANGE = { start: 'startDate', end: 'endDate' } as const;

/**
 * Shape of GET /partners/profile — INFERRED: the response is undocumented, the docs call it "the
 * companies and accounts you are authorized to access". Each name is tried in turn.
 */
export const PROFILE = {
	companies: ['companies', 'accounts'],
	companyId: ['companyId', 'accountId', 'id'],
	companyName: ['name', 'companyName', 'accountName'],
	locations: ['locations'],
	locationId: ['locationId', 'id'],
	locationName: ['name', 'locationName'],
} as const;

/**
 * AutoLeap's web app and its record pages, for resource-locator URLs — INFERRED. The app routes
 * with a hash (`…/#/customers/123`); a URL without it is accepted too.
 */
export const APP_URL = 'https://app.myautoleap.com';
export const APP_PAGES = { customer: 'customers', vehicle: 'vehicles' } as const;

/** The web app's page of one record. */
export const appRecordUrl = (kind: keyof typeof APP_PAGES, id: unknown) =>
	`${APP_URL}/#/${APP_PAGES[kind]}/${String(id)}`;

/** AutoLeap's page size cap (README §5): asking for more is silently reduced to 100. */
export const PAGE_SIZE = 100;
