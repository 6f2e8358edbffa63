// Mirrors n8n's own community-node lint (@n8n/node-cli): the rules n8n applies when it verifies
// a community package, plus eslint-plugin-n8n-nodes-base's community, credentials and nodes sets.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const community = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	// e2e/.n8n-demo: the n8n user folder of `npm run demo`, where `n8n start` unpacks the editor's JS.
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'e2e/.n8n-demo/**', 'e2e/.cache/**', 'e2e/runtimes/**'] },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: { 'prefer-spread': 'off' },
	},
	{
		// What ships: the cloud rules (no timers, no process, no foreign imports) apply here only.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [community],
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		extends: [community],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		// The sandbox, tests and scripts are Node programs, not n8n node code.
		files: ['sandbox/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'benchmarks/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
);
