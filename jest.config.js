/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Type-checking is `npm run typecheck`; with isolatedModules (tsconfig.test.json) ts-jest only
	// transpiles, which keeps the suite fast.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 60_000,
	maxWorkers: 2,
	collectCoverageFrom: ['nodes/**/*.ts', 'credentials/**/*.ts'],
	coverageReporters: ['text-summary', 'lcov'],
	reporters: ['default', ['<rootDir>/scripts/runRecorder.js', { name: 'unit' }]],
};
