import type { IDataObject } from 'n8n-workflow';

import { fingerprintOf } from '../account';
import { ChunkError } from './chunks';
import type { ChunkStart } from './chunks';

/**
 * The Continue From value a chunk outputs for the next: where it ended (its last id and that
 * record's number in the list), the list's order, the next chunk's number, and a fingerprint of
 * the list read (path, company, filters), so that it is never used to continue another read.
 * Opaque to users: base64url of a small JSON object.
 */

interface Carried {
	/** The fingerprint of the list read. */
	l: string;
	/** The next chunk's number. */
	n: number;
	/** The last id output, that record's number in the list, and whether the list is newest first. */
	a: string;
	p: number;
	d: 0 | 1;
}

/** What identifies one read: the same path, company and query (paging left out). */
export function readFingerprint(path: string, companyId: string, qs: IDataObject = {}): string {
	const query = Object.keys(qs)
		.filter((name) => name !== 'page' && name !== 'size' && qs[name] !== undefined)
		.sort()
		.map((name) => [name, qs[name]]);
	return fingerprintOf(JSON.stringify([path, companyId, query]));
}

export function continuationOf(read: string, number: number, next: ChunkStart): string {
	const carried: Carried = {
		l: read,
		n: number,
		a: next.after,
		p: next.at,
		d: next.descending ? 1 : 0,
	};
	return Buffer.from(JSON.stringify(carried)).toString('base64url');
}

/** The chunk to read (its number, and where it starts) for a Continue From; empty starts at the first. */
export function chunkFrom(value: string, read: string): { number: number; start?: ChunkStart } {
	const text = value.trim();
	if (text === '') return { number: 1 };
	const carried = parsed(text);
	if (!carried)
		throw new ChunkError(
			'Continue From is not a value that a chunk of AutoLeap Get Many output',
			'Give the continueFrom of the chunk before (e.g. {{ $json.continueFrom }}), or leave it empty to read the first chunk. Nothing was sent to AutoLeap.',
		);
	if (carried.l !== read)
		throw new ChunkError(
			'Continue From belongs to a read of another list, company or filters',
			'A chunk continues only the read it came from. Use the filters, company and list that read had, or start the read again from the first chunk (Continue From empty). Nothing was sent to AutoLeap.',
		);
	return {
		number: carried.n,
		start: { after: carried.a, at: carried.p, descending: carried.d === 1 },
	};
}

function parsed(text: string): Carried | undefined {
	try {
		const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Carried>;
		const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
		const ok =
			typeof value.l === 'string' &&
			typeof value.a === 'string' &&
			whole(value.n) &&
			whole(value.p) &&
			(value.d === 0 || value.d === 1);
		return ok ? (value as Carried) : undefined;
	} catch {
		return undefined;
	}
}
