import { ciProblems, nodeProblems, pinnedNode, publishProblems, readWorkflow } from './workflows';

/**
 * .github/workflows: the essentials hold in the files as they are, and each check speaks up when a
 * plausible mistake is made to a copy.
 */

const ci = readWorkflow('ci.yml');
const publish = readWorkflow('publish.yml');

type Doc = Record<string, any>;
const copy = (doc: Doc): Doc => structuredClone(doc);
const stepsOf = (doc: Doc): Array<Record<string, any>> => (Object.values(doc.jobs)[0] as Doc).steps;
const jobOf = (doc: Doc): Doc => Object.values(doc.jobs)[0] as Doc;
const stepRunning = (doc: Doc, text: string) => stepsOf(doc).find((s) => s.run?.includes(text))!;

/** `doc` with `change` made to a copy. */
const mistake = (doc: Doc, change: (d: Doc) => void): Doc => {
	const changed = copy(doc);
	change(changed);
	return changed;
};

it('ci.yml runs lint, build and the unit tests after npm ci, on pull requests and pushes to main', () => {
	expect(ciProblems(ci)).toEqual([]);
});

it('publish.yml publishes with provenance on version tags only, after npm ci, the tests and a build', () => {
	expect(publishProblems(publish)).toEqual([]);
});

it('both pin the same exact Node.js', () => {
	expect(pinnedNode(ci)).toMatch(/^\d+\.\d+\.\d+$/);
	expect(nodeProblems(ci, publish)).toEqual([]);
});

describe('publish.yml: each check catches a plausible mistake', () => {
	const cases: Array<[string, (d: Doc) => void, string | string[]]> = [
		[
			'also publishing on pushes to main',
			(d) => (d.on.push.branches = ['main']),
			'does not run on version tag pushes only',
		],
		[
			'also publishing by hand',
			(d) => (d.on.workflow_dispatch = null),
			'does not run on version tag pushes only',
		],
		[
			'publishing on any tag',
			(d) => (d.on.push.tags = ['*']),
			'does not run on version tag pushes only',
		],
		[
			'no id-token permission',
			(d) => delete jobOf(d).permissions['id-token'],
			'has no id-token: write (npm provenance and trusted publishing need it)',
		],
		[
			'write access to the repository',
			(d) => (jobOf(d).permissions.contents = 'write'),
			'may write more than the OIDC token: {"id-token":"write","contents":"write"}',
		],
		[
			'npm publish without --provenance',
			(d) => {
				const step = stepRunning(d, 'npm publish');
				step.run = step.run.replace(' --provenance', '');
			},
			'publishes without --provenance',
		],
		[
			'npm publish without --access public',
			(d) => {
				const step = stepRunning(d, 'npm publish');
				step.run = step.run.replace(' --access public', '');
			},
			'publishes without --access public',
		],
		[
			'npm install instead of npm ci',
			(d) => (stepRunning(d, 'npm ci').run = 'npm install'),
			['installs nothing with npm ci', 'runs npm install (npm ci installs the lock)'],
		],
		[
			'an npm install after npm ci',
			(d) => (stepRunning(d, 'npm ci').run += '\nnpm install --no-save n8n-workflow@latest'),
			'runs npm install (npm ci installs the lock)',
		],
		[
			'no build step (trusting prepack, which .npmrc turns off)',
			(d) => jobOf(d).steps.splice(stepsOf(d).indexOf(stepRunning(d, 'npm run build')), 1),
			'does not build (npm run build) in the step right before npm publish',
		],
		[
			'building before the tests instead of right before publishing',
			(d) => {
				const steps = stepsOf(d);
				const build = steps.splice(steps.indexOf(stepRunning(d, 'npm run build')), 1)[0];
				steps.splice(steps.indexOf(stepRunning(d, 'npm run test:unit')), 0, build);
			},
			'does not build (npm run build) in the step right before npm publish',
		],
		[
			'no release check (tag = v<version>, CHANGELOG entry, placeholders filled in)',
			(d) => jobOf(d).steps.splice(stepsOf(d).indexOf(stepRunning(d, 'release:check')), 1),
			'does not run npm run release:check -- --tag "$GITHUB_REF_NAME" before publishing',
		],
		[
			'no unit tests',
			(d) => jobOf(d).steps.splice(stepsOf(d).indexOf(stepRunning(d, 'test:unit')), 1),
			'does not run the unit tests before publishing',
		],
		[
			'an unpinned Node.js',
			(d) =>
				(stepsOf(d).find((s) => s.uses?.includes('setup-node'))!.with['node-version'] = 'lts/*'),
			'pins no exact Node.js version (node-version: "lts/*")',
		],
	];
	it.each(cases)('%s', (_, change, problem) => {
		expect(publishProblems(mistake(publish, change))).toEqual([problem].flat());
	});

	it('accepts the build in the publishing step itself, before npm publish only', () => {
		const together = (order: string[]) =>
			mistake(publish, (d) => {
				const steps = stepsOf(d);
				steps.splice(steps.indexOf(stepRunning(d, 'npm run build')), 1);
				const step = stepRunning(d, 'npm publish');
				step.run = step.run.replace('npm publish --provenance --access public', order.join(' && '));
			});
		expect(
			publishProblems(together(['npm run build', 'npm publish --provenance --access public'])),
		).toEqual([]);
		expect(
			publishProblems(together(['npm publish --provenance --access public', 'npm run build'])),
		).toEqual(['does not build (npm run build) in the step right before npm publish']);
	});
});

describe('ci.yml: each check catches a plausible mistake', () => {
	const cases: Array<[string, (d: Doc) => void, string | string[]]> = [
		['no lint', (d) => delete stepRunning(d, 'npm run lint').run, 'does not run lint'],
		['no build', (d) => delete stepRunning(d, 'npm run build').run, 'does not run build'],
		[
			'jest alone instead of the unit-test script',
			(d) => (stepRunning(d, 'npm run test:unit').run = 'npx jest'),
			'does not run unit tests (npm run test:unit)',
		],
		['not on pull requests', (d) => delete d.on.pull_request, 'does not run on pull requests'],
		[
			'not on pushes to main',
			(d) => (d.on.push.branches = ['develop']),
			'does not run on pushes to main',
		],
		[
			'npm install instead of npm ci',
			(d) => (stepRunning(d, 'npm ci').run = 'npm i'),
			['installs nothing with npm ci', 'runs npm install (npm ci installs the lock)'],
		],
	];
	it.each(cases)('%s', (_, change, problem) => {
		expect(ciProblems(mistake(ci, change))).toEqual([problem].flat());
	});

	it('a Node.js other than publish.yml’s', () => {
		const other = mistake(ci, (d) => {
			stepsOf(d).find((s) => s.uses?.includes('setup-node'))!.with['node-version'] = '22.21.1';
		});
		expect(ciProblems(other)).toEqual([]);
		expect(nodeProblems(other, publish)).toEqual([
			`ci.yml runs Node.js 22.21.1, publish.yml ${pinnedNode(publish)}`,
		]);
	});
});
