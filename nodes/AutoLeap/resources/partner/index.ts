import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { recordRouting, writeRouting } from '../../shared/routing';

/** Login and token refresh belong to the credential; these are the partner's other calls. */
export const partnerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['partner'] } },
		options: [
			{
				name: 'Get Profile',
				value: 'getProfile',
				action: 'Get the partner profile',
				description: 'Retrieve the partner details with the companies and locations it may use',
				routing: recordRouting(undefined, PATHS.profile),
			},
			{
				name: 'Log Out',
				value: 'logOut',
				action: 'Log out the partner',
				description: 'Invalidate the current access token; the next request logs in again',
				routing: writeRouting('POST', PATHS.logout),
			},
		],
		default: 'getProfile',
	},
];
