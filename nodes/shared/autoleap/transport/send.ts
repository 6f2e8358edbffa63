import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import { accountKeyOf, baseUrlOf, CREDENTIAL_TYPE, limitsOf } from '../account';
import { toAutoLeapError } from './errors';
import { budgetFor, requestKind } from './rateBudget';
import { retryPolicyFor, withRetries } from './retry';

/** Every n8n context our nodes send from (IExecutePaginationFunctions is an IExecuteSingleFunctions). */
export type AutoLeapContext = IExecuteFunctions | IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface AutoLeapRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** How a request leaves n8n: with the credential's authentication, or plain (the login). */
export type HttpPort = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * The one way a request reaches AutoLeap: at the credential's base URL, within the partner
 * account's rate budget, retried where that is safe. Errors are left as they came, for the
 * caller to map (a node to a NodeApiError, the login to its own messages).
 */
export async function sendToAutoLeap(
	credentials: ICredentialDataDecryptedObject,
	{ method, path, qs, body }: AutoLeapRequest,
	port: HttpPort,
): Promise<unknown> {
	const limits = limitsOf(credentials);
	const budget = budgetFor(accountKeyOf(credentials), limits);
	const kind = requestKind(method);
	const options: IHttpRequestOptions = { method, baseURL: baseUrlOf(credentials), url: path, qs, body, json: true };
	return await withRetries(
		kind,
		async () => {
			const release = await budget.acquire(kind);
			try {
				return await port(options);
			} finally {
				release();
			}
		},
		retryPolicyFor(limits.windowMs),
	);
}

/** Calls AutoLeap from a node and returns the parsed body; failures become one plain NodeApiError. */
export async function autoLeapRequest(this: AutoLeapContext, request: AutoLeapRequest, itemIndex?: number): Promise<unknown> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const port: HttpPort = async (options) => await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, options);
	try {
		return await sendToAutoLeap(credentials, request, port);
	} catch (error) {
		throw toAutoLeapError(this.getNode(), error, { kind: requestKind(request.method), itemIndex });
	}
}
