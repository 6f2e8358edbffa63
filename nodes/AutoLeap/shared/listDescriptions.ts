import type { INodeProperties } from 'n8n-workflow';

import { companySelect, locationSelect } from './descriptions';

/** The inputs of the Get Many operations: paging, Simplify and the Filters collection. */

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** The opening of every Get Many: the company (and location), Return All / Limit, Simplify. */
export function getManyBasics(show: Show, { location = false } = {}): INodeProperties[] {
	return [companySelect(show), ...(location ? [locationSelect(show)] : []), ...returnAllAndLimit(show), simplifyToggle(show)];
}

/** The Filters collection of a Get Many, its options in alphabetical order as n8n lists them. */
export function filtersCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function returnAllAndLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export function simplifyToggle(show: Show): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		displayOptions: { show },
	};
}

/** Sends a filter as a query parameter, leaving it out when empty. */
export function query(property: string, to: 'query' | 'body' = 'query'): INodeProperties['routing'] {
	return { send: { type: to, property, value: '={{ $value === "" ? undefined : $value }}' } };
}

/**
 * Sends a date as UTC `YYYY-MM-DDThh:mm:ssZ`, the form AutoLeap documents (README §6: whole seconds,
 * a fraction is cut off); left out when empty.
 */
export function dateQuery(property: string, to: 'query' | 'body' = 'query'): INodeProperties['routing'] {
	return { send: { type: to, property, value: '={{ $value ? new Date($value).toISOString().slice(0, 19) + "Z" : undefined }}' } };
}

/** A date filter of a Get Many's Filters collection, named as AutoLeap's query parameter. */
export function dateFilter(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'dateTime', default: '', description, routing: dateQuery(name) };
}

/** A free-text filter sent as the query parameter of the same name. */
export function textFilter(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, routing: query(name) };
}

/** Updated After / Updated Before, on AutoLeap's `updatedDateStart` / `updatedDateEnd`. */
export function updatedWindow(records: string): INodeProperties[] {
	return [
		dateFilter('updatedDateStart', 'Updated After', `Only ${records} changed at or after this time`),
		dateFilter('updatedDateEnd', 'Updated Before', `Only ${records} changed at or before this time`),
	];
}

/** Sort by one of the fields AutoLeap accepts for this list (the first is the default). */
export function sortByFilter(values: Array<{ name: string; value: string }>): INodeProperties {
	const [{ value: first }] = values;
	return {
		displayName: 'Sort By',
		name: 'sort',
		type: 'options',
		default: first,
		options: [...values].sort((a, b) => a.name.localeCompare(b.name)),
		routing: query('sort'),
	};
}

export const sortDirectionFilter: INodeProperties = {
	displayName: 'Sort Direction',
	name: 'sortDirection',
	type: 'options',
	default: 'ASC',
	options: [
		{ name: 'Ascending', value: 'ASC' },
		{ name: 'Descending', value: 'DESC' },
	],
	routing: query('sortDirection'),
};
