import { LoadOptionsContext } from 'n8n-core';
import type { INodeParameters, INodeType } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import type { CredentialStore } from './credentialStore';
import { buildNodeWorkflow } from './workflow';

/**
 * What n8n's editor runs a node's loadOptions and listSearch methods with: the node's current
 * parameters (sent with every such request) and its credentials.
 */
export function loadOptionsContext(
	nodeType: INodeType,
	credentials: CredentialStore,
	parameters: INodeParameters,
	path = 'parameters.companyId',
): LoadOptionsContext {
	const { workflow, node } = buildNodeWorkflow({ nodeType, parameters, credentials });
	const additionalData = { ...buildAdditionalData(credentials), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
