/**
 * The end-to-end suite: real n8n runtimes (e2e/runtimes/<name>, see e2e/lib/runtimes.ts) running the
 * packed package against the sandbox, one jest project per runtime. Two suites at a time: most of
 * their time is waiting (token lifetimes, n8n's one-minute polls), not computing, on 2 cores; each
 * starts n8n processes of its own on free ports.
 *
 *   E2E_N8N=1.123 npx jest -c jest.e2e.config.js e2e/token    one runtime only (or --selectProjects)
 */
const RUNTIMES = [
	{ name: 'n8n-2.41', suites: ['*'] },
	// The demo and the browser suites run on the newest line only.
	{
		name: 'n8n-1.123',
		suites: ['resources', 'token', 'bulk', 'trigger', 'faults', 'transport', 'mcp'],
	},
];

const only = process.env.E2E_N8N?.split(',').map((v) => (v.startsWith('n8n-') ? v : `n8n-${v}`));

/** @type {import('jest').Config} */
module.exports = {
	projects: RUNTIMES.filter(({ name }) => !only || only.includes(name)).map(({ name, suites }) => ({
		displayName: name,
		testEnvironment: 'node',
		roots: ['<rootDir>/e2e'],
		testMatch: suites.map((suite) => `**/${suite}.e2e.test.ts`),
		transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
		globals: { E2E_RUNTIME: name },
	})),
	// Installs the runtimes of these projects (first run only), chromium, and packs the package once.
	globalSetup: '<rootDir>/e2e/lib/globalSetup.ts',
	testTimeout: 600_000,
	maxWorkers: 2,
	verbose: true,
	reporters: ['default', ['<rootDir>/scripts/runRecorder.js', { name: 'e2e' }]],
};
