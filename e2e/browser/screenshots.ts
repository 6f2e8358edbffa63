/**
 * `npm run screenshots`: the browser check of e2e/browser.e2e.test.ts, run to refresh the README's
 * pictures in docs/screenshots (needs Debian's chromium: `apt-get install -y chromium`), and the
 * published MCP workflow of e2e/workflows/mcp.ts in the editor.
 */
import { join } from 'node:path';

import { DEMO_PARTNER, startSandbox, type Sandbox } from '../../sandbox';
import { N8n, type N8nServer } from '../lib/n8n';
import { installRuntime, packPackage, ROOT, seconds } from '../lib/runtime';
import { mcpWorkflow, MCP_WORKFLOW_ID } from '../workflows/mcp';
import { runEditorFlow, SHOTS } from './editor';
import { MCP_SHOTS, shootMcpWorkflow } from './mcpWorkflow';

const FOLDER = join(ROOT, 'docs', 'screenshots');

/** The sandbox on the port the README names, so the credential pictures match the docs. */
async function sandboxOnDocumentedPort(): Promise<Sandbox> {
	return startSandbox({ port: 4010 }).catch(() => startSandbox({ port: 0 }));
}

async function main(): Promise<void> {
	const started = Date.now();
	await installRuntime();
	const tarball = packPackage();
	const sandbox = await sandboxOnDocumentedPort();
	const n8n = N8n.create(tarball);
	let server: N8nServer | undefined;
	try {
		await n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
		await n8n.importWorkflows([mcpWorkflow]);
		await n8n.activate(MCP_WORKFLOW_ID);
		server = await n8n.start();
		console.log(`• n8n editor in chromium, screenshots to ${FOLDER} …`);
		const saw = await runEditorFlow(server, FOLDER);
		saw.screenshots.push(...(await shootMcpWorkflow(server, FOLDER)).screenshots);
		const missing = [...Object.values(SHOTS), ...Object.values(MCP_SHOTS)].filter(
			(name) => !saw.screenshots.includes(name),
		);
		if (missing.length) throw new Error(`Not taken: ${missing.join(', ')}`);
		saw.screenshots.forEach((name) => console.log(`  ${join('docs', 'screenshots', name)}`));
		console.log(`Done in ${seconds(started)}.`);
	} finally {
		await server?.stop();
		await sandbox.close();
		n8n.dispose();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	console.error(
		`A picture of the moment it failed, if the browser got that far: ${join(FOLDER, 'failure.png')} (do not commit it)`,
	);
	process.exit(1);
});
