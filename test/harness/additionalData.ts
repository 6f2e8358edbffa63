import { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type {
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { HarnessCredentialsHelper } from './credentialsHelper';

let executions = 0;

function unsupported(what: string) {
	return async () => {
		throw new Error(`Harness: ${what} is not supported`);
	};
}

// No @n8n/di setup is needed: n8n-core's request helpers call Container.get(OutboundHttp), which
// the container builds on first use with its defaults (SSRF protection off, so 127.0.0.1 works).

/**
 * A plain `IWorkflowExecuteAdditionalData`, as n8n's `WorkflowExecuteAdditionalData.getBase` builds
 * it, wired to a CredentialStore. `hooks` is optional: WorkflowExecute needs it, PollContext not.
 */
export function buildAdditionalData(
	store: CredentialStore,
	options: { hooks?: ExecutionLifecycleHooks; executionId?: string } = {},
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper: new HarnessCredentialsHelper(store),
		hooks: options.hooks,
		executionId: options.executionId ?? String(++executions),
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: unsupported('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: unsupported('startRunnerTask'),
	} as IWorkflowExecuteAdditionalData;
}

/** Lifecycle hooks that record nothing but let the engine run (n8n always passes some). */
export function buildHooks(
	mode: WorkflowExecuteMode,
	executionId: string,
	workflowData: IWorkflowBase,
) {
	return new ExecutionLifecycleHooks(mode, executionId, workflowData);
}
