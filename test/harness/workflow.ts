import type { IDataObject, INode, INodeParameters, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { CredentialStore } from './credentialStore';
import { buildNodeTypes, latestVersion } from './nodeTypes';
import { nodeCredentials } from './runNode';

/**
 * A workflow holding just `nodeType` (e.g. a polling trigger), with the store's credentials
 * attached: what PollContext needs. `staticData` is the workflow's static data (kept by reference,
 * so a caller can carry it from one poll to the next like n8n saves it).
 */
export function buildNodeWorkflow(options: {
	nodeType: INodeType;
	parameters: INodeParameters;
	credentials: CredentialStore;
	staticData?: IDataObject;
	nodeName?: string;
}): { workflow: Workflow; node: INode } {
	const { nodeType } = options;
	const name = options.nodeName ?? nodeType.description.defaults.name ?? nodeType.description.name;
	const workflow = new Workflow({
		id: 'harness',
		name: 'Harness',
		nodes: [
			{
				id: 'node-under-test',
				name,
				type: nodeType.description.name,
				typeVersion: latestVersion(nodeType),
				position: [0, 0],
				parameters: options.parameters,
				credentials: nodeCredentials(nodeType, options.credentials),
			},
		],
		connections: {},
		active: false,
		nodeTypes: buildNodeTypes({ [nodeType.description.name]: nodeType }),
		staticData: options.staticData,
	});
	return { workflow, node: workflow.getNode(name)! };
}
