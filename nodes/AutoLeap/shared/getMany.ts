import type { INodeProperties } from 'n8n-workflow';

import { UPDATED_WINDOW } from '../../shared/autoleap/endpoints';
import { companySelect, locationSelect, simplifyToggle } from '../../shared/parameters';
import type { ShownFor } from '../../shared/parameters';
import { sendDate, sendQuery } from './routing';

/** The inputs of the Get Many operations: paging, Simplify and the Filters collection. */

/**
 * The opening of every Get Many: the company (and location), Return All / Limit (and Read in
 * Chunks, for lists whose records have an id), Simplify.
 */
export function getManyBasics(
	shownFor: ShownFor,
	{ location = false, chunks = true } = {},
): INodeProperties[] {
	return [
		companySelect(shownFor),
		...(location ? [locationFilter(shownFor)] : []),
		...returnAllAndLimit(shownFor, { chunks }),
		simplifyToggle(shownFor),
	];
}

/** The location picker of a list, sent as its `locationId` query parameter (none when empty). */
export function locationFilter(shownFor: ShownFor): INodeProperties {
	return { ...locationSelect(shownFor), routing: sendQuery('locationId') };
}

/** The Filters collection of a Get Many, its options in alphabetical order as n8n lists them. */
export function filtersCollection(shownFor: ShownFor, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: shownFor },
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function returnAllAndLimit(shownFor: ShownFor, { chunks = true } = {}): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: shownFor },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...shownFor, returnAll: [false] } },
		},
		...(chunks ? chunkInputs(shownFor) : []),
	];
}

/**
 * Read in Chunks: one item per run holding one chunk of the list and the value that continues
 * it, so that a loop (a sub-workflow per chunk) processes a big list without holding it all.
 */
function chunkInputs(shownFor: ShownFor): INodeProperties[] {
	const inChunks = { ...shownFor, returnAll: [true], readInChunks: [true] };
	return [
		{
			displayName: 'Read in Chunks',
			name: 'readInChunks',
			type: 'boolean',
			default: false,
			description:
				'Whether to output one chunk of the list per run, as one item with its records and the Continue From of the next chunk, for a loop that reads a big list without holding it all',
			displayOptions: { show: { ...shownFor, returnAll: [true] } },
		},
		{
			displayName: 'Chunk Size',
			name: 'chunkSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5000,
			description: 'How many records each chunk holds (AutoLeap sends 100 per request)',
			displayOptions: { show: inChunks },
		},
		{
			displayName: 'Continue From',
			name: 'continueFrom',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.continueFrom }}',
			description:
				'The continueFrom of the chunk before; empty reads the first chunk. It continues only a read of the same list, company and filters.',
			displayOptions: { show: inChunks },
		},
	];
}

/**
 * The two date filters of one of AutoLeap's time windows (its start and end query parameters),
 * each sent in the documented form rounded for its bound.
 */
export function dateWindow(
	window: { start: string; end: string },
	after: [string, string],
	before: [string, string],
): INodeProperties[] {
	return [
		{
			displayName: after[0],
			name: window.start,
			type: 'dateTime',
			default: '',
			description: after[1],
			routing: sendDate(window.start, 'query', 'start'),
		},
		{
			displayName: before[0],
			name: window.end,
			type: 'dateTime',
			default: '',
			description: before[1],
			routing: sendDate(window.end, 'query', 'end'),
		},
	];
}

/** A free-text filter sent as the query parameter of the same name. */
export function textFilter(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return { displayName, name, type: 'string', default: '', description, routing: sendQuery(name) };
}

/** Updated After / Updated Before, on AutoLeap's updated-time window. */
export function updatedWindow(records: string): INodeProperties[] {
	return dateWindow(
		UPDATED_WINDOW,
		['Updated After', `Only ${records} changed at or after this time`],
		['Updated Before', `Only ${records} changed at or before this time`],
	);
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
		routing: sendQuery('sort'),
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
	routing: sendQuery('sortDirection'),
};
