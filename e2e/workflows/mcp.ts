/**
 * AutoLeap as tools of n8n's MCP Server Trigger: the node's tool variant (n8n derives
 * `<package>.<node>Tool` from `usableAsTool: true`) attached twice through `ai_tool` connections.
 * The parameters an agent fills are `$fromAI()` expressions; n8n turns them into the tool's input
 * schema. The tool name is the node's name with other characters than [A-Za-z0-9_-] made `_`.
 */
import { CREDENTIAL } from '../lib/n8n';
import { AUTOLEAP } from '../lib/workflow';

export const MCP_WORKFLOW_ID = 'AutoLeapMcpTools1';
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';
export const AUTOLEAP_TOOL = `${AUTOLEAP}Tool`;
/** Production URL: `<n8n>/mcp/<path>` (`/mcp-test/<path>` while listening in the editor). */
export const MCP_PATH = 'autoleap';

/** What the caller fills, as n8n's `$fromAI(key, description, type)` puts it in the input schema. */
export const FROM_AI = {
	companyId: {
		description: 'ID of the AutoLeap company (shop) to work in, e.g. 374844',
		type: 'string',
	},
	search: {
		description: 'Text to look for in the vehicles: VIN, licence plate, make, model or year',
		type: 'string',
	},
	limit: { description: 'Most vehicles to return (1-100)', type: 'number' },
	firstName: { description: "The customer's first name", type: 'string' },
	lastName: { description: "The customer's last name", type: 'string' },
	customerType: {
		description: 'regular for a person, fleet for a business with several vehicles',
		type: 'string',
	},
	email: { description: "The customer's email address", type: 'string' },
} as const;

const fromAI = (key: keyof typeof FROM_AI) =>
	`={{ $fromAI('${key}', ${JSON.stringify(FROM_AI[key].description)}, '${FROM_AI[key].type}') }}`;

/** Node names, and so the tool names the MCP client sees. */
export const TOOLS = {
	searchVehicles: 'Search Vehicles',
	createCustomer: 'Create Customer',
} as const;
export const toolName = (node: string) => node.replace(/[^a-zA-Z0-9_-]+/g, '_');

const tool = (name: string, position: [number, number], parameters: Record<string, unknown>) => ({
	id: `${MCP_WORKFLOW_ID}-${toolName(name)}`,
	name,
	type: AUTOLEAP_TOOL,
	typeVersion: 1,
	position,
	parameters,
	credentials: { autoLeapApi: CREDENTIAL },
});

const toTrigger = { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] };

export const mcpWorkflow = {
	id: MCP_WORKFLOW_ID,
	name: 'AutoLeap: tools for an AI agent (MCP server)',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: `${MCP_WORKFLOW_ID}-trigger`,
			name: 'MCP Server Trigger',
			type: MCP_TRIGGER_TYPE,
			typeVersion: 2.1,
			position: [0, 0],
			webhookId: '5b0f3a52-1c7e-4d2a-9a43-7e4b9d6c2a11',
			parameters: { path: MCP_PATH },
		},
		tool(TOOLS.searchVehicles, [-120, 220], {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: fromAI('companyId'),
			limit: fromAI('limit'),
			filters: { search: fromAI('search') },
		}),
		tool(TOOLS.createCustomer, [120, 220], {
			resource: 'customer',
			operation: 'create',
			companyId: fromAI('companyId'),
			firstName: fromAI('firstName'),
			lastName: fromAI('lastName'),
			additionalFields: {
				customerType: fromAI('customerType'),
				emails: { email: [{ emailAddress: fromAI('email'), label: 'Personal', primary: true }] },
			},
		}),
	],
	connections: { [TOOLS.searchVehicles]: toTrigger, [TOOLS.createCustomer]: toTrigger },
};
