import { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { autoLeapDateFilter } from '../../shared/autoleap/dates';
import {
	CREATED_AT_FIELDS,
	ID_FIELDS,
	LISTS_WITH_UPDATED_WINDOW,
	UPDATED_AT_FIELDS,
} from '../../shared/autoleap/endpoints';
import { simplifyRecord } from '../../shared/autoleap/simplify';
import type { SimplifiedResource } from '../../shared/autoleap/simplify';
import {
	idProblem,
	isObject,
	readChunk,
	readList,
	readRecord,
	write,
} from '../../shared/autoleap/client';
import type { AutoLeapRequest, ListChecks } from '../../shared/autoleap/client';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * n8n's declarative engine lets a node take over sending only through
 * `routing.operations.pagination`: every declarative operation goes through one of the builders
 * below, which hand the request n8n prepared from the parameters to the AutoLeap client.
 */
function prepared(this: IExecutePaginationFunctions, requestData: RequestData): AutoLeapRequest {
	const { method = 'GET', url = '', qs, body } = requestData.options;
	return {
		method,
		path: url,
		// The company picker routes nothing; '' where the operation has none (send leaves it out).
		companyId: String(this.getNodeParameter('companyId', '') ?? ''),
		qs: documentedDates.call(this, { ...qs }),
		body: isObject(body) ? documentedDates.call(this, body) : undefined,
	};
}

function linked(this: IExecutePaginationFunctions, records: IDataObject[]): INodeExecutionData[] {
	const item = this.getItemIndex();
	return records.map((json) => ({ json, pairedItem: { item } }));
}

function simplified(
	this: IExecutePaginationFunctions,
	records: IDataObject[],
	resource?: SimplifiedResource,
) {
	if (!resource || !(this.getNodeParameter('simplify', true) as boolean)) return records;
	return records.map((record) => simplifyRecord(resource, record));
}

const idFieldOf = (resource?: SimplifiedResource) =>
	resource ? (ID_FIELDS as Record<string, string>)[resource] : undefined;

/** What a Return All of this resource checks for records moved while it is read. */
function listChecksOf(resource?: SimplifiedResource): ListChecks | undefined {
	if (!resource) return undefined;
	return {
		label: resource.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`),
		updatedAt: UPDATED_AT_FIELDS[resource] ?? UPDATED_AT_FIELDS.default,
		createdAt: CREATED_AT_FIELDS[resource] ?? CREATED_AT_FIELDS.default,
		tracked: (LISTS_WITH_UPDATED_WINDOW as readonly string[]).includes(resource),
	};
}

/**
 * The routing of a Get Many operation: GET `path`, Return All or up to Limit, page by page; a
 * Return All only when no record moved while it was read. Read in Chunks outputs one item per
 * chunk: its records, its number, and the Continue From of the next chunk (empty after the last).
 */
export function listRouting(path: string, resource?: SimplifiedResource): INodePropertyRouting {
	async function autoLeapList(this: IExecutePaginationFunctions, requestData: RequestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const idField = idFieldOf(resource);
		const checks = listChecksOf(resource);
		if (returnAll && idField && checks && this.getNodeParameter('readInChunks', false)) {
			const chunk = await readChunk.call(this, prepared.call(this, requestData), {
				size: chunkSizeOf.call(this),
				continueFrom: String(this.getNodeParameter('continueFrom', '') ?? ''),
				idField,
				checks,
				itemIndex: this.getItemIndex(),
			});
			const { records, continueFrom } = chunk;
			return linked.call(this, [
				{
					[`${String(resource)}s`]: simplified.call(this, records, resource),
					chunk: chunk.chunk,
					more: continueFrom !== '',
					continueFrom,
				},
			]);
		}
		const { records } = await readList.call(this, prepared.call(this, requestData), {
			limit: returnAll ? undefined : (this.getNodeParameter('limit', 50) as number),
			idField,
			itemIndex: this.getItemIndex(),
			checks,
		});
		return linked.call(this, simplified.call(this, records, resource));
	}
	return {
		request: { method: 'GET', url: path },
		send: { paginate: true },
		operations: { pagination: autoLeapList },
	};
}

/** Chunk Size: a whole number of records, at least 1 (an empty chunk would look like the last). */
function chunkSizeOf(this: IExecutePaginationFunctions): number {
	const size = this.getNodeParameter('chunkSize', 5_000) as number;
	if (Number.isInteger(size) && size >= 1) return size;
	const itemIndex = this.getItemIndex();
	throw new NodeOperationError(
		this.getNode(),
		`Item ${itemIndex + 1}: "Chunk Size" must be a whole number of at least 1 (got ${JSON.stringify(size)})`,
		{ itemIndex, description: 'Nothing was sent to AutoLeap.' },
	);
}

export interface RecordId {
	/** The parameter holding the id (a resource locator's value is extracted from a URL first). */
	parameter: string;
	/** Its name in the node, for errors. */
	label: string;
}

/**
 * The routing of a Get: GET `path`/{id} (or `path` alone, for the profile), the one record of the
 * answer (never another record than the one asked for).
 */
export function recordRouting(
	path: string,
	resource?: SimplifiedResource,
	id?: RecordId,
): INodePropertyRouting {
	async function autoLeapRecord(this: IExecutePaginationFunctions, requestData: RequestData) {
		const itemIndex = this.getItemIndex();
		let wanted: string | undefined;
		if (id) {
			wanted = String(this.getNodeParameter(id.parameter, '', { extractValue: true }) ?? '').trim();
			const problem = idProblem(wanted);
			if (problem) {
				throw new NodeOperationError(
					this.getNode(),
					`Item ${itemIndex + 1}: "${id.label}" ${problem}`,
					{
						itemIndex,
						description: `Give the ID of one ${id.label.toLowerCase()}; nothing was sent to AutoLeap.`,
					},
				);
			}
		}
		const { record } = await readRecord.call(this, prepared.call(this, requestData), {
			id: wanted,
			idField: idFieldOf(resource),
			itemIndex,
		});
		return linked.call(this, simplified.call(this, [record], resource));
	}
	return {
		request: { method: 'GET', url: path },
		send: { paginate: true },
		operations: { pagination: autoLeapRecord },
	};
}

/**
 * The routing of a single write. With `echo`, the output is the body sent plus AutoLeap's
 * acknowledgement, because AutoLeap's write answers carry no record (`data` is `{}`).
 */
export function writeRouting(
	method: IHttpRequestMethods,
	path: string,
	{ echo = false } = {},
): INodePropertyRouting {
	async function autoLeapWrite(this: IExecutePaginationFunctions, requestData: RequestData) {
		const request = prepared.call(this, requestData);
		const { ack, records } = await write.call(this, request, this.getItemIndex());
		if (echo) return linked.call(this, [echoed(request, ack)]);
		return linked.call(this, records.length > 0 ? records : [ack]);
	}
	return {
		request: { method, url: path, ...(method === 'GET' ? {} : { body: {} }) },
		send: { paginate: true },
		operations: { pagination: autoLeapWrite },
	};
}

/** The body sent (its company included) with AutoLeap's acknowledgement. */
function echoed({ companyId, body }: AutoLeapRequest, ack: IDataObject): IDataObject {
	const { success, message, data } = ack;
	const returned = isObject(data) && Object.keys(data).length > 0 ? { data } : {};
	return { ...(companyId ? { companyId } : {}), ...body, success, message, ...returned };
}

/** Sends a parameter as the query parameter `property`, left out when empty. */
export function sendQuery(property: string): INodeProperties['routing'] {
	return { send: { type: 'query', property, value: '={{ $value === "" ? undefined : $value }}' } };
}

/** Sends a parameter as the body field `property` (a dotted path for nested fields), left out when empty. */
export function sendBody(property: string): INodeProperties['routing'] {
	return { send: { type: 'body', property, value: '={{ $value === "" ? undefined : $value }}' } };
}

/** The parameters sent as dates, by name, with the bound each is: `send` puts them in AutoLeap's form. */
const DATE_FIELDS = new Map<string, 'start' | 'end'>();

/**
 * Sends a date (query parameter or top-level body field `property`) in the form AutoLeap
 * documents (dates.ts: whole seconds, start bounds rounded down, end bounds up); left out when empty.
 */
export function sendDate(
	property: string,
	to: 'query' | 'body',
	bound: 'start' | 'end',
): INodeProperties['routing'] {
	DATE_FIELDS.set(property, bound);
	return { send: { type: to, property, value: '={{ $value === "" ? undefined : $value }}' } };
}

/** Dates among the values in AutoLeap's documented form; a value that is not a date is refused, naming its field. */
function documentedDates(this: IExecutePaginationFunctions, values: IDataObject): IDataObject {
	const out = { ...values };
	for (const [name, bound] of DATE_FIELDS) {
		if (out[name] === undefined) continue;
		try {
			out[name] = autoLeapDateFilter(out[name], bound);
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`Item ${this.getItemIndex() + 1}: "${name}" ${(error as Error).message.replace(/^"[^"]*" /, '')}`,
				{
					itemIndex: this.getItemIndex(),
					description: 'Nothing was sent to AutoLeap.',
				},
			);
		}
	}
	return out;
}
