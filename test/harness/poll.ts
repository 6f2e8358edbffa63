import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import type { CredentialStore } from './credentialStore';
import { buildNodeWorkflow } from './workflow';

export interface RunPollOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	/** The workflow's static data from the previous poll (as saved JSON); empty on first activation. */
	staticData?: IDataObject;
	/** 'trigger' = a scheduled poll of an active workflow; 'manual' = "Fetch test event". */
	mode?: 'trigger' | 'manual';
}

export interface RunPollResult {
	/** Output 0 of the poll, or null when the node reported nothing new. */
	items: INodeExecutionData[] | null;
	/** The workflow's static data after the poll, as JSON (what n8n would save). */
	staticData: IDataObject;
}

/**
 * Runs a polling node's `poll()` once through n8n-core's PollContext, as n8n's poll executor
 * does. Static data is passed in and returned as JSON, so a caller can carry it to the next poll
 * (also across a fresh node instance, like an n8n restart).
 */
export async function runPoll(options: RunPollOptions): Promise<RunPollResult> {
	const mode = options.mode ?? 'trigger';
	const staticData = structuredClone(options.staticData ?? {});
	const { workflow, node } = buildNodeWorkflow({
		nodeType: options.nodeType,
		parameters: options.parameters,
		credentials: options.credentials,
		staticData,
	});
	const context = new PollContext(
		workflow,
		node,
		buildAdditionalData(options.credentials),
		mode,
		mode === 'manual' ? 'manual' : 'activate',
	);
	if (!options.nodeType.poll) throw new Error('Harness: the node type has no poll()');
	const saved = () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	const result = await options.nodeType.poll.call(context).catch((error: unknown) => {
		// n8n 1.x keeps the active workflow, and what a failed poll left in its static data, in
		// memory, and saves it with the next poll that emits: the error carries it.
		throw Object.assign(error as object, { staticData: saved() });
	});
	return {
		items: result ? result[0] : null,
		staticData: saved(),
	};
}
