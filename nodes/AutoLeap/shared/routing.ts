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
import { ID_FIELDS } from '../../shared/autoleap/endpoints';
import { simplifyRecord } from '../../shared/autoleap/simplify';
import type { SimplifiedResource } from '../../shared/autoleap/simplify';
import type { Expectation } from '../../shared/autoleap/transport/answers';
import { isObject, recordOf, recordsOf } from '../../shared/autoleap/transport/envelope';
import { AnswerError, asNodeError, toAutoLeapError } from '../../shared/autoleap/transport/errors';
import { collectPages } from '../../shared/autoleap/transport/pagination';
import { pathSegment, PathError } from '../../shared/autoleap/transport/paths';
import { autoLeapRequest } from '../../shared/autoleap/transport/send';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * n8n's declarative engine lets a node take over sending only through
 * `routing.operations.pagination`. Every declarative operation goes through one of the three
 * builders below, which hand the request n8n prepared (URL, query, body from the parameters) to
 * the one AutoLeap sender: paced, retried, checked, at the credential's base URL, linked to its
 * input item.
 */
async function send(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	expect: Expectation,
	extra: { url?: string; qs?: IDataObject } = {},
) {
	const { method = 'GET', url = '', qs: query, body } = requestData.options;
	return await autoLeapRequest.call(
		this,
		{
			method,
			path: extra.url ?? url,
			qs: documentedDates.call(this, { ...query, ...extra.qs }),
			body: isObject(body) ? documentedDates.call(this, body) : undefined,
		},
		{ expect, itemIndex: this.getItemIndex() },
	);
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

/** The routing of a Get Many operation: GET `path`, Return All or up to Limit, page by page. */
export function listRouting(path: string, resource?: SimplifiedResource): INodePropertyRouting {
	const idField = idFieldOf(resource);
	// Records are told apart by id where they have one; otherwise by their whole content.
	const keyOf = (record: IDataObject) =>
		idField && record[idField] !== undefined
			? `id:${String(record[idField])}`
			: JSON.stringify(record);
	async function autoLeapList(this: IExecutePaginationFunctions, requestData: RequestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', 50) as number);
		try {
			const fetchPage = async (page: number, size: number) => {
				try {
					return await send.call(this, requestData, 'list', { qs: { page, size } });
				} catch (error) {
					// Name the page: the pages before it were read, and are not output on their own.
					if (error instanceof Error) error.message = `${error.message} (page ${page} of the list)`;
					throw asNodeError(this.getNode(), error, {
						kind: 'read',
						itemIndex: this.getItemIndex(),
					});
				}
			};
			const records = await collectPages(fetchPage, { limit, keyOf });
			return linked.call(this, simplified.call(this, records, resource));
		} catch (error) {
			// Requests fail as NodeApiErrors already; a list whose pages do not add up is mapped here.
			throw asNodeError(this.getNode(), error, { kind: 'read', itemIndex: this.getItemIndex() });
		}
	}
	return {
		request: { method: 'GET', url: path },
		send: { paginate: true },
		operations: { pagination: autoLeapList },
	};
}

export interface RecordId {
	/** The parameter holding the id (a resource locator's value is extracted from a URL first). */
	parameter: string;
	/** Its name in the node, for errors. */
	label: string;
}

/**
 * The routing of a Get: GET `path`/{id} (or `path` alone, for the profile), the one record of the
 * answer. The id is one checked path segment, and an answer holding another record is an error,
 * never a wrong record.
 */
export function recordRouting(
	path: string,
	resource?: SimplifiedResource,
	id?: RecordId,
): INodePropertyRouting {
	const idField = idFieldOf(resource);
	async function autoLeapRecord(this: IExecutePaginationFunctions, requestData: RequestData) {
		const itemIndex = this.getItemIndex();
		let url = path;
		let wanted: string | undefined;
		if (id) {
			wanted = String(this.getNodeParameter(id.parameter, '', { extractValue: true }) ?? '').trim();
			try {
				url = `${path}/${pathSegment(wanted)}`;
			} catch (error) {
				const problem = error instanceof PathError ? error.problem : 'is not an ID';
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
		const record = recordOf(await send.call(this, requestData, 'record', { url }));
		const got =
			record && idField && record[idField] !== undefined ? String(record[idField]) : undefined;
		if (!record || (wanted !== undefined && got !== undefined && got !== wanted)) {
			const problem = record
				? `it holds ${idField} ${got} for the requested ${wanted}`
				: 'the answer holds no record';
			throw toAutoLeapError(this.getNode(), new AnswerError(problem), { kind: 'read', itemIndex });
		}
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
		const sent = isObject(requestData.options.body)
			? documentedDates.call(this, requestData.options.body)
			: undefined;
		const answer = await send.call(this, requestData, 'ack');
		if (echo) return linked.call(this, [echoed(sent, answer)]);
		const records = recordsOf(answer);
		return linked.call(this, records.length > 0 ? records : [answer as IDataObject]);
	}
	return {
		request: { method, url: path, ...(method === 'GET' ? {} : { body: {} }) },
		send: { paginate: true },
		operations: { pagination: autoLeapWrite },
	};
}

function echoed(sent: unknown, answer: unknown): IDataObject {
	const { success, message, data } = isObject(answer) ? answer : {};
	const returned = isObject(data) && Object.keys(data).length > 0 ? { data } : {};
	return { ...(isObject(sent) ? sent : {}), success, message, ...returned };
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
