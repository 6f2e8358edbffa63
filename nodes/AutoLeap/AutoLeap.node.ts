import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { getCompanies, getLocations } from './methods/loadOptions';
import { searchCustomers, searchVehicles } from './methods/listSearch';
import { appointmentRequestDescription } from './resources/appointmentRequest';
import { customerDescription, customerOperations } from './resources/customer';
import { inventoryLevelDescription, inventoryLevelOperations } from './resources/inventoryLevel';
import { itemDescription, itemOperations } from './resources/item';
import { itemPricingDescription, itemPricingOperations } from './resources/itemPricing';
import { partnerDescription, partnerOperations } from './resources/partner';
import { paymentDescription } from './resources/payment';
import { repairOrderDescription } from './resources/repairOrder';
import { technicianTimesheetDescription } from './resources/technicianTimesheet';
import { vehicleDescription, vehicleOperations } from './resources/vehicle';
import { withToolRouting } from './shared/asTool';
import { toolDescriptionInputs } from './shared/toolDescriptions';

const customOperations = {
	customer: customerOperations,
	inventoryLevel: inventoryLevelOperations,
	item: itemOperations,
	itemPricing: itemPricingOperations,
	partner: partnerOperations,
	vehicle: vehicleOperations,
};

export class AutoLeap implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AutoLeap',
		name: 'autoLeap',
		icon: { light: 'file:../../icons/autoleap.svg', dark: 'file:../../icons/autoleap.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Work with an AutoLeap auto-repair shop: customers, vehicles, parts and tires, inventory, pricing, appointment requests, repair orders, payments and technician timesheets',
		defaults: { name: 'AutoLeap' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'autoLeapApi', required: true }],
		requestDefaults: {
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Appointment Request', value: 'appointmentRequest' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Inventory Level', value: 'inventoryLevel' },
					{ name: 'Item', value: 'item' },
					{ name: 'Item Pricing', value: 'itemPricing' },
					{ name: 'Partner', value: 'partner' },
					{ name: 'Payment', value: 'payment' },
					{ name: 'Repair Order', value: 'repairOrder' },
					{ name: 'Technician Timesheet', value: 'technicianTimesheet' },
					{ name: 'Vehicle', value: 'vehicle' },
				],
				default: 'vehicle',
			},
			...withToolRouting(
				[
					...appointmentRequestDescription,
					...customerDescription,
					...inventoryLevelDescription,
					...itemDescription,
					...itemPricingDescription,
					...partnerDescription,
					...paymentDescription,
					...repairOrderDescription,
					...technicianTimesheetDescription,
					...vehicleDescription,
				],
				customOperations,
			),
			...toolDescriptionInputs(),
		],
	};

	methods = {
		loadOptions: { getCompanies, getLocations },
		listSearch: { searchCustomers, searchVehicles },
	};

	customOperations = customOperations;
}
