/** An MCP client (the official SDK) for an n8n MCP Server Trigger, over either transport it serves. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { waitFor } from './n8n';

export type McpTransport = 'streamableHttp' | 'sse';

/**
 * Connects to `url`; n8n registers a published workflow's webhooks a few seconds after it is
 * ready, answering 404 until then, so connecting is retried for up to `timeoutMs`.
 */
export async function connectMcp(
	url: string,
	transport: McpTransport,
	timeoutMs = 60_000,
): Promise<Client> {
	let client: Client | undefined;
	let lastError = '';
	await waitFor(
		async () => {
			const candidate = new Client({ name: 'autoleap-e2e', version: '1.0.0' });
			const link =
				transport === 'sse'
					? new SSEClientTransport(new URL(url))
					: new StreamableHTTPClientTransport(new URL(url));
			try {
				await candidate.connect(link);
				client = candidate;
				return true;
			} catch (error) {
				lastError = (error as Error).message;
				await candidate.close().catch(() => undefined);
				return false;
			}
		},
		`an MCP connection (${transport}) to ${url}`,
		timeoutMs,
		1_000,
	).catch((error: Error) => {
		throw new Error(`${error.message}; last error: ${lastError}`);
	});
	return client!;
}

/** The text an MCP tool result carries (n8n answers with one text part). */
export function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
	const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
	return content
		.filter((part) => part.type === 'text')
		.map((part) => part.text ?? '')
		.join('\n');
}
