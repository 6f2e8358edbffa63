/**
 * What the e2e stage needs before its first suite: the n8n runtimes of the jest projects that will
 * run (jest.e2e.config.js; E2E_N8N narrows them), and Debian's chromium, PostgreSQL and Redis. jest's global setup calls it,
 * and `npm test` runs it beside the unit stage (scripts/test.ts), since it is mostly download.
 */
import { join } from 'node:path';

import { ensureChromium } from './chromium';
import { installRuntime, ROOT, runtime } from './runtime';
import { ensureServices } from './services';
import { isRuntimeName } from './runtimes';

type Project = { displayName: string; globals: { E2E_RUNTIME: string } };

export async function prepareE2e(selectProjects?: string[]): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
	const { projects } = require(join(ROOT, 'jest.e2e.config.js')) as { projects: Project[] };
	const selected = projects.filter(
		(p) => !selectProjects || selectProjects.includes(p.displayName),
	);
	const names = selected.map(({ globals }) => globals.E2E_RUNTIME);
	for (const name of names) {
		if (!isRuntimeName(name)) throw new Error(`jest.e2e.config.js: unknown runtime ${name}`);
	}
	// The runtimes install at once: one downloads while the other compiles (minutes on a fresh machine).
	await Promise.all(names.map((name) => installRuntime(runtime(name as never))));
	// Installed here, before any suite: suites running side by side must not both run apt-get.
	ensureChromium();
	ensureServices();
}

if (require.main === module) {
	prepareE2e().catch((error: unknown) => {
		console.error(error);
		process.exitCode = 1;
	});
}
