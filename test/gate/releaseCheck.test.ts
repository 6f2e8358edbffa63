import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import {
	githubRepository,
	placeholders,
	PLACEHOLDER,
	releaseProblems,
	type ReleaseFacts,
} from '../../scripts/release-check';
import { ROOT } from './gate';

/** `npm run release:check` (scripts/release-check.ts): its logic, and its verdict on this commit. */

const FILLED = {
	name: 'n8n-nodes-autoleap',
	version: '0.2.0',
	homepage: 'https://github.com/acme-garage/n8n-nodes-autoleap#readme',
	bugs: { url: 'https://github.com/acme-garage/n8n-nodes-autoleap/issues' },
	repository: { type: 'git', url: 'git+https://github.com/acme-garage/n8n-nodes-autoleap.git' },
	author: { name: 'Ada Mechanic', email: 'ada@acme-garage.example' },
};

const CHANGELOG = [
	'# Changelog',
	'',
	'## [Unreleased]',
	'',
	'## [0.2.0] - 2027-01-15',
	'',
	'### Added',
	'',
	'- Something useful.',
	'',
	'## [0.1.0] - 2026-12-20',
	'',
	'- First release.',
	'',
].join('\n');

const facts = (over: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
	pkg: FILLED,
	changelog: CHANGELOG,
	tags: ['v0.1.0'],
	...over,
});

it('finds nothing to stop a release when every field is filled in and 0.2.0 is dated and untagged', () => {
	expect(releaseProblems(facts())).toEqual([]);
	expect(releaseProblems(facts({ tags: ['v0.1.0', 'v0.2.0'], pushedTag: 'v0.2.0' }))).toEqual([]);
});

it('names each placeholder left in package.json', () => {
	const pkg = {
		...FILLED,
		homepage: `https://github.com/${PLACEHOLDER}-GITHUB-OWNER/n8n-nodes-autoleap#readme`,
		author: { name: `${PLACEHOLDER}-AUTHOR-NAME`, email: 'ada@acme-garage.example' },
		contributors: [{ name: 'x', email: `${PLACEHOLDER}-EMAIL` }],
	};
	expect(placeholders(pkg)).toEqual([
		`homepage: https://github.com/${PLACEHOLDER}-GITHUB-OWNER/n8n-nodes-autoleap#readme`,
		`author.name: ${PLACEHOLDER}-AUTHOR-NAME`,
		`contributors[0].email: ${PLACEHOLDER}-EMAIL`,
	]);
	const problems = releaseProblems(facts({ pkg }));
	expect(problems).toHaveLength(4);
	expect(problems.slice(0, 3).join('\n')).toMatch(/homepage[^]*author\.name[^]*contributors\[0\]/);
	// The placeholder owner is also a different repository than the one the other URLs name.
	expect(problems[3]).toMatch(/names different repositories/);
});

it('wants repository, homepage and bugs to name one GitHub repository', () => {
	expect(githubRepository('git+https://github.com/Acme/n8n-nodes-autoleap.git')).toBe(
		'acme/n8n-nodes-autoleap',
	);
	expect(githubRepository('https://github.com/acme/n8n-nodes-autoleap#readme')).toBe(
		'acme/n8n-nodes-autoleap',
	);
	expect(githubRepository('https://developers.myautoleap.com')).toBeUndefined();
	expect(
		releaseProblems(facts({ pkg: { ...FILLED, homepage: 'https://developers.myautoleap.com' } })),
	).toEqual(['package.json homepage is not a GitHub repository URL']);
	const fork = { ...FILLED, bugs: { url: 'https://github.com/someone/n8n-nodes-autoleap/issues' } };
	expect(releaseProblems(facts({ pkg: fork }))).toEqual([
		expect.stringMatching(/names different repositories: .*bugs\.url someone\/n8n-nodes-autoleap/),
	]);
});

it('wants a dated CHANGELOG entry with changes for the version, and nothing left under Unreleased', () => {
	const undated = CHANGELOG.replace('## [0.2.0] - 2027-01-15', '## [0.2.0]');
	expect(releaseProblems(facts({ changelog: undated }))).toEqual([
		'CHANGELOG.md has no entry "## [0.2.0] - YYYY-MM-DD" for the version',
	]);
	const empty = CHANGELOG.replace('### Added\n\n- Something useful.\n', '');
	expect(releaseProblems(facts({ changelog: empty }))).toEqual([
		"CHANGELOG.md's entry for 0.2.0 lists no change",
	]);
	const forgotten = CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n- Not moved.\n');
	expect(releaseProblems(facts({ changelog: forgotten }))).toEqual([
		'CHANGELOG.md still lists changes under [Unreleased]: move them under [0.2.0]',
	]);
	// The version is matched as text: the dots of 0.2.0 are not regex wildcards.
	const lookalike = CHANGELOG.replace('## [0.2.0] - 2027-01-15', '## [0.2x0] - 2027-01-15');
	expect(releaseProblems(facts({ changelog: lookalike }))).toHaveLength(1);
});

it('refuses a version whose tag exists before tagging, and a pushed tag that is not v<version>', () => {
	expect(releaseProblems(facts({ tags: ['v0.1.0', 'v0.2.0'] }))).toEqual([
		'tag v0.2.0 already exists: bump the version',
	]);
	expect(releaseProblems(facts({ pushedTag: 'v0.2.1' }))).toEqual([
		"the pushed tag v0.2.1 is not v + package.json's version (v0.2.0)",
	]);
});

it('stops this commit, naming every placeholder in package.json', async () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
	const expected = placeholders(pkg).map((found) => found.split(':')[0]);
	expect(expected).toEqual([
		'homepage',
		'bugs.url',
		'repository.url',
		'author.name',
		'author.email',
	]);
	const run = promisify(execFile)(
		join(ROOT, 'node_modules', '.bin', 'tsx'),
		['scripts/release-check.ts'],
		{ cwd: ROOT },
	);
	const failure = await run.then(
		() => undefined,
		(error: { code: number; stderr: string }) => error,
	);
	expect(failure?.code).toBe(1);
	for (const field of expected) expect(failure?.stderr).toContain(`package.json ${field}: `);
});
