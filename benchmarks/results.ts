/**
 * benchmarks/RESULTS.md: the page `npm run bench` writes, then one section per other benchmark
 * (bench:queue, bench:tokens), each rewritten only by its own run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../e2e/lib/runtime';

const RESULTS = join(ROOT, 'benchmarks', 'RESULTS.md');
const start = (name: string) => `<!-- ${name}:start (npm run ${name} writes this section) -->`;
const end = (name: string) => `<!-- ${name}:end -->`;

const current = () => {
	try {
		return readFileSync(RESULTS, 'utf8');
	} catch {
		return '';
	}
};

/** The main page, keeping the other benchmarks' sections after it. */
export function writeMainPage(page: string): void {
	const old = current();
	const at = old.indexOf('<!-- bench:');
	writeFileSync(RESULTS, at < 0 ? page : `${page.trimEnd()}\n\n${old.slice(at)}`);
}

/** One benchmark's section (`name` is its npm script), replaced in place or added at the end. */
export function writeSection(name: string, markdown: string): void {
	const old = current();
	const section = `${start(name)}\n${markdown.trim()}\n${end(name)}`;
	const from = old.indexOf(start(name));
	const to = old.indexOf(end(name));
	writeFileSync(
		RESULTS,
		from >= 0 && to > from
			? old.slice(0, from) + section + old.slice(to + end(name).length)
			: `${old.trimEnd()}\n\n${section}\n`,
	);
}
