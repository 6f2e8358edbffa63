import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Parts of the README that a test writes from what it measured, between
 * `<!-- NAME:start … -->` and `<!-- NAME:end -->`. `expectReadmeBlock` fails when the README says
 * something else; with `UPDATE_README=1` it rewrites the block instead.
 */
const README = join(__dirname, '..', '..', 'README.md');

function bounds(text: string, name: string): [number, number] | undefined {
	const start = text.indexOf(`<!-- ${name}:start`);
	const end = text.indexOf(`<!-- ${name}:end -->`);
	if (start < 0 || end < 0) return undefined;
	return [text.indexOf('-->', start) + 3, end];
}

/** The block's text as the README holds it, or undefined when there is no such block. */
export function readmeBlock(name: string): string | undefined {
	const text = readFileSync(README, 'utf8');
	const at = bounds(text, name);
	return at && text.slice(at[0], at[1]).trim();
}

export function writeReadmeBlock(name: string, block: string): void {
	const text = readFileSync(README, 'utf8');
	const at = bounds(text, name);
	if (!at) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
	writeFileSync(README, `${text.slice(0, at[0])}\n${block.trim()}\n${text.slice(at[1])}`);
}

/** The README's block must be exactly `block` (or is rewritten to it with UPDATE_README=1). */
export function expectReadmeBlock(name: string, block: string): void {
	if (process.env.UPDATE_README) return writeReadmeBlock(name, block);
	expect(readmeBlock(name)).toBe(block.trim());
}

/** A Markdown table from a header and rows of cells. */
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
