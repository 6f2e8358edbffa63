/**
 * The end-to-end suite: a real n8n 2.41.1 (e2e/runtime) running the packed package against the
 * sandbox. One suite at a time: each starts n8n processes of its own, and the machine has 2 cores.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/e2e/lib/globalSetup.ts',
	testTimeout: 600_000,
	maxWorkers: 1,
	verbose: true,
};
