import { STATUS_CODES } from 'node:http';
import { FAULT_TEXT, type FaultRequest } from './faults';
import { WRITE_ACK_MESSAGE } from './inferred';
import type { PendingFault } from './types';

/** What goes on the wire for a fault that answers instead of the API. */
export interface Wire {
	status: number;
	headers: Record<string, string | number>;
	text: string | Buffer;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ID_FIELDS: Record<string, string> = {
	customers: 'customerId',
	vehicles: 'vehicleId',
	items: 'itemId',
	inventoryLevels: 'itemId',
};
const BODY_SECRETS = ['authKey', 'refreshToken', 'accessToken'] as const;

export function jsonWire(
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): Wire {
	return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, text: JSON.stringify(body) };
}

const failWire = (f: PendingFault, status: number, error: string) =>
	jsonWire(status, { success: false, error }, f.headers);

/** Whether a fault that answers instead of the API can answer this request at all. */
export function accepts(f: PendingFault, r: FaultRequest): boolean {
	if (f.kind === 'echoSecrets') return echoText(f, r) !== undefined;
	if (f.kind === 'rejectRecords') return rejectText(f, r) !== undefined;
	return true;
}

/** Answer of status/html/successFalse/empty/truncated (not applied)/echoSecrets/rejectRecords. */
export function insteadWire(f: PendingFault, r: FaultRequest): Wire {
	switch (f.kind) {
		case 'status':
			return failWire(f, f.status as number, f.error ?? FAULT_TEXT[f.status as number]);
		case 'html': {
			const status = f.status ?? 200;
			return {
				status,
				headers: { 'Content-Type': 'text/html; charset=utf-8', ...f.headers },
				text: f.body ?? htmlPage(status),
			};
		}
		case 'successFalse':
			return failWire(f, 200, f.error ?? 'Request could not be processed');
		case 'empty':
			return {
				status: f.status ?? 200,
				headers: { ...(f.variant === 'json' ? { 'Content-Type': JSON_TYPE } : {}), ...f.headers },
				text: '',
			};
		case 'truncated':
			return cut(
				f,
				jsonWire(200, { success: true, message: WRITE_ACK_MESSAGE, data: {} }, f.headers),
			);
		case 'echoSecrets':
			return failWire(f, f.status ?? 401, echoText(f, r) as string);
		case 'rejectRecords':
			return failWire(f, f.status ?? 400, rejectText(f, r) as string);
		default:
			throw new Error(`${f.kind} does not answer instead of the API`);
	}
}

/** The JSON text cut in the middle (or at cutAt bytes, at most one byte short of the whole). */
export function cut(f: PendingFault, w: Wire): Wire {
	const buf = Buffer.from(w.text);
	const at = Math.min(f.cutAt ?? Math.floor(buf.length / 2), Math.max(0, buf.length - 1));
	return { ...w, text: buf.subarray(0, at) };
}

function htmlPage(status: number): string {
	if (status === 200) {
		return (
			'<!DOCTYPE html>\n<html><head><title>Network login required</title></head>\n<body><h1>Sign in to continue</h1>' +
			'<form method="post" action="/login"><input name="user"><button>Connect</button></form></body></html>\n'
		);
	}
	const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Secrets the request carried: Bearer token, and authKey/refreshToken/accessToken in the body. */
function secretsOf(r: FaultRequest): Record<string, string> {
	const out: Record<string, string> = {};
	if (r.authorization)
		out.accessToken = /^Bearer\s+(\S+)/i.exec(r.authorization)?.[1] ?? r.authorization;
	const body = r.body && typeof r.body === 'object' ? (r.body as Record<string, unknown>) : {};
	for (const k of BODY_SECRETS)
		if (typeof body[k] === 'string' && body[k]) out[`body.${k}`] = body[k] as string;
	return out;
}

/** Error text echoing the request's secrets; undefined when the request carries none of that form.
 * A custom `error` is a template: {accessToken}, {authKey}, {refreshToken} (all must be present). */
function echoText(f: PendingFault, r: FaultRequest): string | undefined {
	const s = secretsOf(r);
	const at = s.accessToken;
	if (f.error !== undefined) {
		let missing = false;
		const text = f.error.replace(/\{(accessToken|authKey|refreshToken)\}/g, (_, k: string) => {
			const v = k === 'accessToken' ? (at ?? s['body.accessToken']) : s[`body.${k}`];
			if (v === undefined) missing = true;
			return v ?? '';
		});
		return missing ? undefined : text;
	}
	const forms = {
		invalidToken: at === undefined ? [] : [`Invalid token: ${at}`],
		tokenParam: at === undefined ? [] : [`Request rejected: ${r.method} /v2${r.path}?token=${at}`],
		body: BODY_SECRETS.filter((k) => s[`body.${k}`]).map((k) => `Invalid ${k}: ${s[`body.${k}`]}`),
	};
	const parts =
		f.variant === 'all'
			? [...forms.invalidToken, ...forms.tokenParam, ...forms.body]
			: forms[f.variant as keyof typeof forms];
	return parts.length ? parts.join('; ') : undefined;
}

/** 400 text naming the offending elements of a bulk write; undefined when none is offending.
 * The template may quote any field of the element: `{record.customerId}`. */
function rejectText(f: PendingFault, r: FaultRequest): string | undefined {
	if (r.method === 'GET' || !r.body || typeof r.body !== 'object') return undefined;
	const entry = Object.entries(r.body).find(
		([, v]) => Array.isArray(v) && v.length && v.every((e) => e && typeof e === 'object'),
	);
	if (!entry) return undefined;
	const [collection, list] = entry as [string, Array<Record<string, unknown>>];
	const idField = f.idField ?? ID_FIELDS[collection] ?? `${collection.replace(/s$/, '')}Id`;
	const wanted = new Set((f.ids ?? []).map(String));
	const offending =
		f.variant === 'id'
			? list.map((_, i) => i).filter((i) => wanted.has(String(list[i][idField])))
			: (f.indexes ?? [0]).filter((i) => i < list.length);
	if (!offending.length) return undefined;
	const template =
		f.error ??
		(f.variant === 'id' ? '{idField} {id} not found' : '{collection}[{index}].{field} is required');
	return offending
		.map((i) => {
			const values: Record<string, string> = {
				collection,
				index: String(i),
				idField,
				id: String(list[i][idField] ?? ''),
				field: f.field ?? Object.keys(list[i])[0] ?? idField,
			};
			return template
				.replace(/\{(collection|index|idField|id|field)\}/g, (_, k: string) => values[k])
				.replace(/\{record\.(\w+)\}/g, (_, k: string) => String(list[i][k] ?? ''));
		})
		.join('; ');
}
