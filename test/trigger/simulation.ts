import type { IDataObject } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';
import { eventByValue } from '../../nodes/AutoLeapTrigger/events';
import { AUTOLEAP_DATE, AUTOLEAP_DATE_TIME } from '../../nodes/shared/autoleap/dates';
import { DEMO_COMPANY_ID, DEMO_PARTNER, startSandbox } from '../../sandbox';
import type { DateMode, EndBound, ResourceName, Sandbox, StampPrecision } from '../../sandbox';
import { CredentialStore } from '../harness';
import { runPoll } from '../harness/poll';

/**
 * A randomised run of the AutoLeap Trigger against the sandbox with a manual clock: creates and
 * updates interleaved with polls (also while a poll's requests are in flight), bursts of more
 * than a page of writes in one frozen millisecond or spread over one second, polls that hit the
 * request cap, n8n restarts between polls. The sandbox reads date filters as set (by default as
 * documented, so a bound with milliseconds fails the poll with a 400), reads an end bound `…:05Z`
 * as its whole second or as the instant, and stamps records with or without milliseconds.
 *
 * Ground truth: no (record, version) may be emitted twice, and every version a poller could see
 * must be emitted, by that poll or a later one: every version current throughout a poll that
 * read its whole window (so also every record's final version: the drain polls at the end are
 * such polls). A version written while a poll runs (after its slice was read) and overwritten
 * before the next poll, or overwritten while polls are held back by the request cap, is visible
 * to no poller; those are counted apart (`overwrittenBeforeRead`), from the versions current at
 * the end of each poll.
 */

export interface SimulationOptions {
	seed: number;
	/** Creates and updates in total. */
	events: number;
	event?: 'vehicleUpdated' | 'repairOrderUpdated' | 'paymentUpdated' | 'customerUpdated';
	overlapSeconds?: number;
	maxRequests?: number;
	/** n8n's clock minus AutoLeap's (ms); AutoLeap's reaches the trigger in each answer's Date. */
	skewMs?: number;
	/** How the sandbox reads date filters (default documented: milliseconds are a 400). */
	dates?: DateMode;
	/** Whether an end bound …:05Z covers 05.500 (`second`, default) or not (`instant`). */
	endBound?: EndBound;
	/** Record stamps with milliseconds (default) or whole seconds. */
	stamps?: StampPrecision;
}

export interface SimulationReport {
	seed: number;
	event: string;
	/** The sandbox's date rules: mode/endBound/stamps. */
	dates: string;
	events: number;
	polls: number;
	/** Versions current at the end of some poll. */
	required: number;
	emitted: number;
	lost: number;
	duplicated: number;
	/** Versions current at the end of a poll that no later poll could read (overwritten first). */
	overwrittenBeforeRead: number;
	restarts: number;
	/** Polls that used at least the request cap. */
	cappedPolls: number;
	frozenBursts: number;
	/** Bursts of more than a page of writes spread over one second (distinct ms when stamps carry them). */
	secondBursts: number;
	/** Updates that kept the record's time (same ms, or same second with whole-second stamps): no poller keyed on (id, time) can tell them apart. */
	sameStampRewrites: number;
	/** Requests the sandbox answered 400 (a bound in a form AutoLeap does not document fails here); 401s are token expiries the credential renews. */
	rejected: number;
	/** Date bounds sent in any form but YYYY-MM-DDThh:mm:ssZ / YYYY-MM-DD (counted, since `truncate` accepts them). */
	undocumentedBounds: number;
	writesDuringPolls: number;
	/** Polls with nothing to read: the poll before read its whole window and proved every write read. (The first poll after activity re-reads what the one before could not yet prove, the last Overlap, and is not idle.) */
	idlePolls: number;
	requestsPerIdlePoll: { average: number; max: number };
	requests: number;
}

const RESOURCES: Record<string, ResourceName> = {
	vehicleUpdated: 'vehicles',
	repairOrderUpdated: 'orders',
	paymentUpdated: 'payments',
	customerUpdated: 'customers',
};

/** mulberry32: small, fast, reproducible. */
function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		chance: (p: number) => next() < p,
		pick: <T>(list: T[]) => list[Math.floor(next() * list.length)],
	};
}

export async function simulate(options: SimulationOptions): Promise<SimulationReport> {
	const eventName = options.event ?? 'vehicleUpdated';
	const event = eventByValue(eventName)!;
	const resource = RESOURCES[eventName];
	const overlapMs = (options.overlapSeconds ?? 30) * 1000;
	const maxRequests = options.maxRequests ?? 10;
	const rng = prng(options.seed);
	const sandbox: Sandbox = await startSandbox({
		port: 0,
		clock: 'manual',
		seed: options.seed,
		limits: { get: 1e9, write: 1e9, windowMs: 1000 },
		dates: options.dates ?? 'documented',
		endBound: options.endBound ?? 'second',
		stamps: options.stamps ?? 'milliseconds',
	});
	// n8n's clock: the sandbox's manual clock plus the skew.
	const now = () => sandbox.clock.now() + (options.skewMs ?? 0);
	let credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: sandbox.url,
			readsPerMinute: 1e9,
			writesPerMinute: 1e9,
			rateWindowMs: 1000,
		} as never,
	});
	const parameters = {
		event: eventName,
		companyId: DEMO_COMPANY_ID,
		locationId: '',
		startFrom: 'now',
		simplify: false,
		options: { overlap: overlapMs / 1000, maxRequests },
	};

	const report: SimulationReport = {
		seed: options.seed,
		event: eventName,
		dates: Object.values(sandbox.dates).join('/'),
		events: 0,
		polls: 0,
		required: 0,
		emitted: 0,
		lost: 0,
		duplicated: 0,
		overwrittenBeforeRead: 0,
		restarts: 0,
		cappedPolls: 0,
		frozenBursts: 0,
		secondBursts: 0,
		sameStampRewrites: 0,
		rejected: 0,
		undocumentedBounds: 0,
		writesDuringPolls: 0,
		idlePolls: 0,
		requestsPerIdlePoll: { average: 0, max: 0 },
		requests: 0,
	};
	const versionOf = (record: IDataObject) =>
		`${String(record[event.idField])}@${Date.parse(String(record[event.timeField]))}`;
	const template = structuredClone(sandbox.store.list(resource, DEMO_COMPANY_ID)[0]);
	for (const field of [event.idField, 'createdDate', 'updatedDate', 'paymentDate', 'lastUpdatedAt'])
		delete template[field];
	const ids = sandbox.store
		.list(resource, DEMO_COMPANY_ID)
		.map((record) => record[event.idField] as string | number);
	const recent: Array<string | number> = [];
	const current = new Map<string | number, string>();
	const dirty = new Set<string | number>();
	const required = new Set<string>();
	const currentAtEnd = new Set<string>();
	const emitted = new Map<string, number>();
	const idleRequests: number[] = [];

	let frozenLeft = 0;
	let spreadLeft = 0;
	let revision = 0;
	const step = () => {
		if (frozenLeft > 0) {
			frozenLeft--;
			return;
		}
		if (spreadLeft > 0) {
			// At most 3 ms apart: 260 writes stay inside the second the burst started in.
			spreadLeft--;
			sandbox.clock.advance(rng.int(0, 3));
			return;
		}
		if (rng.chance(0.002)) {
			// A bulk import: well over a page of writes in one millisecond.
			frozenLeft = rng.int(101, 260);
			report.frozenBursts++;
			return;
		}
		if (rng.chance(0.002)) {
			// A bulk import over one second: well over a page of writes, at distinct milliseconds.
			spreadLeft = rng.int(101, 260);
			report.secondBursts++;
			sandbox.clock.advance(1000 - (sandbox.clock.now() % 1000) + rng.int(0, 50));
			return;
		}
		sandbox.clock.advance(rng.chance(0.2) ? 0 : rng.int(1, 400));
	};
	let lastWrite = -Infinity;
	const mutate = () => {
		step();
		let record: IDataObject;
		if (rng.chance(0.3)) {
			record = sandbox.store.create(resource, {
				...structuredClone(template),
				simRevision: ++revision,
			});
			ids.push(record[event.idField] as string | number);
		} else {
			const id = recent.length > 0 && rng.chance(0.5) ? rng.pick(recent) : rng.pick(ids);
			record = sandbox.store.update(resource, id, { simRevision: ++revision });
		}
		const id = record[event.idField] as string | number;
		lastWrite = Math.max(lastWrite, Date.parse(String(record[event.timeField])));
		if (current.get(id) === versionOf(record)) report.sameStampRewrites++;
		current.set(id, versionOf(record));
		dirty.add(id);
		recent.push(id);
		if (recent.length > 50) recent.shift();
		report.events++;
	};

	let nodeType = new AutoLeapTrigger({ now });
	let staticData: IDataObject = {};
	const poll = async (writesDuring: number) => {
		if (rng.chance(0.05)) {
			// n8n restarts: a new node instance, fresh process state, static data from the database.
			nodeType = new AutoLeapTrigger({ now });
			credentials = new CredentialStore([new AutoLeapApi()], {
				autoLeapApi: credentials.data('autoLeapApi'),
			});
			staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
			report.restarts++;
		}
		const atStart = new Map(current);
		const logBefore = sandbox.requestLog.length;
		// Nothing to read: the poll before read its whole window and proved every write read.
		const before = (staticData['node:AutoLeap Trigger'] as IDataObject | undefined)?.cursor as
			| IDataObject
			| undefined;
		const idle =
			before !== undefined && before.caughtUp !== false && Number(before.readThrough) >= lastWrite;
		let done = false;
		const running = runPoll({ nodeType, parameters, credentials, staticData }).finally(
			() => (done = true),
		);
		// Writes while the poll's requests are in flight.
		for (let i = 0; i < writesDuring && !done; i++) {
			await new Promise((resolve) => setTimeout(resolve, rng.int(0, 1)));
			if (done) break;
			mutate();
			report.writesDuringPolls++;
		}
		const result = await running;
		if (process.env.SIM_DEBUG) {
			const before = (staticData['node:AutoLeap Trigger'] as IDataObject | undefined)?.cursor as
				| IDataObject
				| undefined;
			const after = (result.staticData['node:AutoLeap Trigger'] as IDataObject)
				.cursor as IDataObject;
			const q = sandbox.requestLog
				.slice(logBefore)
				.filter((e) => e.path === event.path)
				.map(
					(e) =>
						`${e.query.updatedDateStart?.slice(11)}..${e.query.updatedDateEnd?.slice(11)}p${e.query.page}`,
				);
			console.error(
				`poll ${report.polls} idle=${idle} caughtUp=${String(after.caughtUp)} now=${new Date(sandbox.clock.now()).toISOString()} rt ${before?.readThrough}->${after.readThrough} floor ${after.floor} skew ${after.skew} seen ${Object.keys(after.seen as IDataObject).length} emitted ${result.items?.length ?? 0} ${q.join(' ')}`,
			);
			for (const item of result.items ?? []) console.error(`  emit ${versionOf(item.json)}`);
		}
		staticData = result.staticData;
		report.polls++;
		const sent = sandbox.requestLog.slice(logBefore).filter((entry) => entry.path === event.path);
		const requests = sent.length;
		report.requests += requests;
		report.rejected += sent.filter((entry) => entry.status === 400).length;
		for (const entry of sent) {
			for (const name of [event.window.start, event.window.end]) {
				const bound = entry.query[name];
				if (!AUTOLEAP_DATE_TIME.test(bound) && !AUTOLEAP_DATE.test(bound))
					report.undocumentedBounds++;
			}
		}
		if (requests >= maxRequests) report.cappedPolls++;
		for (const item of result.items ?? []) {
			const key = versionOf(item.json);
			emitted.set(key, (emitted.get(key) ?? 0) + 1);
		}
		for (const id of dirty) currentAtEnd.add(current.get(id)!);
		dirty.clear();
		const cursor = (staticData['node:AutoLeap Trigger'] as IDataObject | undefined)?.cursor as
			| IDataObject
			| undefined;
		if (cursor?.caughtUp === true) {
			for (const [id, version] of current) if (atStart.get(id) === version) required.add(version);
		}
		return { items: result.items, requests, idle };
	};

	try {
		// Activation: the start point.
		await poll(0);
		while (report.events < options.events) {
			mutate();
			if (rng.chance(0.03)) await poll(rng.chance(0.5) ? rng.int(1, 40) : 0);
			if (rng.chance(0.004)) {
				// A quiet spell longer than the overlap, then polls that should find nothing.
				sandbox.clock.advance(overlapMs + rng.int(1_000, 120_000));
				await poll(0);
				for (let i = 0; i < 2; i++) {
					sandbox.clock.advance(60_000);
					const { items, requests, idle } = await poll(0);
					if (items === null && idle) idleRequests.push(requests);
				}
			}
		}
		// Drain: time moves on, nothing changes, until polls come back empty.
		for (let quiet = 0, i = 0; quiet < 3 && i < 50; i++) {
			sandbox.clock.advance(overlapMs + 60_000);
			const { items, requests, idle } = await poll(0);
			quiet = items === null ? quiet + 1 : 0;
			if (items === null && idle) idleRequests.push(requests);
		}
	} finally {
		await sandbox.close();
	}

	report.required = required.size;
	report.emitted = [...emitted.values()].reduce((sum, n) => sum + n, 0);
	report.lost = [...required].filter((key) => !emitted.has(key)).length;
	report.duplicated = [...emitted.values()].filter((n) => n > 1).length;
	report.overwrittenBeforeRead = [...currentAtEnd].filter(
		(key) => !emitted.has(key) && !required.has(key),
	).length;
	if (process.env.SIM_DEBUG)
		console.error('lost', [...required].filter((key) => !emitted.has(key)).slice(0, 20));
	report.idlePolls = idleRequests.length;
	report.requestsPerIdlePoll = {
		average: idleRequests.length
			? Number((idleRequests.reduce((s, n) => s + n, 0) / idleRequests.length).toFixed(2))
			: 0,
		max: Math.max(0, ...idleRequests),
	};
	return report;
}
