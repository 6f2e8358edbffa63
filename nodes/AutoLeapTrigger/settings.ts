import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { contentHash, timeOf } from './cursor';
import { DEFAULT_MAX_REQUESTS, DEFAULT_OVERLAP_SECONDS } from './description';
import type { CompanyChoice } from './description';
import { eventByValue } from './events';
import type { TriggerEvent } from './events';

/** The trigger's parameters, as a poll reads them. */
export interface Settings {
	event: TriggerEvent;
	companies: CompanyChoice;
	qs: IDataObject;
	startFrom: string;
	startDate?: number;
	overlapMs: number;
	maxRequests: number;
	simplify: boolean;
}

export function settingsOf(ctx: IPollFunctions): Settings {
	const value = ctx.getNodeParameter('event') as string;
	const event = eventByValue(value);
	if (!event) {
		throw new NodeOperationError(ctx.getNode(), `Unknown event "${value}"`, {
			description: 'Choose one of the events in the Event list.',
		});
	}
	const companies = ctx.getNodeParameter('companies', 'one') as CompanyChoice;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = {};
	// A location belongs to one company: several are read at every location.
	const locationId =
		event.location && companies === 'one'
			? String(ctx.getNodeParameter('locationId', '') ?? '')
			: '';
	if (locationId) qs.locationId = locationId;
	for (const filter of event.filters) {
		if (options[filter] !== undefined && options[filter] !== '') qs[filter] = options[filter];
	}
	const startFrom = ctx.getNodeParameter('startFrom', 'now') as string;
	let startDate: number | undefined;
	if (startFrom === 'date') {
		const raw = ctx.getNodeParameter('startDate', '') as string;
		startDate = timeOf(raw) ?? timeOf(`${raw}Z`);
		if (startDate === undefined) {
			throw new NodeOperationError(ctx.getNode(), `The start date "${raw}" is not a date`, {
				description: 'Pick a date and time in Start Date, or set Start From to Now.',
			});
		}
	}
	return {
		event,
		companies,
		qs,
		startFrom,
		startDate,
		overlapMs: Math.max(0, Number(options.overlap ?? DEFAULT_OVERLAP_SECONDS)) * 1000,
		maxRequests: Math.max(1, Number(options.maxRequests ?? DEFAULT_MAX_REQUESTS)),
		simplify: ctx.getNodeParameter('simplify', true) as boolean,
	};
}

/**
 * The settings fingerprint of one company's cursor. The company is hashed with the filters, as
 * when it was a query parameter: cursors stored by earlier versions stay valid.
 */
export function fingerprintOf(settings: Settings, companyId: string): string {
	return contentHash([
		settings.event.value,
		{ companyId, ...settings.qs },
		settings.startFrom,
		settings.startDate ?? null,
	]);
}
