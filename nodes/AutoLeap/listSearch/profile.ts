import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { PATHS, PROFILE } from '../shared/endpoints';
import { autoLeapRequest, recordOf } from '../shared/transport';

async function companiesOf(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const profile = recordOf(await autoLeapRequest.call(this, { method: 'GET', path: PATHS.profile })) ?? {};
	return (profile[PROFILE.companies] as IDataObject[] | undefined) ?? [];
}

/** The companies (shops) the partner profile may use. */
export async function getCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await companiesOf.call(this)).map((company) => ({
		name: String(company[PROFILE.companyName] ?? company[PROFILE.companyId]),
		value: String(company[PROFILE.companyId]),
	}));
}

/** The locations of the company chosen in the same node. */
export async function getLocations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const companyId = String(this.getCurrentNodeParameter('companyId') ?? '');
	const company = (await companiesOf.call(this)).find((c) => String(c[PROFILE.companyId]) === companyId);
	const locations = (company?.[PROFILE.locations] as IDataObject[] | undefined) ?? [];
	return [
		{ name: 'All Locations', value: '' },
		...locations.map((location) => ({
			name: String(location[PROFILE.locationName] ?? location[PROFILE.locationId]),
			value: String(location[PROFILE.locationId]),
		})),
	];
}
