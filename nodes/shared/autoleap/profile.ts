import type { IDataObject } from 'n8n-workflow';

import { PATHS, PROFILE } from './endpoints';
import { readRecord } from './client';
import type { AutoLeapContext } from './client';

export interface Location {
	id: string;
	name: string;
}

export interface Company extends Location {
	locations: Location[];
}

/** The companies (shops) and locations the partner profile may use (its shape is INFERRED). */
export async function loadCompanies(this: AutoLeapContext): Promise<Company[]> {
	const { record: profile } = await readRecord.call(this, { method: 'GET', path: PATHS.profile });
	const companies = (profile[PROFILE.companies] as IDataObject[] | undefined) ?? [];
	return companies.map((company) => ({
		id: String(company[PROFILE.companyId]),
		name: String(company[PROFILE.companyName] ?? company[PROFILE.companyId]),
		locations: ((company[PROFILE.locations] as IDataObject[] | undefined) ?? []).map(
			(location) => ({
				id: String(location[PROFILE.locationId]),
				name: String(location[PROFILE.locationName] ?? location[PROFILE.locationId]),
			}),
		),
	}));
}
