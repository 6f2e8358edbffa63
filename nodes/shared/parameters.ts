import type { ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { APPOINTMENT_REQUEST_STATUSES, optionName, REPAIR_ORDER_STATUSES } from './autoleap/enums';
import { loadCompanies } from './autoleap/profile';

/** The parameters both AutoLeap nodes show, and the loaders of their lists. */

/** The parameter values an input is shown for (n8n's `displayOptions.show`). */
export type ShownFor = NonNullable<INodeProperties['displayOptions']>['show'];

/**
 * Company picker, loaded from the partner profile. It routes nothing: requests carry the company
 * as `companyId`, and the sender puts it where AutoLeap takes it (query of reads, body of writes).
 */
export function companySelect(shownFor: ShownFor): INodeProperties {
	return {
		displayName: 'Company Name or ID',
		name: 'companyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCompanies' },
		required: true,
		default: '',
		description:
			'The shop (AutoLeap company) to work in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: shownFor },
	};
}

/** Location picker for the chosen company; empty means every location. Routes nothing itself. */
export function locationSelect(shownFor: ShownFor): INodeProperties {
	return {
		displayName: 'Location Name or ID',
		name: 'locationId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocations', loadOptionsDependsOn: ['companyId'] },
		default: '',
		description:
			'Only this location of the shop; leave empty for all locations. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: shownFor },
	};
}

export function simplifyToggle(shownFor: ShownFor): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show: shownFor },
	};
}

/** An AutoLeap enumeration as n8n options (`part` → Part), optionally led by "All" (no filter). */
export function enumOptions(
	values: readonly string[],
	{ all = false } = {},
): INodePropertyOptions[] {
	return [
		...(all ? [{ name: 'All', value: '' }] : []),
		...values.map((value) => ({ name: optionName(value), value })),
	];
}

/** Repair order statuses by name, sent as AutoLeap's `repairOrderStatusId` code. */
export function repairOrderStatusOptions({ all = false } = {}): INodePropertyOptions[] {
	const statuses = REPAIR_ORDER_STATUSES.map(({ id, name }) => ({ name, value: id })).sort((a, b) =>
		a.name.localeCompare(b.name),
	);
	return [...(all ? [{ name: 'All', value: '' }] : []), ...statuses];
}

/** Appointment request statuses (a request waits as Requested until the shop answers). */
export function appointmentRequestStatusOptions({ all = false } = {}): INodePropertyOptions[] {
	return enumOptions(APPOINTMENT_REQUEST_STATUSES, { all }).map((option) =>
		option.value === 'requested'
			? { ...option, description: 'Waiting for the shop to answer' }
			: option,
	);
}

/** The companies (shops) the partner profile may use. */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await loadCompanies.call(this)).map((company) => ({
		name: company.name,
		value: company.id,
	}));
}

/** The locations of the company chosen in the same node. */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = String(this.getCurrentNodeParameter('companyId') ?? '');
	const company = (await loadCompanies.call(this)).find((c) => c.id === companyId);
	return [
		{ name: 'All Locations', value: '' },
		...(company?.locations ?? []).map((l) => ({ name: l.name, value: l.id })),
	];
}
