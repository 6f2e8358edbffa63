/**
 * Is this commit ready to be released as package.json's version? (RELEASING.md)
 *
 *   npm run release:check                   before tagging: no placeholder left in package.json,
 *                                           a dated CHANGELOG entry for the version, nothing left
 *                                           under Unreleased, and no tag v<version> yet
 *   npm run release:check -- --tag v1.2.3   in publish.yml: the same, but the pushed tag must be
 *                                           v<version> (it exists: it started the workflow)
 *
 * Prints every problem and exits 1 when there is any.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** What marks a value in package.json that only a maintainer can fill in (RELEASING.md). */
export const PLACEHOLDER = 'FILL-IN';

/** Every string in `value` that still holds the placeholder, as "path: value". */
export function placeholders(value: unknown, path = ''): string[] {
	if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [`${path}: ${value}`] : [];
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, inner]) =>
		placeholders(inner, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key),
	);
}

/** "owner/name" of a GitHub URL (git+https, https, with .git, #readme or a path), lower-cased. */
export function githubRepository(url: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	const match = /github\.com[/:]([^/\s]+)\/([^/#?\s]+?)(?:\.git)?(?:[/#?]|$)/i.exec(url);
	return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a "## [heading]" section, up to the next "## " heading; undefined when absent. */
function section(changelog: string, heading: RegExp): string | undefined {
	const lines = changelog.split(/\r?\n/);
	const start = lines.findIndex((line) => heading.test(line));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
	return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

export interface ReleaseFacts {
	pkg: Record<string, any>;
	changelog: string;
	/** The repository's tags (`git tag --list`). */
	tags: string[];
	/** The tag that started publish.yml; absent before tagging. */
	pushedTag?: string;
}

/** Everything that stands between this commit and a release, in words a maintainer can act on. */
export function releaseProblems({ pkg, changelog, tags, pushedTag }: ReleaseFacts): string[] {
	const problems: string[] = [];
	const version = String(pkg.version ?? '');
	const tag = `v${version}`;

	for (const found of placeholders(pkg)) {
		problems.push(`package.json ${found} — still a placeholder (RELEASING.md, "Fill in")`);
	}

	// npm's provenance check and n8n's verification both compare these with the GitHub repository.
	const urls: Record<string, unknown> = {
		'repository.url': pkg.repository?.url ?? pkg.repository,
		homepage: pkg.homepage,
		'bugs.url': pkg.bugs?.url ?? pkg.bugs,
	};
	const repos = Object.entries(urls).map(([field, url]) => [field, githubRepository(url)]);
	for (const [field, repo] of repos) {
		if (!repo) problems.push(`package.json ${field} is not a GitHub repository URL`);
	}
	const named = new Set(repos.map(([, repo]) => repo).filter(Boolean));
	if (named.size > 1) {
		problems.push(
			`package.json names different repositories: ${repos.map(([f, r]) => `${f} ${r}`).join(', ')}`,
		);
	}

	const entry = section(
		changelog,
		new RegExp(`^## \\[${escape(version)}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`),
	);
	if (entry === undefined) {
		problems.push(`CHANGELOG.md has no entry "## [${version}] - YYYY-MM-DD" for the version`);
	} else if (!/^\s*[-*] \S/m.test(entry)) {
		problems.push(`CHANGELOG.md's entry for ${version} lists no change`);
	}
	const unreleased = section(changelog, /^## \[Unreleased\]\s*$/i);
	if (unreleased !== undefined && /^\s*[-*] \S/m.test(unreleased)) {
		problems.push(
			`CHANGELOG.md still lists changes under [Unreleased]: move them under [${version}]`,
		);
	}

	if (pushedTag === undefined) {
		if (tags.includes(tag)) problems.push(`tag ${tag} already exists: bump the version`);
	} else if (pushedTag !== tag) {
		problems.push(`the pushed tag ${pushedTag} is not v + package.json's version (${tag})`);
	}
	return problems;
}

function main(argv: string[]) {
	const root = resolve(__dirname, '..');
	const tagFlag = argv.indexOf('--tag');
	const pushedTag = tagFlag >= 0 ? argv[tagFlag + 1] : undefined;
	if (tagFlag >= 0 && !pushedTag) throw new Error('--tag needs the tag name');
	const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
	const changelogFile = resolve(root, 'CHANGELOG.md');
	const changelog = existsSync(changelogFile) ? readFileSync(changelogFile, 'utf8') : '';
	const tags = execFileSync('git', ['tag', '--list'], { cwd: root, encoding: 'utf8' })
		.split('\n')
		.filter(Boolean);

	const problems = releaseProblems({ pkg, changelog, tags, pushedTag });
	if (problems.length > 0) {
		process.stderr.write(
			`Not ready to release ${pkg.name} ${pkg.version}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
		);
		process.exit(1);
	}
	process.stdout.write(
		pushedTag
			? `${pkg.name} ${pkg.version}: ready to publish from tag ${pushedTag}\n`
			: `${pkg.name} ${pkg.version}: ready to tag v${pkg.version} (git fetch --tags first, to know all tags)\n`,
	);
}

if (require.main === module) main(process.argv.slice(2));
