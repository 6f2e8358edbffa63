import type { IDataObject } from 'n8n-workflow';

import { isObject } from './transport/envelope';

/** At most this many fields are named: enough to recognise a record, short enough to read. */
const MOST = 30;

/**
 * A record's shape in words, field names and kinds only, never values (they may be personal):
 * `partnerId (text), shops (list of 2)`. What an error shows when an answer contradicts an inference.
 */
export function shapeOf(record: IDataObject): string {
	const kind = (value: unknown) =>
		Array.isArray(value)
			? `list of ${value.length}`
			: isObject(value)
				? `object with ${Object.keys(value).slice(0, 6).join(', ') || 'nothing'}`
				: value === null
					? 'null'
					: typeof value === 'string'
						? 'text'
						: typeof value;
	const fields = Object.entries(record);
	if (fields.length === 0) return 'no fields';
	const shown = fields.slice(0, MOST).map(([name, value]) => `${name} (${kind(value)})`);
	return (
		shown.join(', ') + (fields.length > MOST ? ` and ${fields.length - MOST} more fields` : '')
	);
}
