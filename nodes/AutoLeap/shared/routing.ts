import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyRouting,
} from 'n8n-workflow';

import { simplifyRecord } from '../../shared/autoleap/simplify';
import type { SimplifiedResource } from '../../shared/autoleap/simplify';
import { isObject, recordOf, recordsOf } from '../../shared/autoleap/transport/envelope';
import { collectPages } from '../../shared/autoleap/transport/pagination';
import { autoLeapRequest } from '../../shared/autoleap/transport/send';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * n8n's declarative engine lets a node take over sending only through
 * `routing.operations.pagination`. Every declarative operation goes through one of the three
 * below, which hand the request n8n prepared (URL, query, body from the parameters) to the one
 * AutoLeap sender: paced, retried, at the credential's base URL, linked to its input item.
 */
async function send(this: IExecutePaginationFunctions, requestData: RequestData, qs: IDataObject = {}) {
	const { method = 'GET', url = '', qs: query, body } = requestData.options;
	return await autoLeapRequest.call(
		this,
		{ method, path: url, qs: { ...query, ...qs }, body: isObject(body) ? body : undefined },
		this.getItemIndex(),
	);
}

function linked(this: IExecutePaginationFunctions, records: IDataObject[]): INodeExecutionData[] {
	const item = this.getItemIndex();
	return records.map((json) => ({ json, pairedItem: { item } }));
}

function simplified(this: IExecutePaginationFunctions, records: IDataObject[], resource?: SimplifiedResource) {
	if (!resource || !(this.getNodeParameter('simplify', true) as boolean)) return records;
	return records.map((record) => simplifyRecord(resource, record));
}

/** The routing of a Get Many operation: GET `path`, Return All or up to Limit, page by page. */
export function listRouting(path: string, resource?: SimplifiedResource): INodePropertyRouting {
	async function autoLeapList(this: IExecutePaginationFunctions, requestData: RequestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', 50) as number);
		const records = await collectPages(async (page, size) => await send.call(this, requestData, { page, size }), { limit });
		return linked.call(this, simplified.call(this, records, resource));
	}
	return { request: { method: 'GET', url: path }, send: { paginate: true }, operations: { pagination: autoLeapList } };
}

/**
 * The routing of a Get operation: the one record, whichever envelope it comes in. Without `path`
 * the URL comes from the record's own input (a resource locator carries it, so that n8n extracts
 * the ID from a URL first).
 */
export function recordRouting(resource?: SimplifiedResource, path?: string): INodePropertyRouting {
	async function autoLeapRecord(this: IExecutePaginationFunctions, requestData: RequestData) {
		const record = recordOf(await send.call(this, requestData));
		return linked.call(this, simplified.call(this, record ? [record] : [], resource));
	}
	return {
		...(path ? { request: { method: 'GET' as const, url: path } } : {}),
		send: { paginate: true },
		operations: { pagination: autoLeapRecord },
	};
}

/**
 * The routing of a single write. With `echo`, the output is the body sent plus AutoLeap's
 * acknowledgement, because AutoLeap's write answers carry no record (`data` is `{}`).
 */
export function writeRouting(method: IHttpRequestMethods, path: string, { echo = false } = {}): INodePropertyRouting {
	async function autoLeapWrite(this: IExecutePaginationFunctions, requestData: RequestData) {
		const answer = await send.call(this, requestData);
		if (echo) return linked.call(this, [echoed(requestData.options.body, answer)]);
		const records = recordsOf(answer);
		return linked.call(this, records.length > 0 ? records : [(answer ?? {}) as IDataObject]);
	}
	return {
		request: { method, url: path, ...(method === 'GET' ? {} : { body: {} }) },
		send: { paginate: true },
		operations: { pagination: autoLeapWrite },
	};
}

function echoed(sent: unknown, answer: unknown): IDataObject {
	const { success = true, message, data } = isObject(answer) ? answer : {};
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

/**
 * Sends a date as UTC `YYYY-MM-DDThh:mm:ssZ`, the form AutoLeap documents (README §6: whole seconds,
 * a fraction is cut off); left out when empty.
 */
export function sendDate(property: string, to: 'query' | 'body'): INodeProperties['routing'] {
	return { send: { type: to, property, value: '={{ $value ? new Date($value).toISOString().slice(0, 19) + "Z" : undefined }}' } };
}
