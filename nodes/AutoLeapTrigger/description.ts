import type { INodeProperties } from 'n8n-workflow';

import { ITEM_TYPE_FILTERS } from '../shared/autoleap/enums';
import {
	appointmentRequestStatusOptions,
	companySelect,
	enumOptions,
	locationSelect,
	repairOrderStatusOptions,
	simplifyToggle,
} from '../shared/parameters';
import { TRIGGER_EVENTS } from './events';

export const DEFAULT_OVERLAP_SECONDS = 300;
export const DEFAULT_MAX_REQUESTS = 50;

const eventsWith = (test: (event: (typeof TRIGGER_EVENTS)[number]) => boolean) =>
	TRIGGER_EVENTS.filter(test).map((event) => event.value);

/** The shared Simplify toggle, shown always. */
function always(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.displayOptions;
	return copy;
}

/** Which shops the trigger watches; an older trigger has no such value and watches its one company. */
export type CompanyChoice = 'one' | 'several' | 'all';
const ONE: CompanyChoice[] = ['one'];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'repairOrderUpdated',
		options: TRIGGER_EVENTS.map(({ name, value, description }) => ({ name, value, description })),
	},
	{
		displayName: 'Companies',
		name: 'companies',
		type: 'options',
		noDataExpression: true,
		default: 'one',
		description:
			'Which shops (AutoLeap companies) to watch. Each emitted item says its shop in companyId.',
		options: [
			{
				name: 'Every Company in the Profile',
				value: 'all',
				description:
					'Every shop the partner profile lists, read again at each poll: a shop added later is watched from then on',
			},
			{ name: 'One Company', value: 'one' },
			{ name: 'Several Companies', value: 'several' },
		],
	},
	companySelect({ companies: ONE }),
	{
		displayName: 'Company Names or IDs',
		name: 'companyIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		required: true,
		default: [],
		description:
			'The shops to watch. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { companies: ['several'] } },
	},
	locationSelect({ event: eventsWith((event) => event.location), companies: ONE }),
	{
		displayName: 'Start From',
		name: 'startFrom',
		type: 'options',
		noDataExpression: true,
		default: 'now',
		description: 'Which changes the first poll after activation emits',
		options: [
			{ name: 'Date', value: 'date', description: 'Emit every change since a date (backfill)' },
			{
				name: 'Now',
				value: 'now',
				description: 'Emit only changes made after the workflow is activated',
			},
		],
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Emit every change since this date and time',
		displayOptions: { show: { startFrom: ['date'] } },
	},
	always(simplifyToggle({})),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Item Type',
				name: 'type',
				type: 'options',
				default: '',
				description: 'Only items of this type',
				displayOptions: { show: { '/event': ['itemUpdated'] } },
				options: enumOptions(ITEM_TYPE_FILTERS, { all: true }),
			},
			{
				displayName: 'Max Requests per Poll',
				name: 'maxRequests',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 500 },
				default: DEFAULT_MAX_REQUESTS,
				description:
					'How many requests one poll may send before it emits what it has read and continues at the next poll, shared fairly between the shops it watches. They count against the partner account’s rate limit.',
			},
			{
				displayName: 'Overlap (Seconds)',
				name: 'overlap',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_OVERLAP_SECONDS,
				description:
					'How far back each poll re-reads, to catch changes AutoLeap saves late or stamps with a slightly different clock. Changes seen before are not emitted again.',
			},
			{
				displayName: 'Repair Order Status',
				name: 'repairOrderStatusId',
				type: 'options',
				default: '',
				description: 'Only repair orders in this status',
				displayOptions: {
					show: { '/event': eventsWith((event) => event.filters.includes('repairOrderStatusId')) },
				},
				options: repairOrderStatusOptions({ all: true }),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: '',
				description: 'Only appointment requests in this status',
				displayOptions: {
					show: { '/event': eventsWith((event) => event.filters.includes('status')) },
				},
				options: appointmentRequestStatusOptions({ all: true }),
			},
		],
	},
];
