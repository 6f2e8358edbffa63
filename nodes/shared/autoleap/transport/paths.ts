/**
 * A record's id as one path segment. An id from an expression may be blank, or `.`/`..`, which
 * a URL would resolve to the list itself or to the API's root: callers refuse such an id
 * (`idProblem`) before anything is sent, and every other id is encoded, so it can never become
 * more than one segment.
 */
export function pathSegment(id: unknown): string {
	const problem = idProblem(id);
	if (problem) throw new Error(`The ID ${problem}`);
	return encodeURIComponent(String(id).trim());
}

/** What makes an id unusable as a path segment, or undefined when it is usable. */
export function idProblem(id: unknown): string | undefined {
	const value = id === undefined || id === null ? '' : String(id).trim();
	if (value === '') return 'is empty';
	if (value === '.' || value === '..') return `is "${value}", which is not an ID`;
	return undefined;
}
