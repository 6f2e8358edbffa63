import {
	ID_FIELDS,
	PATHS,
	TIME_WINDOWS,
	UPDATED_AT_FIELDS,
	UPDATED_WINDOW,
} from '../shared/autoleap/endpoints';
import type { SimplifiedResource } from '../shared/autoleap/simplify';

/** A filter of a list endpoint the trigger offers as an option. */
export type EventFilter = 'repairOrderStatusId' | 'type' | 'status';

export interface TriggerEvent {
	name: string;
	value: string;
	description: string;
	resource: SimplifiedResource;
	/** The records, as messages name them. */
	records: string;
	path: string;
	/** The list's time-window query parameters (inclusive, `YYYY-MM-DDThh:mm:ssZ`: whole seconds). */
	window: { start: string; end: string };
	/** The record field the window filters on. */
	timeField: string;
	idField: string;
	/**
	 * Whether the time field is stamped by AutoLeap itself (update/creation time), so it proves
	 * how far AutoLeap's clock has come. Invoice, finalize and payment dates may be entered by
	 * a user, so for those the poller's clock stands in.
	 */
	serverStamped: boolean;
	/** Whether the list takes `locationId`. */
	location: boolean;
	filters: EventFilter[];
}

const UPDATED = UPDATED_WINDOW;
const updatedAt = (resource: string) => UPDATED_AT_FIELDS[resource] ?? UPDATED_AT_FIELDS.default;

/**
 * Every event, in one table (README §6–7). Window names are documented except for customers:
 * GET /customers documents no filters, so its `updatedDateStart/End` window and `updatedDate`
 * field are INFERRED from the other lists (see `endpoints.ts`).
 */
export const TRIGGER_EVENTS: TriggerEvent[] = [
	{
		name: 'Appointment Request Created',
		value: 'appointmentRequestCreated',
		description: 'A customer asked for an appointment',
		resource: 'appointmentRequest',
		records: 'appointment requests',
		path: PATHS.appointmentRequests,
		window: TIME_WINDOWS.appointmentRequestCreated,
		timeField: 'createdDate', // INFERRED from the createdDate* filter names
		idField: ID_FIELDS.appointmentRequest,
		serverStamped: true,
		location: true,
		filters: ['status'],
	},
	{
		name: 'Appointment Request Updated',
		value: 'appointmentRequestUpdated',
		description: 'An appointment request was created or changed',
		resource: 'appointmentRequest',
		records: 'appointment requests',
		path: PATHS.appointmentRequests,
		window: UPDATED,
		timeField: updatedAt('appointmentRequest'),
		idField: ID_FIELDS.appointmentRequest,
		serverStamped: true,
		location: true,
		filters: ['status'],
	},
	{
		name: 'Customer Updated',
		value: 'customerUpdated',
		description: 'A customer was created or changed',
		resource: 'customer',
		records: 'customers',
		path: PATHS.customers,
		window: UPDATED, // INFERRED: GET /customers documents no date filter
		timeField: updatedAt('customer'),
		idField: ID_FIELDS.customer,
		serverStamped: true,
		location: false,
		filters: [],
	},
	{
		name: 'Item Updated',
		value: 'itemUpdated',
		description: 'A part, tire, labor, fee or discount item was created or changed',
		resource: 'item',
		records: 'items',
		path: PATHS.items,
		window: UPDATED,
		timeField: updatedAt('item'),
		idField: ID_FIELDS.item,
		serverStamped: true,
		location: false,
		filters: ['type'],
	},
	{
		name: 'Payment Received',
		value: 'paymentReceived',
		description: 'A payment was recorded (by its payment date)',
		resource: 'payment',
		records: 'payments',
		path: PATHS.payments,
		window: TIME_WINDOWS.paymentDate,
		timeField: 'paymentDate',
		idField: ID_FIELDS.payment,
		serverStamped: false,
		location: true,
		filters: [],
	},
	{
		name: 'Payment Updated',
		value: 'paymentUpdated',
		description: 'A payment was recorded or changed',
		resource: 'payment',
		records: 'payments',
		path: PATHS.payments,
		window: UPDATED,
		timeField: updatedAt('payment'),
		idField: ID_FIELDS.payment,
		serverStamped: true,
		location: true,
		filters: [],
	},
	{
		name: 'Repair Order Finalized',
		value: 'repairOrderFinalized',
		description: 'A repair order was finalized (by its finalize date)',
		resource: 'repairOrder',
		records: 'repair orders',
		path: PATHS.repairOrders,
		window: TIME_WINDOWS.repairOrderFinalized,
		timeField: 'finalizeDate',
		idField: ID_FIELDS.repairOrder,
		serverStamped: false,
		location: true,
		filters: ['repairOrderStatusId'],
	},
	{
		name: 'Repair Order Invoiced',
		value: 'repairOrderInvoiced',
		description: 'A repair order was invoiced (by its invoice date)',
		resource: 'repairOrder',
		records: 'repair orders',
		path: PATHS.repairOrders,
		window: TIME_WINDOWS.repairOrderInvoiced,
		timeField: 'invoiceDate',
		idField: ID_FIELDS.repairOrder,
		serverStamped: false,
		location: true,
		filters: ['repairOrderStatusId'],
	},
	{
		name: 'Repair Order Updated',
		value: 'repairOrderUpdated',
		description: 'A repair order was created or changed',
		resource: 'repairOrder',
		records: 'repair orders',
		path: PATHS.repairOrders,
		window: UPDATED,
		timeField: updatedAt('repairOrder'),
		idField: ID_FIELDS.repairOrder,
		serverStamped: true,
		location: true,
		filters: ['repairOrderStatusId'],
	},
	{
		name: 'Vehicle Updated',
		value: 'vehicleUpdated',
		description: 'A vehicle was created or changed',
		resource: 'vehicle',
		records: 'vehicles',
		path: PATHS.vehicles,
		window: UPDATED,
		timeField: updatedAt('vehicle'),
		idField: ID_FIELDS.vehicle,
		serverStamped: true,
		location: false,
		filters: [],
	},
];

/** The window's filter as messages name it: `updatedDateStart` → "updated-date", `invoiceStartDate` → "invoice-date". */
export function filterName(event: TriggerEvent): string {
	return `${event.window.start.replace(/Start|Date/g, '')}-date`;
}

export function eventByValue(value: string): TriggerEvent | undefined {
	return TRIGGER_EVENTS.find((event) => event.value === value);
}
