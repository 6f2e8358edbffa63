/**
 * AutoLeap's enumerations, each once: the action node's inputs and filters, the trigger's
 * filters and the checks before a write all read them from here.
 */

/** Only parts and tires can be created (reference: POST /items). */
export const ITEM_TYPES = ['part', 'tire'] as const;
/** What the Get Many `type` filter accepts (reference: GET /items x-accepted-values). */
export const ITEM_TYPE_FILTERS = ['discount', 'fee', 'labor', 'part', 'tire'] as const;
export const ITEM_STATUSES = ['Active', 'Inactive'] as const;

/** `repairOrderStatusId` codes (README §16). */
export const REPAIR_ORDER_STATUSES = [
	{ id: 1, name: 'Estimate' },
	{ id: 2, name: 'WIP' },
	{ id: 3, name: 'Complete' },
	{ id: 4, name: 'Saved' },
	{ id: 5, name: 'Posted' },
	{ id: 6, name: 'AR' },
	{ id: 7, name: 'Deleted' },
] as const;

/** Appointment request `status`; a request waits as `requested` until the shop answers. */
export const APPOINTMENT_REQUEST_STATUSES = ['confirmed', 'declined', 'requested'] as const;

/** The reference's enum is lower-case; its own example sends "Regular" (see fields/customer.ts). */
export const CUSTOMER_TYPES = ['regular', 'fleet'] as const;
export const COMMUNICATION_PREFERENCES = ['mobile', 'email'] as const;
/** Only the first values are documented; the portal's list is cut off (reference TaxExemptReason). */
export const TAX_EXEMPT_REASONS = [
	'Agricultural production',
	'Charitable organization',
	'Direct mail',
	'Direct pay permit',
] as const;
export const PHONE_TYPES = ['mobile', 'landline'] as const;

export const TRANSMISSIONS = ['Automatic', 'Manual'] as const;
export const MILEAGE_UNITS = ['KM', 'Miles'] as const;

/** Inventory levels' `restockLevel` filter. */
export const RESTOCK_LEVELS = ['above', 'below'] as const;

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;

const SMALL_WORDS = new Set([
	'a',
	'an',
	'and',
	'as',
	'at',
	'by',
	'for',
	'in',
	'of',
	'on',
	'or',
	'the',
	'to',
]);

/** A value as n8n lists it, in title case (`part` → `Part`, `Direct pay permit` → `Direct Pay Permit`). */
export function optionName(value: string): string {
	return value
		.split(' ')
		.map((word, i) =>
			i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
		)
		.join(' ');
}
