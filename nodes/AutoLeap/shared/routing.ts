import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';

import { autoLeapBaseUrl } from '../../../credentials/autoLeapAuth';
import { simplifyRecord } from './simplify';
import type { SimplifiedResource } from './simplify';
import { CREDENTIAL, collectPages, isObject, recordOf, recordsOf, requestKind, sendPaced, toAutoLeapError } from './transport';

type RequestData = DeclarativeRestApiSettings.ResultOptions;

/**
 * n8n's declarative engine lets a node take over sending only through
 * `routing.operations.pagination`. Every declarative operation goes through one of these, so that
 * each request is paced under the partner's budget, retried on 429, read from whichever envelope
 * AutoLeap answers with, and linked to its input item.
 */
async function send(this: IExecutePaginationFunctions, requestData: RequestData, qs: IDataObject = {}) {
	const credentials = await this.getCredentials(CREDENTIAL);
	const kind = requestKind(requestData.options.method ?? 'GET');
	const options = {
		...requestData.options,
		baseURL: autoLeapBaseUrl(credentials),
		qs: { ...requestData.options.qs, ...qs },
	};
	try {
		const items = await sendPaced(credentials, kind, async () =>
			await this.makeRoutingRequest({ ...requestData, options }),
		);
		return items.length === 1 ? items[0].json : items.map((item) => item.json);
	} catch (error) {
		throw toAutoLeapError(this.getNode(), error, { kind, itemIndex: this.getItemIndex() });
	}
}

function linked(this: IExecutePaginationFunctions, records: IDataObject[]): INodeExecutionData[] {
	const item = this.getItemIndex();
	return records.map((json) => ({ json, pairedItem: { item } }));
}

function simplified(this: IExecutePaginationFunctions, records: IDataObject[], resource?: SimplifiedResource) {
	if (!resource || !(this.getNodeParameter('simplify', true) as boolean)) return records;
	return records.map((record) => simplifyRecord(resource, record));
}

/** Get Many: Return All or up to Limit, page by page. */
function readMany(resource?: SimplifiedResource) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData) {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? undefined : (this.getNodeParameter('limit', 50) as number);
		const records = await collectPages(async (page, size) => await send.call(this, requestData, { page, size }), {
			limit,
		});
		return linked.call(this, simplified.call(this, records, resource));
	};
}

/** Get: the one record, whichever envelope it comes in. */
function readOne(resource?: SimplifiedResource) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData) {
		const record = recordOf(await send.call(this, requestData));
		return linked.call(this, simplified.call(this, record ? [record] : [], resource));
	};
}

/**
 * A single write (or a read whose answer is not a list): AutoLeap's answer as it came. With
 * `echo`, the output is the body sent plus AutoLeap's acknowledgement, because AutoLeap's write
 * answers carry no record (`data` is `{}`), so the answer alone would not say what was created.
 */
function sendOne({ echo = false }: { echo?: boolean } = {}) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData) {
		const body = await send.call(this, requestData);
		if (echo) return linked.call(this, [echoed(requestData.options.body, body)]);
		const records = recordsOf(body);
		return linked.call(this, records.length > 0 ? records : [(body ?? {}) as IDataObject]);
	};
}

function echoed(sent: unknown, answer: unknown): IDataObject {
	const { success = true, message, data } = isObject(answer) ? answer : {};
	const returned = isObject(data) && Object.keys(data).length > 0 ? { data } : {};
	return { ...(isObject(sent) ? sent : {}), success, message, ...returned };
}

/** The routing of a Get Many operation: GET `path`, paged, paced and retried by `readMany`. */
export function listRouting(path: string, resource?: SimplifiedResource): INodePropertyRouting {
	return { request: { method: 'GET', url: path }, send: { paginate: true }, operations: { pagination: readMany(resource) } };
}

/**
 * The routing of a Get operation. Without `path` the URL comes from the record's own input (a
 * resource locator carries it, so that n8n extracts the ID from a URL first).
 */
export function recordRouting(resource?: SimplifiedResource, path?: string): INodePropertyRouting {
	return {
		...(path ? { request: { method: 'GET' as const, url: path } } : {}),
		send: { paginate: true },
		operations: { pagination: readOne(resource) },
	};
}

/** The routing of a single write; with `echo`, the output is the body sent plus AutoLeap's answer. */
export function writeRouting(method: IHttpRequestMethods, path: string, { echo = false } = {}): INodePropertyRouting {
	return {
		request: { method, url: path, ...(method === 'GET' ? {} : { body: {} }) },
		send: { paginate: true },
		operations: { pagination: sendOne({ echo }) },
	};
}
