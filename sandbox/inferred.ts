/**
 * Everything the sandbox serves that the reference does NOT document, in one place.
 * Each constant says what was inferred and why; change it here, not in the routes.
 */

/** Records carry creation/update stamps (ISO, ms precision unless `stamps: 'seconds'`, sandbox clock). The list
 * filters updatedDateStart/End and createdDateStart/End exist, so the data must too; the
 * field names follow the filter names. */
export const CREATED_FIELD = 'createdDate';
export const UPDATED_FIELD = 'updatedDate';

/** Payments document `lastUpdatedAt` (and `paymentDate` as the creation time) instead. */
export const PAYMENT_UPDATED_FIELD = 'lastUpdatedAt';
export const PAYMENT_CREATED_FIELD = 'paymentDate';

/** Archiving sets this value (documented for items and vehicles, assumed for customers). */
export const ACTIVE = 'Active';
export const INACTIVE = 'Inactive';

/** Status field per archivable resource: vehicles are documented (`vehicleStatus`), items
 * use `status` (documented create field); customers are assumed to use `status`. */
export const STATUS_FIELD = {
	customers: 'status',
	vehicles: 'vehicleStatus',
	items: 'status',
} as const;

/** `message` of the results envelope. Documented only for vehicles; the other endpoints that
 * use the results form (docs silent) get a message in the same style. */
export const RESULTS_MESSAGES: Record<string, string> = {
	listVehicles: 'Vehicle fetched successfully',
	getVehicle: 'Vehicle fetched successfully',
	listCustomers: 'Customers fetched successfully',
	getCustomer: 'Customer fetched successfully',
	getItem: 'Item fetched successfully',
	getInventoryLevels: 'Inventory levels fetched successfully',
	getItemPricing: 'Item pricing fetched successfully',
	listTechnicianTimesheetLogs: 'Timesheet logs fetched successfully',
	getPartnerProfile: 'Profile fetched successfully',
};

/** Documented write acknowledgement (PATCH /items, POST /appointmentRequests/create), used for all writes. */
export const WRITE_ACK_MESSAGE = 'Request completed successfully';

/** Pagination: documented default and cap (items/payments/appointments), applied to every list. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 100;

/* GET /inventoryLevels declares no page/size, so it answers every matching level in one page
 * (routes/items.ts uses singlePage). */

/** restockLevel filter: "above" = quantityOnHand > restockLevel; "below" = at or below it
 * (the docs say "below their restock (or minimum) quantity"; "at" is the usual reorder point). */
export function matchesRestock(
	filter: 'above' | 'below',
	quantityOnHand: number,
	restockLevel: number,
): boolean {
	return filter === 'above' ? quantityOnHand > restockLevel : quantityOnHand <= restockLevel;
}

/** Timesheet startDate/endDate filter on the log's clock-in time (the only meaningful date of a log). */
export const TIMESHEET_DATE_FIELD = 'clockIn';

/** An end bound given to the second (…:05Z) includes that whole second (05.500 too) by default, so
 * "inclusive" holds for records stamped with ms; the other reading (the instant 05.000) is the
 * `endBound: 'instant'` option. Not documented either way; a client must work under both. A
 * date-only end covers the whole UTC day under both. */
export const DEFAULT_END_BOUND = 'second' as const;

/** Records are stamped with milliseconds by default; whether AutoLeap's own stamps carry them is not
 * documented (`stamps: 'seconds'` stamps whole seconds). */
export const DEFAULT_STAMPS = 'milliseconds' as const;

/** Shape of GET /partners/profile (undocumented: "partner details incl. companies/accounts"). */
export interface PartnerProfile {
	partnerId: string;
	name: string;
	companies: Array<{
		companyId: string;
		name: string;
		locations: Array<{ locationId: string; name: string }>;
	}>;
}

/* Behaviour the docs leave open, decided here (implemented where noted):
 * - Paths match case-insensitively, so the portal's lower-cased slugs work too (README §12; contract.ts).
 * - Query parameters the operation does not declare are ignored, not rejected (server.ts).
 * - GET /vehicles and GET /items without companyId read all the partner's companies (companyId is optional there).
 * - A record id of another partner's company answers 404, a foreign companyId 403 (routes/context.ts).
 * - Tokens expire on the sandbox clock (a manual clock moved past 1 h expires them); rate limits use real time.
 * - Repair-order and payment amounts are integer cents (the RO sample); item prices are dollars (the item example).
 * - Refresh with an unknown/spent/expired refresh token answers 401; logout answers the write acknowledgement
 *   with message "Logged out successfully".
 * - Vehicles `sort` accepts any record field (allowed values undocumented); unknown fields keep id order.
 */

/** Sort keys documented per list, mapped to stored fields (payments "createdDate" = paymentDate). */
export const SORT_FIELDS: Record<string, Record<string, string>> = {
	listRepairOrders: { createdDate: CREATED_FIELD, repairOrderNumber: 'repairOrderNumber' },
	listPayments: { createdDate: PAYMENT_CREATED_FIELD },
	listAppointmentRequests: { startDate: 'startDateTime', endDate: 'endDateTime' },
};
