import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CREDENTIAL_TYPE, storedPair } from '../../../shared/autoleap/account';
import { PATHS } from '../../../shared/autoleap/endpoints';
import { asNodeError, write } from '../../../shared/autoleap/client';

/**
 * POST /partners/logout with the session's refresh token in the body, as the reference shows
 * (reference/openapi.yaml). AutoLeap ends the session; the tokens the credential still holds are
 * refused from then on, so the next request logs in again.
 */
export async function logOut(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const results: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			const credentials = await this.getCredentials(CREDENTIAL_TYPE, itemIndex);
			if (!storedPair(credentials)) {
				// Logging in only to log out would cost two writes for nothing.
				results.push({
					json: { success: true, message: 'There was no AutoLeap session to end' },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			const body: IDataObject = credentials.refreshToken
				? { refreshToken: credentials.refreshToken }
				: {};
			const { ack } = await write.call(
				this,
				{ method: 'POST', path: PATHS.logout, body },
				itemIndex,
			);
			results.push({
				json: { success: ack.success, message: ack.message },
				pairedItem: { item: itemIndex },
			});
		} catch (error) {
			if (!this.continueOnFail())
				throw asNodeError(this.getNode(), error, { kind: 'write', itemIndex });
			results.push({
				json: { error: (error as Error).message },
				error: error as never,
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [results];
}
