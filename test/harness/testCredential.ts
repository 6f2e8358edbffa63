import { ExecuteContext, RoutingNode } from 'n8n-core';
import type { INode, INodeCredentialTestResult, INodeType } from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { buildAdditionalData } from './additionalData';
import type { CredentialStore } from './credentialStore';
import { buildNodeTypes } from './nodeTypes';

/**
 * "Test credential" as n8n's CredentialsTester runs a credential's `test` request: a temporary
 * noOp node whose only parameter routes the test request, run by RoutingNode with the data as
 * entered in the dialog (the stored data here). Returns n8n's verdict shape.
 */
export async function testCredential(
	store: CredentialStore,
	type: string,
): Promise<INodeCredentialTestResult> {
	const credentialType = store.credentialType(type);
	if (!credentialType.test)
		return { status: 'Error', message: 'No testing function found for this credential.' };
	const additionalData = buildAdditionalData(store);
	const details = store.details(type);
	const data = await additionalData.credentialsHelper.getDecrypted(
		additionalData,
		details,
		type,
		'internal',
	);

	const nodeType: INodeType = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'Temporary node of a credential test',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [type]: details },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: buildNodeTypes({ [nodeType.description.name]: nodeType }),
	});
	const context = new ExecuteContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, {
		id: details.id!,
		name: details.name,
		type,
		data,
	});
	try {
		await routingNode.runNode();
	} catch (error) {
		const status = error?.cause?.response?.status as number | undefined;
		if (status !== undefined && (status < 199 || status > 299)) {
			return {
				status: 'Error',
				message: error.cause.response.statusText || `Received HTTP status code: ${status}`,
			};
		}
		if (error?.cause?.code) return { status: 'Error', message: String(error.cause.code) };
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
