/**
 * Workflows that drive every operation of the AutoLeap node in a real n8n: records are created,
 * found, read, changed and archived, with n8n's own nodes (Code, Edit Fields, Filter) and
 * expressions carrying data from one step to the next.
 */
import { DEMO_COMPANY_ID } from '../../sandbox/seed';
import { byId, chain, rows, setFields, type WorkflowJson } from '../lib/workflow';

const company = { companyId: DEMO_COMPANY_ID };

/** `tag` makes this run's records findable (and distinct from an earlier run's). */
export function resourceWorkflows(tag: string): WorkflowJson[] {
	const customers = chain('E2eCustomers0001', 'e2e: customers', [
		rows(
			'New Customers',
			[1, 2, 3].map((i) => ({ firstName: `Ada ${i}`, lastName: `${tag} Lovelace` })),
		),
		{
			name: 'Create Customers',
			parameters: {
				resource: 'customer',
				operation: 'create',
				...company,
				firstName: '={{ $json.firstName }}',
				lastName: '={{ $json.lastName }}',
			},
		},
		// AutoLeap's bulk create answers without ids: find the new records by name.
		{
			name: 'Find Customers',
			executeOnce: true,
			parameters: {
				resource: 'customer',
				operation: 'getAll',
				...company,
				returnAll: true,
				filters: { search: tag },
			},
		},
		{
			name: 'Get Customer',
			parameters: {
				resource: 'customer',
				operation: 'get',
				...company,
				customerId: byId('={{ $json.customerId }}'),
			},
		},
		setFields('Note', { notes: '=Met {{ $json.firstName }} on {{ $now.toISODate() }}' }),
		{
			name: 'Update Customers',
			parameters: {
				resource: 'customer',
				operation: 'update',
				...company,
				customerId: byId('={{ $json.customerId }}'),
				updateFields: { notes: '={{ $json.notes }}' },
			},
		},
		{
			name: 'Archive Customers',
			parameters: {
				resource: 'customer',
				operation: 'archive',
				...company,
				customerId: byId('={{ $json.customerId }}'),
			},
		},
	]);

	const vehicles = chain('E2eVehicles00001', 'e2e: vehicles', [
		{
			name: 'Pick Customer',
			parameters: { resource: 'customer', operation: 'getAll', ...company, limit: 1 },
		},
		{
			name: 'New Vehicles',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `return ['Ford', 'Honda', 'Ford', 'Kia'].map((make, i) => ({ json: { make, plate: '${tag}-' + i, owner: $input.first().json.customerId } }));`,
			},
		},
		{
			name: 'Create Vehicles',
			parameters: {
				resource: 'vehicle',
				operation: 'create',
				...company,
				customerId: byId('={{ $json.owner }}'),
				additionalFields: {
					make: '={{ $json.make }}',
					model: 'E2E',
					licensePlate: '={{ $json.plate }}',
				},
			},
		},
		{
			name: 'Find Vehicles',
			executeOnce: true,
			parameters: {
				resource: 'vehicle',
				operation: 'getAll',
				...company,
				returnAll: true,
				filters: { search: tag },
			},
		},
		{
			name: 'Only Fords',
			type: 'n8n-nodes-base.filter',
			typeVersion: 2.2,
			parameters: {
				conditions: {
					options: { caseSensitive: true, typeValidation: 'strict', version: 2 },
					combinator: 'and',
					conditions: [
						{
							id: 'c1',
							leftValue: '={{ $json.make }}',
							rightValue: 'Ford',
							operator: { type: 'string', operation: 'equals' },
						},
					],
				},
				options: {},
			},
		},
		{
			name: 'Get Vehicle',
			parameters: {
				resource: 'vehicle',
				operation: 'get',
				vehicleId: byId('={{ $json.vehicleId }}'),
			},
		},
		{
			name: 'Update Vehicles',
			parameters: {
				resource: 'vehicle',
				operation: 'update',
				...company,
				vehicleId: byId('={{ $json.vehicleId }}'),
				updateFields: { mileage: '={{ 42000 + $itemIndex }}' },
			},
		},
		{
			name: 'Archive Vehicles',
			parameters: {
				resource: 'vehicle',
				operation: 'archive',
				...company,
				vehicleId: byId('={{ $json.vehicleId }}'),
			},
		},
	]);

	const items = chain('E2eItems00000001', 'e2e: parts, inventory and pricing', [
		{
			name: 'Create Part',
			parameters: {
				resource: 'item',
				operation: 'create',
				...company,
				itemType: 'part',
				itemName: 'Brake Pad Set',
				itemNumber: `${tag}-BP`,
				partDetails: { costPerUnit: 25, pricePerUnit: 45 },
			},
		},
		{
			name: 'Find Part',
			parameters: {
				resource: 'item',
				operation: 'getAll',
				...company,
				returnAll: true,
				filters: { itemNumber: `${tag}-BP` },
			},
		},
		{
			name: 'Get Part',
			parameters: { resource: 'item', operation: 'get', ...company, itemId: '={{ $json.itemId }}' },
		},
		{
			name: 'Get Pricing',
			parameters: {
				resource: 'itemPricing',
				operation: 'get',
				...company,
				itemId: '={{ $json.itemId }}',
			},
		},
		{
			name: 'Double the Margin',
			parameters: {
				resource: 'itemPricing',
				operation: 'update',
				...company,
				itemId: '={{ $json.itemId }}',
				updateFields: { pricePerUnit: '={{ $json.pricePerUnit * 2 - $json.costPerUnit }}' },
			},
		},
		{
			name: 'Archive Part',
			parameters: {
				resource: 'item',
				operation: 'archive',
				...company,
				itemId: "={{ $('Get Part').item.json.itemId }}",
			},
		},
		{
			name: 'Inventory Levels',
			executeOnce: true,
			parameters: { resource: 'inventoryLevel', operation: 'getAll', ...company, limit: 2 },
		},
		{
			name: 'Restock',
			parameters: {
				resource: 'inventoryLevel',
				operation: 'update',
				...company,
				itemId: '={{ $json.itemId }}',
				locationId: '={{ $json.locationId }}',
				updateFields: { quantityOnHand: '={{ $json.quantityOnHand + 10 }}' },
			},
		},
	]);

	const shop = chain(
		'E2eShop000000001',
		'e2e: profile, repair orders, payments, appointments, timesheets',
		[
			{ name: 'Profile', parameters: { resource: 'partner', operation: 'getProfile' } },
			{
				name: 'Repair Orders',
				parameters: {
					resource: 'repairOrder',
					operation: 'getAll',
					companyId: '={{ $json.companies[0].companyId }}',
					limit: 3,
				},
			},
			{
				name: 'Repair Order',
				parameters: {
					resource: 'repairOrder',
					operation: 'get',
					...company,
					roNumber: '={{ $json.repairOrderNumber }}',
				},
			},
			{
				name: 'Payments',
				executeOnce: true,
				parameters: { resource: 'payment', operation: 'getAll', ...company, returnAll: true },
			},
			{
				name: 'Book Follow-up',
				executeOnce: true,
				parameters: {
					resource: 'appointmentRequest',
					operation: 'create',
					...company,
					startDateTime: "={{ $now.plus({ days: 7 }).startOf('hour').toISO() }}",
					endDateTime: "={{ $now.plus({ days: 7, hours: 1 }).startOf('hour').toISO() }}",
					customerFirstName: 'Grace',
					customerLastName: `${tag} Hopper`,
				},
			},
			{
				name: 'Appointment Requests',
				parameters: {
					resource: 'appointmentRequest',
					operation: 'getAll',
					...company,
					returnAll: true,
				},
			},
			{
				name: 'Timesheets',
				executeOnce: true,
				parameters: {
					resource: 'technicianTimesheet',
					operation: 'getAll',
					...company,
					startDate: '2000-01-01T00:00:00Z',
					endDate: '2100-01-01T00:00:00Z',
					returnAll: true,
				},
			},
		],
	);

	return [customers, vehicles, items, shop];
}
