import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_RATE_WINDOW_MS,
	DEFAULT_READS_PER_MINUTE,
	DEFAULT_WRITES_PER_MINUTE,
	PRODUCTION_BASE_URL,
} from '../nodes/shared/autoleap/account';
import { authenticateRequest, TokenKeeper } from '../nodes/shared/autoleap/auth';

export class AutoLeapApi implements ICredentialType {
	// A literal, as n8n's lint reads it; the nodes send with CREDENTIAL_TYPE (test/credential).
	name = 'autoLeapApi';

	displayName = 'AutoLeap API';

	documentationUrl = 'https://developers.myautoleap.com';

	icon: Icon = { light: 'file:../icons/autoleap.svg', dark: 'file:../icons/autoleap.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Partner ID',
			name: 'partnerId',
			type: 'string',
			default: '',
			required: true,
			description: 'The partner ID AutoLeap issued to you',
		},
		{
			displayName: 'Auth Key',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The auth key AutoLeap issued together with the partner ID',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Another API base URL, such as a local AutoLeap emulator',
				},
				{
					name: 'Production',
					value: 'production',
					description: PRODUCTION_BASE_URL,
				},
			],
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010/v2',
			required: true,
			description: 'The API base URL, including the version path',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'GET Requests per Minute',
			name: 'readsPerMinute',
			type: 'number',
			default: DEFAULT_READS_PER_MINUTE,
			typeOptions: { minValue: 1 },
			description:
				"How many GET requests AutoLeap allows this partner account per minute (150 by default; AutoLeap raises it for some partners). All AutoLeap nodes using this account in this n8n instance share the budget.",
		},
		{
			displayName: 'Write Requests per Minute',
			name: 'writesPerMinute',
			type: 'number',
			default: DEFAULT_WRITES_PER_MINUTE,
			typeOptions: { minValue: 1 },
			description:
				'How many POST, PUT, PATCH and DELETE requests (logins included) AutoLeap allows this partner account per minute (50 by default; AutoLeap raises it for some partners)',
		},
		{
			// AutoLeap's window is a minute; an emulator may scale it (tests, benchmarks).
			displayName: 'Rate Window (Ms)',
			name: 'rateWindowMs',
			type: 'hidden',
			default: DEFAULT_RATE_WINDOW_MS,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Owner',
			name: 'tokenOwner',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/** This process's tokens: n8n creates the credential type once per process. */
	private readonly tokens = new TokenKeeper();

	preAuthentication = renewWith(this.tokens);

	authenticate = authenticateRequest;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? String($credentials.customUrl).trim().replace(/\\/+$/, "") : "' +
				PRODUCTION_BASE_URL +
				'" }}',
			url: '/partners/profile',
			method: 'GET',
		},
	};
}

/** n8n calls `preAuthentication` with its request helpers as `this`. */
function renewWith(tokens: TokenKeeper) {
	return async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return { ...(await tokens.renew(this.helpers, credentials)) };
	};
}
