import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PATHS, PROFILE } from './endpoints';
import { isObject, readRecord } from './client';
import type { AutoLeapContext } from './client';
import { shapeOf } from './shape';

export interface Location {
	id: string;
	name: string;
}

export interface Company extends Location {
	locations: Location[];
}

/** The first of `names` a record carries a value under. */
function field(record: IDataObject, names: readonly string[]): unknown {
	const name = names.find((n) => record[n] !== undefined && record[n] !== null && record[n] !== '');
	return name === undefined ? undefined : record[name];
}

const either = (names: readonly string[]) => names.map((name) => `"${name}"`).join(' or ');

/**
 * The companies (shops) and locations the partner profile may use. Its shape is INFERRED
 * (endpoints.ts): a profile that does not hold them where we look is an error saying what it held,
 * never an empty or made-up list.
 */
export async function loadCompanies(this: AutoLeapContext): Promise<Company[]> {
	const { record: profile } = await readRecord.call(this, { method: 'GET', path: PATHS.profile });
	const unreadable = (message: string, held: IDataObject) =>
		new NodeOperationError(this.getNode(), message, {
			description: `AutoLeap's partner profile (GET ${PATHS.profile}) holds ${shapeOf(held)}. The node looks for the companies under ${either(PROFILE.companies)}, each with ${either(PROFILE.companyId)} and its locations under ${either(PROFILE.locations)}, each with ${either(PROFILE.locationId)}: a guess, as AutoLeap does not document the profile (PROFILE in nodes/shared/autoleap/endpoints.ts). Meanwhile, enter the company and location IDs with an expression.`,
		});
	const list = field(profile, PROFILE.companies);
	if (!Array.isArray(list))
		throw unreadable('The partner profile holds no list of companies', profile);
	if (list.length === 0) throw unreadable('The partner profile lists no companies', profile);
	return list.map((company: unknown) => {
		const id = isObject(company) ? field(company, PROFILE.companyId) : undefined;
		if (!isObject(company) || id === undefined)
			throw unreadable(
				'A company in the partner profile has no ID',
				isObject(company) ? company : {},
			);
		const locations = field(company, PROFILE.locations);
		return {
			id: String(id),
			name: String(field(company, PROFILE.companyName) ?? id),
			locations: (Array.isArray(locations) ? locations : []).map((location: unknown) => {
				const locationId = isObject(location) ? field(location, PROFILE.locationId) : undefined;
				if (!isObject(location) || locationId === undefined)
					throw unreadable(
						`A location of company ${String(id)} in the partner profile has no ID`,
						isObject(location) ? location : {},
					);
				return {
					id: String(locationId),
					name: String(field(location, PROFILE.locationName) ?? locationId),
				};
			}),
		};
	});
}
