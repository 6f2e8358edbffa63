import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { ROOT } from './gate';

/**
 * The essentials of .github/workflows/ci.yml and publish.yml, as problems in words: an empty list
 * means the workflow does what RELEASING.md says it does.
 */

type Doc = Record<string, any>;

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}

export function readWorkflow(name: 'ci.yml' | 'publish.yml'): Doc {
	return parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'));
}

/** The single job of a workflow (both have one); undefined when there is not exactly one. */
function onlyJob(doc: Doc): { id: string; job: Doc } | undefined {
	const jobs = Object.entries(doc?.jobs ?? {});
	return jobs.length === 1 ? { id: jobs[0][0], job: jobs[0][1] as Doc } : undefined;
}

/** The commands a step runs, one per line or per `&&`/`;`-separated part. */
function commands(step: Step): string[] {
	return (step.run ?? '')
		.split(/\n|&&|;/)
		.map((part) => part.trim())
		.filter(Boolean);
}

const runs = (step: Step, command: RegExp) => commands(step).some((c) => command.test(c));
const indexOf = (steps: Step[], command: RegExp) => steps.findIndex((s) => runs(s, command));
const lastIndexOf = (steps: Step[], command: RegExp) =>
	steps.reduce((last, step, i) => (runs(step, command) ? i : last), -1);

const NPM_CI = /^npm ci(\s|$)/;
const NPM_INSTALL = /^npm (install|i|add)(\s|$)/;
const BUILD = /^npm run build(\s|$)/;
const LINT = /^npm run lint(\s|$)/;
const UNIT_TESTS = /^npm run test:unit(\s|$)/;
const PUBLISH = /^npm publish(\s|$)/;
const RELEASE_CHECK = /^npm run release:check -- --tag "?\$GITHUB_REF_NAME"?$/;

/** The Node.js version a job's setup-node step pins, or a problem. */
export function pinnedNode(doc: Doc): string | { problem: string } {
	const steps: Step[] = onlyJob(doc)?.job.steps ?? [];
	const setups = steps.filter((step) => step.uses?.startsWith('actions/setup-node@'));
	if (setups.length !== 1) return { problem: 'wants exactly one actions/setup-node step' };
	const version = String(setups[0].with?.['node-version'] ?? '');
	if (!/^\d+\.\d+\.\d+$/.test(version)) {
		return { problem: `pins no exact Node.js version (node-version: "${version}")` };
	}
	return version;
}

function installsWithNpmCi(steps: Step[], problems: string[]) {
	if (indexOf(steps, NPM_CI) < 0) problems.push('installs nothing with npm ci');
	if (indexOf(steps, NPM_INSTALL) >= 0)
		problems.push('runs npm install (npm ci installs the lock)');
}

export function ciProblems(doc: Doc): string[] {
	const problems: string[] = [];
	const on = doc?.on ?? {};
	if (!('pull_request' in on)) problems.push('does not run on pull requests');
	const branches: unknown = on.push?.branches;
	if (!Array.isArray(branches) || !branches.includes('main')) {
		problems.push('does not run on pushes to main');
	}
	const job = onlyJob(doc);
	if (!job) return [...problems, 'wants exactly one job'];
	const steps: Step[] = job.job.steps ?? [];
	installsWithNpmCi(steps, problems);
	const install = indexOf(steps, NPM_CI);
	for (const [what, command] of [
		['lint', LINT],
		['build', BUILD],
		['unit tests (npm run test:unit)', UNIT_TESTS],
	] as const) {
		const at = indexOf(steps, command);
		if (at < 0) problems.push(`does not run ${what}`);
		else if (at < install) problems.push(`runs ${what} before npm ci`);
	}
	const node = pinnedNode(doc);
	if (typeof node !== 'string') problems.push(node.problem);
	return problems;
}

export function publishProblems(doc: Doc): string[] {
	const problems: string[] = [];
	const on = doc?.on ?? {};
	const tags: unknown = on.push?.tags;
	const onlyTagPushes =
		Object.keys(on).length === 1 &&
		Object.keys(on.push ?? {}).length === 1 &&
		Array.isArray(tags) &&
		tags.length > 0 &&
		tags.every((tag) => typeof tag === 'string' && /^v?\*\.\*\.\*/.test(tag));
	if (!onlyTagPushes) problems.push('does not run on version tag pushes only');

	const job = onlyJob(doc);
	if (!job) return [...problems, 'wants exactly one job'];
	const permissions = job.job.permissions ?? doc.permissions ?? {};
	if (permissions['id-token'] !== 'write') {
		problems.push('has no id-token: write (npm provenance and trusted publishing need it)');
	}
	const writes = Object.entries(permissions).filter(([k, v]) => v === 'write' && k !== 'id-token');
	if (writes.length > 0 || permissions === 'write-all') {
		problems.push(`may write more than the OIDC token: ${JSON.stringify(permissions)}`);
	}

	const steps: Step[] = job.job.steps ?? [];
	installsWithNpmCi(steps, problems);
	const publish = indexOf(steps, PUBLISH);
	if (publish < 0) return [...problems, 'never runs npm publish'];
	if (lastIndexOf(steps, PUBLISH) !== publish) problems.push('runs npm publish more than once');
	const publishCommand = commands(steps[publish]).find((c) => PUBLISH.test(c)) ?? '';
	if (!/\s--provenance(\s|$)/.test(publishCommand)) problems.push('publishes without --provenance');
	if (!/\s--access[ =]public(\s|$)/.test(publishCommand)) {
		problems.push('publishes without --access public');
	}
	const install = indexOf(steps, NPM_CI);
	if (install > publish) problems.push('publishes before npm ci');
	const check = indexOf(steps, RELEASE_CHECK);
	if (check < 0 || check > publish) {
		problems.push(
			'does not run npm run release:check -- --tag "$GITHUB_REF_NAME" before publishing',
		);
	}
	const tests = indexOf(steps, UNIT_TESTS);
	if (tests < 0 || tests > publish) problems.push('does not run the unit tests before publishing');
	// .npmrc: ignore-scripts=true — npm publish runs no prepack, so the build must come right before:
	// in the step before, or earlier in the publishing step itself.
	const inPublishStep = commands(steps[publish]);
	const buildsFirst =
		inPublishStep.findIndex((c) => BUILD.test(c)) >= 0 &&
		inPublishStep.findIndex((c) => BUILD.test(c)) < inPublishStep.findIndex((c) => PUBLISH.test(c));
	if (!buildsFirst && (publish === 0 || !runs(steps[publish - 1], BUILD))) {
		problems.push('does not build (npm run build) in the step right before npm publish');
	}
	const node = pinnedNode(doc);
	if (typeof node !== 'string') problems.push(node.problem);
	return problems;
}

/** Both workflows run the same pinned Node.js. */
export function nodeProblems(ci: Doc, publish: Doc): string[] {
	const [a, b] = [pinnedNode(ci), pinnedNode(publish)];
	if (typeof a !== 'string' || typeof b !== 'string') return [];
	return a === b ? [] : [`ci.yml runs Node.js ${a}, publish.yml ${b}`];
}
