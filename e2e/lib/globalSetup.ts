import { join } from 'node:path';

import { ensureChromium } from './chromium';
import { installRuntime, packPackage, ROOT, runtime } from './runtime';
import { isRuntimeName } from './runtimes';

type Project = { displayName: string; globals: { E2E_RUNTIME: string } };

/**
 * Once per e2e run: the runtimes of the jest projects that run (jest.e2e.config.js, first run only),
 * chromium, and the package packed fresh.
 */
export default async function globalSetup(globalConfig: {
	selectProjects?: string[];
}): Promise<void> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
	const { projects } = require(join(ROOT, 'jest.e2e.config.js')) as { projects: Project[] };
	const selected = projects.filter(
		(p) => !globalConfig.selectProjects || globalConfig.selectProjects.includes(p.displayName),
	);
	for (const { globals } of selected) {
		if (!isRuntimeName(globals.E2E_RUNTIME))
			throw new Error(`jest.e2e.config.js: unknown runtime ${globals.E2E_RUNTIME}`);
	}
	// The runtimes install at once: one downloads while the other compiles (minutes on a fresh machine).
	await Promise.all(
		selected.map(({ globals }) => installRuntime(runtime(globals.E2E_RUNTIME as never))),
	);
	ensureChromium();
	packPackage();
}
