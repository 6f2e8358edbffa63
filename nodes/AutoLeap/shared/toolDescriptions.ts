import type { INodeProperties } from 'n8n-workflow';

/**
 * What an AI agent is told each operation is for and returns: n8n hands a tool's
 * `toolDescription` to the agent (and lists it over MCP), else only "<action> in AutoLeap". Shown
 * on the tool variant alone ('@tool'), pre-filled per operation and editable there.
 */
export const FOR_AGENTS: Record<string, Record<string, string>> = {
	appointmentRequest: {
		create:
			"Ask one shop location for an appointment for a customer's vehicle; the shop confirms or declines it later. Returns the request as sent with AutoLeap's acknowledgement.",
		getAll:
			"List a shop's appointment requests, e.g. what is booked or awaiting confirmation; filter by status, location, appointment time, or when created or updated. Returns each request's ID, status, times, customer and vehicle.",
	},
	customer: {
		archive:
			"Mark a customer inactive by customer ID (kept, not deleted). Returns the ID sent with AutoLeap's acknowledgement.",
		create:
			'Add a new customer (a person, or a fleet business) to a shop; look for an existing one with Get Many customers first. Returns the customer as sent, without its new ID.',
		get: 'Read one customer by customer ID. Returns type, name, company name, phones, emails, status and last update time.',
		getAll:
			"Find a shop's customers by name, phone, email or other text, or those changed in a time window. Returns each customer's ID, type, name, phones, emails and status.",
		update:
			"Change fields of an existing customer by customer ID (name, contact details, notes, preferences). Returns the fields sent with AutoLeap's acknowledgement.",
	},
	inventoryLevel: {
		getAll:
			'Check stock: parts and tires with their quantity on hand per location, optionally only those above or below their restock level. Returns item ID, location ID, name, number, quantity and restock level.',
		update:
			"Set the quantity on hand or the restock level of one item at one location, e.g. after a stock count. Returns the values sent with AutoLeap's acknowledgement.",
	},
	item: {
		archive:
			"Mark a part or tire inactive by item ID so it is no longer offered. Returns the ID sent with AutoLeap's acknowledgement.",
		create:
			"Add a part or tire to a shop's catalogue with its number, cost and price. Returns the item as sent, without its new ID.",
		get: 'Read one catalogue item by item ID. Returns type, name, number, status, whether it is taxed, and last update time.',
		getAll:
			"Find a shop's catalogue items (parts, tires, labor, fees, discounts) by type or part number, or those changed in a time window. Returns each item's ID, type, name, number and status.",
	},
	itemPricing: {
		get: 'Read the cost and selling price of one part or tire by item ID, e.g. to quote a customer. Returns item ID, name, number, cost per unit and price per unit.',
		update:
			"Change the cost or selling price of a part or tire by item ID. Returns the values sent with AutoLeap's acknowledgement.",
	},
	partner: {
		getProfile:
			'Call this first: it lists the companies (shops) and locations this account may use, with the IDs every other AutoLeap tool needs.',
		logOut:
			"End the current AutoLeap session (rarely needed: the next call logs in again). Returns AutoLeap's acknowledgement.",
	},
	payment: {
		getAll:
			"List payments received on repair orders by payment date, update time or location, e.g. to reconcile a day. Returns each payment's ID, RO number, date, type, method and amounts.",
	},
	repairOrder: {
		get: 'Read one repair order by its RO number, e.g. to answer a customer about their job. Returns statuses, customer, vehicle, invoice number and date, totals and amount paid.',
		getAll:
			"Find a shop's repair orders (estimates, work in progress, invoices) by status, text, or update, invoice or finalize time. Returns each RO's number, statuses, customer, vehicle and totals.",
	},
	technicianTimesheet: {
		getAll:
			"List technicians' clock-in and clock-out entries between two dates, optionally for one location, e.g. for hours worked. Returns technician, times, minutes and RO number of each.",
	},
	vehicle: {
		archive:
			"Mark a vehicle inactive by vehicle ID, e.g. when the customer sold it. Returns the ID sent with AutoLeap's acknowledgement.",
		create:
			'Add a vehicle to an existing customer (customer ID required; year, make, model, VIN, plate and mileage optional). Returns the vehicle as sent, without its new ID.',
		get: 'Read one vehicle by vehicle ID. Returns owner customer ID, year, make, model, VIN, licence plate, mileage, status and last update time.',
		getAll:
			"Find a shop's vehicles by VIN, licence plate, make, model or year, all vehicles of one customer, or those changed in a time window. Returns each vehicle's ID, owner, year, make, model, VIN and plate.",
		update:
			"Change fields of an existing vehicle by vehicle ID, e.g. mileage or plate. Returns the fields sent with AutoLeap's acknowledgement.",
	},
};

/** One pre-filled Description per operation, on the node's tool variant only. */
export function toolDescriptionInputs(): INodeProperties[] {
	return Object.entries(FOR_AGENTS).flatMap(([resource, operations]) =>
		Object.entries(operations).map(
			([operation, text]): INodeProperties => ({
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 3 },
				default: text,
				description:
					'What the AI agent is told this tool does and returns; a specific description helps it choose well',
				displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
			}),
		),
	);
}
