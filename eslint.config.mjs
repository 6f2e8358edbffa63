// What ships (nodes/, credentials/, package.json) is linted with n8n's own config from
// @n8n/node-cli — the one `n8n-node lint` applies in strict mode, cloud rules included. Its
// strict mode would apply the cloud rules to every .ts file, and the sandbox, tests, e2e and
// benchmarks are Node programs (timers, process), so `n8n.strict` is false and they get the
// plain TypeScript rules here (README, "Development").
import js from '@eslint/js';
import { config as n8nConfig } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

const SHIPPED = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	// e2e/.n8n-demo: the n8n user folder of `npm run demo`, where `n8n start` unpacks the editor's JS.
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'coverage/**',
			'e2e/.n8n-demo/**',
			'e2e/.cache/**',
			'e2e/runtimes/**',
		],
	},
	...n8nConfig.map((block) =>
		block.files?.length === 1 && block.files[0] === '**/*.ts'
			? { ...block, files: SHIPPED }
			: block,
	),
	// n8n's scanner ignores inline eslint-disable comments, so what ships may not rely on them.
	{ files: SHIPPED, linterOptions: { noInlineConfig: true } },
	{
		files: ['**/*.ts'],
		ignores: SHIPPED,
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off', '@typescript-eslint/no-explicit-any': 'off' },
	},
);
