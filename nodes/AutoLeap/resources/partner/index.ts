import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/autoleap/endpoints';
import { recordRouting } from '../../shared/routing';
import { logOut } from './logOut';

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
				routing: recordRouting(PATHS.profile),
			},
			{
				name: 'Log Out',
				value: 'logOut',
				action: 'Log out the partner',
				description:
					'End the partner session (access and refresh token); the next request logs in again',
			},
		],
		default: 'getProfile',
	},
];

export const partnerOperations = { logOut };
