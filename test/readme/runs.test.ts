import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { expectReadmeBlock, markdownTable } from './blocks';

/**
 * The README's Compatibility table and CI time come from one recorded run of `.ci/run` on a clean
 * clone (its .ci/last-run/, committed as docs/runs/): never typed by hand.
 */
interface Versions {
	n8n?: string;
	node?: string;
	n8nWorkflow?: string;
	n8nCore?: string;
	installSeconds?: { npmCi: number; sqlite3: number };
	megabytes?: number;
}
interface Run {
	date: string;
	commit: string;
	uncommitted: boolean;
	seconds: number;
	passed: number;
	total: number;
	versions: {
		services: { postgresql?: string; redis?: string; chromium?: string };
		unit: Versions;
		runtimes: Record<string, Versions>;
	};
	files: Array<{
		file: string;
		project: string | null;
		seconds: number;
		passed: number;
		failed: number;
	}>;
}
interface CiRun {
	date: string;
	commit: string;
	node: string;
	npm: string;
	installSeconds: number;
	seconds: number;
}

const RUNS = join(__dirname, '..', '..', 'docs', 'runs');
const read = <T>(name: string): T =>
	JSON.parse(readFileSync(join(RUNS, `${name}.json`), 'utf8')) as T;
const unit = read<Run>('unit');
const e2e = read<Run>('e2e');
const ci = read<CiRun>('ci');

const major = (v?: string) => v?.split('.')[0] ?? '?';
const suiteOf = (file: string) => basename(file).replace(/\.e2e\.test\.ts$/, '');

function suites(project: string): string {
	const { services } = e2e.versions;
	const detail: Record<string, string> = {
		queue: ` (PostgreSQL ${major(services.postgresql)}, Redis ${major(services.redis)})`,
		browser: ` (Chromium ${major(services.chromium)})`,
	};
	return e2e.files
		.filter((f) => f.project === project)
		.map((f) => `${suiteOf(f.file)}${detail[suiteOf(f.file)] ?? ''} ${f.seconds}`)
		.join(', ');
}

const result = (files: Run['files']) => {
	const passed = files.reduce((n, f) => n + f.passed, 0);
	const total = files.reduce((n, f) => n + f.passed + f.failed, 0);
	return `${passed} of ${total} passed`;
};

it('every run behind the figures is one clean-clone CI run of committed code', () => {
	expect(new Set([unit.commit, e2e.commit, ci.commit]).size).toBe(1);
	expect([unit.uncommitted, e2e.uncommitted]).toEqual([false, false]);
	expect(unit.total).toBeGreaterThan(0);
	expect(e2e.passed).toBe(e2e.total);
	expect(unit.passed).toBe(unit.total);
});

it('Compatibility: what each runtime ran, from the recorded run', () => {
	const projects = [...new Set(e2e.files.map((f) => f.project ?? ''))];
	const rows = projects.map((project) => {
		const v = e2e.versions.runtimes[project] ?? {};
		return [
			v.n8n ?? '?',
			v.node ?? '?',
			`${v.n8nWorkflow} / ${v.n8nCore}`,
			suites(project),
			result(e2e.files.filter((f) => f.project === project)),
		];
	});
	const u = unit.versions.unit;
	rows.push([
		'none (n8n-core alone)',
		u.node ?? '?',
		`${u.n8nWorkflow} / ${u.n8nCore} (\`package.json\`)`,
		`unit tests ${unit.seconds}`,
		`${unit.passed} of ${unit.total} passed`,
	]);
	const table = markdownTable(
		['n8n', 'Node.js', 'n8n-workflow / n8n-core', 'Suites (seconds)', 'Result'],
		rows,
	);
	expectReadmeBlock(
		'compatibility',
		`${table}\n\nFrom the run of \`.ci/run\` on a clean clone of ${ci.commit} on ${ci.date} (2 shared cores; docs/runs/).`,
	);
});

it('CI time: the whole run and its stages, from the recorded run', () => {
	const minutes = Math.round(ci.seconds / 60);
	// npm test runs the unit stage while the e2e runtimes install beside it (scripts/test.ts); jest's
	// e2e time starts after that, so the rest of the run is the unit stage and the install together.
	const unitStage = ci.seconds - ci.installSeconds - e2e.seconds;
	expectReadmeBlock(
		'ci-time',
		`On a clean clone (${ci.commit}, ${ci.date}, Node.js ${ci.node.replace(/^v/, '')}) \`.ci/run\` took ${minutes} minutes (${ci.seconds} s): \`npm ci\` ${ci.installSeconds} s; the unit stage (build, lint, typecheck and jest's unit run of ${unit.seconds} s) with the two n8n runtimes installing beside it, ${unitStage} s; the e2e run ${e2e.seconds} s.`,
	);
});

it('Quick start: what the first `npm run demo` installs, from the recorded run', () => {
	const newest = e2e.versions.runtimes['n8n-2.41'] ?? {};
	const install = newest.installSeconds;
	expect(install).toBeDefined(); // a clean clone installs the runtimes
	const gigabytes = ((newest.megabytes ?? 0) / 1024).toFixed(1);
	expectReadmeBlock(
		'demo-install',
		`${install!.npmCi + install!.sqlite3} s and ${gigabytes} GB in the recorded CI run`,
	);
});

it('Quick start: the disk the two n8n runtimes take, from the recorded run', () => {
	const runtimes = Object.values(e2e.versions.runtimes);
	expect(runtimes.length).toBe(2);
	const megabytes = runtimes.reduce((sum, r) => sum + (r.megabytes ?? 0), 0);
	expectReadmeBlock('runtimes-disk', `${(megabytes / 1024).toFixed(1)} GB`);
});
