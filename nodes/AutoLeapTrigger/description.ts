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

/** The shared pickers, shown always and sent by the trigger itself. */
function always(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.displayOptions;
	return copy;
}

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
	always(companySelect({})),
	locationSelect({ event: eventsWith((event) => event.location) }),
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
					'How many requests one poll may send before it emits what it has read and continues at the next poll. They count against the partner account’s rate limit.',
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
