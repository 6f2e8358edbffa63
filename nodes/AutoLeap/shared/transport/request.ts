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

import { accountKey, autoLeapBaseUrl, budgetLimits } from '../../../../credentials/autoLeapAuth';
import { toAutoLeapError } from './errors';
import { budgetFor, requestKind } from './rateBudget';
import type { RequestKind } from './rateBudget';
import { withRetries } from './retry';

export const CREDENTIAL = 'autoLeapApi';

export type AutoLeapContext = IExecuteFunctions | IExecuteSingleFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface AutoLeapRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/**
 * Sends one request within the partner account's budget, retrying what may be retried.
 * Authentication (and the one retry after a 401) is n8n's, through the credential.
 */
export async function sendPaced<T>(
	credentials: ICredentialDataDecryptedObject,
	kind: RequestKind,
	send: () => Promise<T>,
): Promise<T> {
	const budget = budgetFor(accountKey(credentials), budgetLimits(credentials));
	return await withRetries(kind, async () => {
		const release = await budget.acquire(kind);
		try {
			return await send();
		} finally {
			release();
		}
	});
}

/** Calls AutoLeap and returns the parsed body; failures become one plain NodeApiError. */
export async function autoLeapRequest(
	this: AutoLeapContext,
	{ method, path, qs, body }: AutoLeapRequest,
	itemIndex?: number,
): Promise<unknown> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const kind = requestKind(method);
	const options: IHttpRequestOptions = {
		method,
		baseURL: autoLeapBaseUrl(credentials),
		url: path,
		qs,
		body,
		json: true,
	};
	try {
		return await sendPaced(credentials, kind, async () =>
			await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, options),
		);
	} catch (error) {
		throw toAutoLeapError(this.getNode(), error, { kind, itemIndex });
	}
}
