/**
 * A record's id as one path segment. An id from an expression may be blank, or `.`/`..`, which
 * a URL would resolve to the list itself or to the API's root: such an id is refused before
 * anything is sent, and every other id is encoded, so it can never become more than one segment.
 */
export function pathSegment(id: unknown): string {
	const value = id === undefined || id === null ? '' : String(id).trim();
	if (value === '') throw new PathError('is empty');
	if (value === '.' || value === '..') throw new PathError(`is "${value}", which is not an ID`);
	return encodeURIComponent(value);
}

export class PathError extends Error {
	constructor(readonly problem: string) {
		super(problem);
	}
}
