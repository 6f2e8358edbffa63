/**
 * The n8n lines the e2e suite runs on, and everything that differs between them. Each has a folder
 * e2e/runtimes/<name> with its own package.json (n8n and the Node it runs on) and lock file; the rest
 * of e2e/lib is common to both.
 */

export interface N8nLine {
	/** Its folder under e2e/runtimes. */
	name: 'n8n-2.41' | 'n8n-1.123';
	/** The CLI command that makes an imported workflow run in `n8n start`. */
	activate(workflowId: string): string[];
	/** Environment for every n8n process of this line, on top of the common one. */
	env: Record<string, string>;
	/** Whether the MCP Server Trigger's run data holds the tool call it served (`mcpToolCall`); 1.x's holds no item. */
	mcpTriggerNamesTheTool: boolean;
}

const N8N_2_41: N8nLine = {
	name: 'n8n-2.41',
	// 2.x publishes a version of the workflow; `n8n start` activates the published version.
	activate: (id) => ['publish:workflow', `--id=${id}`],
	// 2.x's MCP registry module refreshes its list from api.n8n.io; there is no internet here.
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	mcpTriggerNamesTheTool: true,
};

const N8N_1_123: N8nLine = {
	name: 'n8n-1.123',
	// 1.x has no publishing: `n8n start` activates every workflow whose `active` flag is set.
	activate: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
	// No mcp-registry module in 1.x, and N8N_DISABLED_MODULES refuses names it does not know.
	// Task runners stay at 1.x's default (off: the Code node runs in n8n's own process).
	env: {},
	mcpTriggerNamesTheTool: false,
};

export const LINES = { [N8N_2_41.name]: N8N_2_41, [N8N_1_123.name]: N8N_1_123 };
export type RuntimeName = N8nLine['name'];

/** What `npm run demo` and the benchmarks use. */
export const NEWEST: RuntimeName = 'n8n-2.41';

export function isRuntimeName(name: unknown): name is RuntimeName {
	return typeof name === 'string' && Object.prototype.hasOwnProperty.call(LINES, name);
}
