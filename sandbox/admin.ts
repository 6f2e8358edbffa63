import type { ServerResponse } from 'node:http';
import {
	DEMO_COMPANY_2_ID,
	DEMO_COMPANY_ID,
	DEMO_PARTNER,
	extraCompanyIds,
	OTHER_COMPANY_ID,
	OTHER_PARTNER,
} from './seed';
import { checkFault } from './faults';
import type { SandboxState } from './state';
import { RESOURCE_NAMES } from './store';
import { storeHandle } from './storeHandle';
import type { FaultSpec, ResourceName } from './types';

/**
 * Test controls over HTTP for out-of-process users (demo script, real n8n). Not rate-limited, not logged.
 *   POST /__admin/reset | /__admin/expireAllTokens | /__admin/expireAccessTokens | /__admin/revokeAllTokens
 *   GET /__admin/tokenLifetimes   POST /__admin/tokenLifetimes {accessMs?, refreshMs?} (tokens issued from now on)
 *   POST /__admin/faults FaultSpec | FaultSpec[]   GET /__admin/faults   DELETE /__admin/faults[/:id]
 *   POST /__admin/latency {ms}
 *   GET /__admin/clock   POST /__admin/clock {set?: iso|ms, advance?: ms}
 *   GET /__admin/dates   POST /__admin/dates {mode?, endBound?, stamps?}   (see DateRules)
 *   GET /__admin/archived   POST /__admin/archived {mode: 'listed'|'hidden'}   (archived records in lists)
 *   GET /__admin/profile[?partnerId=]   POST /__admin/profile {partnerId?, companies: [companyId…]}
 *                                       (the companies a profile lists, of those seeded; default the demo partner)
 *   GET /__admin/log     DELETE /__admin/log            GET /__admin/counters   GET /__admin/seed
 *   GET /__admin/records/:resource[?companyId=]   GET|PATCH /__admin/records/:resource/:id   POST /__admin/records/:resource
 *
 * Faults (FaultSpec in types.ts; same object for sandbox.injectFaults). Select with method (GET|WRITE|POST|...),
 * path (and below), query ({page: 3}); count (default 1) or persistent: true; label. The log entry of
 * the request it shaped has fault: {id, kind, variant, label, applied}; status 0 = no answer.
 *   {kind:'status', status: 400|401|403|404|408|429|500|502|503|504, error?}   {success:false,error}
 *   {kind:'html', status?}              text/html proxy page (200: captive portal; else nginx error page)
 *   {kind:'successFalse', error?}       200 {success:false,error}, nothing applied
 *   {kind:'empty', variant?: 'plain'|'json'}   200, Content-Length 0 (json: with a JSON Content-Type)
 *   {kind:'truncated', applied?, variant?: 'body'|'connection', cutAt?}   200 JSON cut in the middle
 *   {kind:'hang', applied?}             never answers; ends when the client gives up or on close()
 *   {kind:'reset', applied?}            TCP reset, no answer
 *   {kind:'delay', ms}                  the normal answer after ms (a write is applied at once)
 *   {kind:'ignorePage', variant?: 'page1'|'neverLast', extra?}   page 1 whatever page is asked
 *   {kind:'totalsLie', variant?: 'inflate'|'lastEarly'|'deflate', extra?}   page metadata lies
 *   {kind:'echoSecrets', variant?: 'all'|'invalidToken'|'tokenParam'|'body', status?: 401 (200 too), error?: template}
 *   {kind:'rejectRecords', variant?: 'index'|'id', indexes?, ids?, idField?, field?, status?: 400, error?: template}
 *                                      (template: {collection} {index} {idField} {id} {field} {record.<any field>})
 *   {kind:'change', changes: [{resource, id, patch} | {resource, create}], ms?}   the shop changes right
 *                                       after the API answered (its page taken), then the answer follows after ms
 * applied (writes, default false): true = the API applies the write, then the fault hits its 200 answer.
 */
export async function handleAdmin(
	state: SandboxState,
	method: string,
	url: URL,
	text: string,
	res: ServerResponse,
): Promise<void> {
	const send = (status: number, body: unknown) => {
		const t = JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': Buffer.byteLength(t),
		});
		res.end(t);
	};
	let body: any = {};
	try {
		body = text.trim() ? JSON.parse(text) : {};
	} catch {
		return send(400, { success: false, error: 'Malformed JSON in request body' });
	}
	const parts = url.pathname.replace(/^\/v2/i, '').split('/').filter(Boolean).slice(1);
	const [name, resource, id] = parts;
	const ok = (extra: object = {}) => send(200, { success: true, ...extra });
	try {
		const route = `${method} ${name ?? ''}`;
		switch (route) {
			case 'POST reset':
				state.reset();
				return ok();
			case 'POST expireAllTokens':
				state.tokens.expireAll();
				return ok();
			case 'POST expireAccessTokens':
				state.tokens.expireAccess();
				return ok();
			case 'POST revokeAllTokens':
				state.tokens.revokeAll();
				return ok();
			case 'GET tokenLifetimes':
				return ok({ tokenLifetimes: state.tokenLifetimes() });
			case 'POST tokenLifetimes':
				return ok({ tokenLifetimes: state.setTokenLifetimes(body) });
			case 'POST faults': {
				const specs = (Array.isArray(body) ? body : [body]) as FaultSpec[];
				specs.forEach(checkFault); // all or none
				const added = specs.map((f) => state.faults.add(f));
				return ok({ added, faults: state.faults.pending() });
			}
			case 'GET faults':
				return ok({ faults: state.faults.pending() });
			case 'DELETE faults':
				if (resource !== undefined && !/^\d+$/.test(resource))
					throw new Error(`Fault id must be a number, not "${resource}"`);
				state.faults.clear(resource === undefined ? undefined : Number(resource));
				return ok({ faults: state.faults.pending() });
			case 'POST latency':
				state.latencyMs = Math.max(0, Number(body.ms) || 0);
				return ok({ latencyMs: state.latencyMs });
			case 'GET clock':
				return ok({ mode: state.clock.mode, now: state.clock.now(), iso: state.clock.iso() });
			case 'POST clock':
				if (body.set !== undefined) state.clock.set(body.set);
				if (body.advance !== undefined) state.clock.advance(Number(body.advance));
				return ok({ mode: state.clock.mode, now: state.clock.now(), iso: state.clock.iso() });
			case 'GET dates':
			case 'POST dates':
				return ok({ dates: method === 'POST' ? state.setDates(body) : { ...state.dates } });
			case 'GET archived':
			case 'POST archived':
				return ok({ archived: method === 'POST' ? state.setArchived(body.mode) : state.archived });
			case 'GET profile':
			case 'POST profile': {
				const partnerId =
					body.partnerId ?? url.searchParams.get('partnerId') ?? DEMO_PARTNER.partnerId;
				if (method === 'POST') state.setProfileCompanies(body.companies, partnerId);
				const partner = state.partner(partnerId);
				if (!partner) throw new Error(`Unknown partner ${JSON.stringify(partnerId)}`);
				return ok({ profile: partner.profile });
			}
			case 'GET log':
				return ok({ log: state.log });
			case 'DELETE log':
				state.log.length = 0;
				return ok();
			case 'GET counters':
				return ok({ counters: state.counters });
			case 'GET seed':
				return ok({
					demoPartner: DEMO_PARTNER,
					otherPartner: OTHER_PARTNER,
					companies: { DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, OTHER_COMPANY_ID },
					extraCompanies: extraCompanyIds(state.options.companies ?? 0),
					profiles: state.partners.map((p) => p.profile),
				});
			case 'GET records':
			case 'POST records':
			case 'PATCH records':
				return records(state, method, resource, id, url, body, send);
			default:
				return send(404, {
					success: false,
					error: `Unknown admin route: ${method} ${url.pathname}`,
				});
		}
	} catch (e) {
		return send(400, { success: false, error: e instanceof Error ? e.message : String(e) });
	}
}

function records(
	state: SandboxState,
	method: string,
	resource: string | undefined,
	id: string | undefined,
	url: URL,
	body: any,
	send: (s: number, b: unknown) => void,
): void {
	if (!resource || !RESOURCE_NAMES.includes(resource as ResourceName)) {
		return send(404, {
			success: false,
			error: `Unknown resource "${resource}" (one of: ${RESOURCE_NAMES.join(', ')})`,
		});
	}
	const store = storeHandle(state.store);
	const r = resource as ResourceName;
	if (method === 'GET' && id === undefined)
		return send(200, {
			success: true,
			records: store.list(r, url.searchParams.get('companyId') ?? undefined),
		});
	if (method === 'GET') {
		const rec = store.get(r, id as string);
		return rec
			? send(200, { success: true, record: rec })
			: send(404, { success: false, error: `${resource} "${id}" not found` });
	}
	if (method === 'POST' && id === undefined)
		return send(200, { success: true, record: store.create(r, body) });
	if (method === 'PATCH' && id !== undefined)
		return send(200, { success: true, record: store.update(r, id, body) });
	return send(405, { success: false, error: `Method ${method} not allowed here` });
}
