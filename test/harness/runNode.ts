import { WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	IWorkflowBase,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { buildAdditionalData, buildHooks } from './additionalData';
import type { CredentialStore } from './credentialStore';
import { buildNodeTypes, latestVersion, MANUAL_TRIGGER_TYPE, manualTrigger } from './nodeTypes';

export interface RunNodeOptions {
	nodeType: INodeType;
	parameters: INodeParameters;
	inputItems?: IDataObject[];
	credentials: CredentialStore;
	continueOnFail?: boolean;
	/** The node's name in the workflow (default: the type's default name). */
	nodeName?: string;
}

export interface RunNodeResult {
	/** The node's main output 0, as n8n returns it (pairedItem included). */
	items: INodeExecutionData[];
	/** All outputs of the node's run. */
	outputs: INodeExecutionData[][];
	/** The node's error (or the execution's) when it failed. */
	error?: Error;
	runData: IRunData;
	run: IRun;
}

/** Node credentials for every credential type the node declares that the store holds. */
export function nodeCredentials(nodeType: INodeType, store: CredentialStore): INodeCredentials {
	const credentials: INodeCredentials = {};
	for (const { name } of nodeType.description.credentials ?? []) {
		if (store.has(name)) credentials[name] = store.details(name);
	}
	return credentials;
}

/** Runs Manual Trigger → node through n8n-core's WorkflowExecute, as a manual execution does. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const { nodeType, credentials: store } = options;
	const typeName = nodeType.description.name;
	const nodeName = options.nodeName ?? nodeType.description.defaults.name ?? typeName;
	const trigger: INode = {
		id: 'trigger',
		name: 'Manual Trigger',
		type: MANUAL_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: typeName,
		typeVersion: latestVersion(nodeType),
		position: [200, 0],
		parameters: options.parameters,
		credentials: nodeCredentials(nodeType, store),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const connections = {
		[trigger.name]: { main: [[{ node: nodeName, type: 'main' as const, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'harness',
		name: 'Harness',
		nodes: [trigger, node],
		connections,
		active: false,
		nodeTypes: buildNodeTypes({
			[MANUAL_TRIGGER_TYPE]: manualTrigger(options.inputItems ?? [{}]),
			[typeName]: nodeType,
		}),
	});

	const workflowData = {
		id: 'harness',
		name: 'Harness',
		nodes: [trigger, node],
		connections,
		active: false,
		settings: {},
	} as unknown as IWorkflowBase;
	const additionalData = buildAdditionalData(store);
	const hooks = buildHooks('manual', additionalData.executionId!, workflowData);
	additionalData.hooks = hooks;
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await finished;

	const runData = run.data.resultData.runData;
	const task = runData[nodeName]?.[runData[nodeName].length - 1];
	const outputs = (task?.data?.main ?? []).map(
		(output: INodeExecutionData[] | null) => output ?? [],
	);
	const error = (task?.error ?? run.data.resultData.error) as Error | undefined;
	return { items: outputs[0] ?? [], outputs, error, runData, run };
}
