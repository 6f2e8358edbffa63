/**
 * The MCP workflow (e2e/workflows/mcp.ts) in the n8n editor: the canvas with the MCP Server
 * Trigger and its two AutoLeap tools, the trigger's panel with the URL an MCP client uses, and a
 * tool's panel with the parameters the model fills.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nServer } from '../lib/n8n';
import { MCP_WORKFLOW_ID, TOOLS } from '../workflows/mcp';
import { launchChromium, signIn } from './editor';

export const MCP_SHOTS = {
	canvas: 'autoleap-mcp-workflow.png',
	trigger: 'autoleap-mcp-trigger-url.png',
	tool: 'autoleap-mcp-tool-from-ai.png',
} as const;

export interface McpEditorSaw {
	/** Node titles on the canvas. */
	nodes: string[];
	/** The URLs the trigger's panel shows. */
	urls: string[];
	screenshots: string[];
}

export async function shootMcpWorkflow(server: N8nServer, folder: string): Promise<McpEditorSaw> {
	mkdirSync(folder, { recursive: true });
	const { context, close } = await launchChromium();
	const screenshots: string[] = [];
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await signIn(page, server.base);
		await page.goto(`${server.base}/workflow/${MCP_WORKFLOW_ID}`);
		const nodes = page.getByTestId('canvas-node');
		await nodes.nth(2).waitFor();
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(800); // the zoom animates
		await page.screenshot({ path: join(folder, MCP_SHOTS.canvas) });
		screenshots.push(MCP_SHOTS.canvas);
		const titles = (await nodes.allInnerTexts()).map((text) => text.split('\n')[0].trim());

		// The trigger's panel: its Production URL is what an MCP client connects to.
		await nodes.filter({ hasText: 'MCP Server Trigger' }).dblclick();
		const ndv = page.getByTestId('ndv');
		await ndv.getByTestId('radio-button-production').click();
		await ndv.getByText(`/mcp/`).first().waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(folder, MCP_SHOTS.trigger) });
		screenshots.push(MCP_SHOTS.trigger);
		const urls = (await ndv.getByText(/\/mcp(-test)?\//).allInnerTexts()).map((text) =>
			text.trim(),
		);
		await page.getByTestId('ndv-close-button').click();

		await nodes.filter({ hasText: TOOLS.createCustomer }).dblclick();
		await ndv.getByTestId('parameter-input-firstName').waitFor();
		await page.waitForTimeout(500);
		await page.screenshot({ path: join(folder, MCP_SHOTS.tool) });
		screenshots.push(MCP_SHOTS.tool);
		return { nodes: titles, urls, screenshots };
	} catch (error) {
		const page = context.pages()[0];
		if (page) await page.screenshot({ path: join(folder, 'failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		await close();
	}
}
