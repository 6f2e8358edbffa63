import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import {
	ACCESS_TOKEN_LIFETIME_MS,
	DEFAULT_PATIENCE_MINUTES,
	DEFAULT_RATE_WINDOW_MS,
	DEFAULT_READS_PER_MINUTE,
	DEFAULT_TIMEOUT_SECONDS,
	DEFAULT_WRITES_PER_MINUTE,
	PRODUCTION_BASE_URL,
	REFRESH_TOKEN_LIFETIME_MS,
} from '../nodes/shared/autoleap/account';
import {
	authenticateWith,
	preAuthenticateWith,
	TokenKeeper,
} from '../nodes/shared/autoleap/tokens';

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
				'How many GET requests AutoLeap allows this partner account per minute (150 by default; AutoLeap raises it for some partners). All AutoLeap nodes using this account in this n8n instance share the budget.',
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
			displayName: 'Processes Sharing This Account',
			name: 'processes',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description:
				'How many n8n processes use this partner account at once (queue-mode workers plus the main, other n8n instances). Each starts at its share of the limits, and every process adapts its share when AutoLeap answers 429.',
		},
		{
			displayName: 'Rate Limit Patience (Minutes)',
			name: 'patienceMinutes',
			type: 'number',
			default: DEFAULT_PATIENCE_MINUTES,
			typeOptions: { minValue: 0.1 },
			description:
				'How long a request waits while AutoLeap answers 429 (the account is over its limit, for example because of other clients) before it fails. AutoLeap applies nothing it answers 429.',
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			default: DEFAULT_TIMEOUT_SECONDS,
			typeOptions: { minValue: 1 },
			description:
				'How long one attempt may take, from sending the request to the last byte of AutoLeap’s answer, before it counts as failed',
		},
		// AutoLeap's timing as documented; an emulator may scale it (tests, benchmarks).
		{
			displayName: 'Rate Window (Ms)',
			name: 'rateWindowMs',
			type: 'hidden',
			default: DEFAULT_RATE_WINDOW_MS,
		},
		{
			displayName: 'Access Lifetime (Ms)',
			name: 'accessLifetimeMs',
			type: 'hidden',
			default: ACCESS_TOKEN_LIFETIME_MS,
		},
		{
			displayName: 'Refresh Lifetime (Ms)',
			name: 'refreshLifetimeMs',
			type: 'hidden',
			default: REFRESH_TOKEN_LIFETIME_MS,
		},
		// The tokens, saved by n8n after each renewal (see nodes/shared/autoleap/tokens.ts).
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Refresh Token',
			name: 'refreshToken',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Pair Issued At', name: 'pairIssuedAt', type: 'hidden', default: 0 },
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

	preAuthentication = preAuthenticateWith(this.tokens);

	authenticate = authenticateWith(this.tokens);

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
