import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';
import { DEMO_COMPANY_2_ID, extraCompanyIds } from '../../sandbox';
import type { CredentialStore } from '../harness';
import { runPoll } from '../harness/poll';
import { startRewritingProxy } from '../fixtures/rewritingProxy';
import { apiCalls, credentialsFor, DEMO_COMPANY_ID, useSandbox } from '../node/helpers';
import { expectReadmeBlock, markdownTable } from '../readme/blocks';

/**
 * One AutoLeap Trigger for a partner with 20 shops (issue "A multi-shop partner at real volume",
 * item 3), over HTTP through n8n-core's poll context: which shops each poll reads, what it emits,
 * and the requests the sandbox received. The rows are the README's `trigger-shops` table.
 */

const START = '2025-06-02T12:00:00.000Z';
const MINUTE = 60_000;
/** With the demo partner's two shops, its profile lists 20. */
const SHOPS = [DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, ...extraCompanyIds(18)];
const rows: Array<[string, string, string, string]> = [];

const ctx = useSandbox(
	{
		clock: 'manual',
		startTime: START,
		companies: 18,
		limits: { get: 100_000, write: 100_000, windowMs: 1000 },
	},
	1000,
);

/**
 * One trigger in an active workflow: static data carried from poll to poll as n8n saves it (as
 * JSON). `restart()` is n8n starting again: a new node instance, the state reloaded.
 */
function activeTrigger(parameters: INodeParameters, credentials?: CredentialStore) {
	let nodeType = new AutoLeapTrigger({ now: () => ctx.sandbox.clock.now() });
	let staticData: IDataObject = {};
	const trigger = {
		parameters: {
			event: 'vehicleUpdated',
			startFrom: 'now',
			simplify: true,
			options: {},
			...parameters,
		} as INodeParameters,
		get state() {
			return staticData['node:AutoLeap Trigger'] as IDataObject;
		},
		restart() {
			nodeType = new AutoLeapTrigger({ now: () => ctx.sandbox.clock.now() });
			staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		},
		async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[]> {
			const result = await runPoll({
				mode,
				nodeType,
				parameters: trigger.parameters,
				credentials: credentials ?? ctx.credentials,
				staticData,
			});
			if (mode === 'trigger') staticData = result.staticData;
			return result.items?.map((item) => item.json) ?? [];
		},
	};
	return trigger;
}

/** A vehicle of `shop` changed now (its update time stamped by the sandbox); it names its shop. */
function change(shop: string, index = 0): IDataObject {
	const vehicle = ctx.sandbox.store.list('vehicles', shop)[index];
	return ctx.sandbox.store.update('vehicles', vehicle.vehicleId, { mileage: 1000 + index });
}

/** The GETs since the log was cleared: the profile reads, and the list reads per shop. */
function gets(path = '/vehicles') {
	const calls = apiCalls(ctx.sandbox).filter((call) => call.method === 'GET');
	const perShop = new Map<string, number>();
	for (const call of calls.filter((c) => c.path === path))
		perShop.set(call.query.companyId, (perShop.get(call.query.companyId) ?? 0) + 1);
	return {
		profile: calls.filter((c) => c.path === '/partners/profile').length,
		lists: calls.filter((c) => c.path === path).length,
		perShop,
		all: calls.length,
	};
}

const version = (v: IDataObject) =>
	`${String(v.companyId)}/${String(v.vehicleId)}@${String(v.updatedDate)}`;

describe('every company in the profile', () => {
	it('one change in each of 3 shops: one poll emits the 3, each once and saying its shop; an idle poll is a GET per shop and one for the profile', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger({ companies: 'all' });
		expect(await trigger.poll()).toEqual([]);
		const activation = gets();
		expect([...activation.perShop.keys()].sort()).toEqual([...SHOPS].sort());
		sandbox.clock.advance(MINUTE / 2);
		// Changed last shop first: the poll reads them in the profile's order, and emits oldest first.
		const changed = [SHOPS[19], SHOPS[7], SHOPS[0]].map((shop, i) => {
			sandbox.clock.advance(1000);
			return change(shop, i);
		});
		sandbox.clock.advance(MINUTE / 2);
		sandbox.clearLog();
		const emitted = await trigger.poll();
		expect(emitted.map(version)).toEqual(changed.map(version));
		const busy = gets();
		sandbox.clock.advance(MINUTE);
		sandbox.clearLog();
		expect(await trigger.poll()).toEqual([]);
		const idle = gets();
		expect(idle).toMatchObject({ profile: 1, lists: 20, all: 21 });
		expect([...idle.perShop.values()].every((n) => n === 1)).toBe(true);

		// Before: a trigger per shop, each polling one company (the trigger as it was, unchanged).
		const perShop = SHOPS.map((companyId) => activeTrigger({ companyId }));
		for (const one of perShop) await one.poll();
		sandbox.clock.advance(MINUTE / 2);
		const again = [SHOPS[0], SHOPS[7], SHOPS[19]].map((shop, i) => change(shop, i + 3));
		sandbox.clock.advance(MINUTE / 2);
		sandbox.clearLog();
		const executions: IDataObject[][] = [];
		for (const one of perShop) {
			const items = await one.poll();
			if (items.length > 0) executions.push(items);
		}
		expect(executions.flat().map((v) => v.vehicleId)).toEqual(again.map((v) => v.vehicleId));
		const before = gets();
		rows.push([
			'One change in each of 3 of 20 shops; Companies: Every Company in the Profile',
			`one execution with the 3 changes, oldest first, each saying its shop (\`companyId\`); before: 20 triggers (one per shop), ${executions.length} executions of 1`,
			`${emitted.length} / ${changed.length}, then 0 in the next poll`,
			`${busy.lists} lists + ${busy.profile} profile (20 triggers: ${before.lists} lists); idle ${idle.lists} + ${idle.profile}; activation ${activation.lists} + ${activation.profile}`,
		]);
	});
});

describe('several companies', () => {
	it('reads only the shops chosen, without the profile; a list or "id, id" from an expression', async () => {
		const { sandbox } = ctx;
		const chosen = [SHOPS[2], SHOPS[9], SHOPS[15]];
		const listed = activeTrigger({ companies: 'several', companyIds: chosen });
		const typed = activeTrigger({ companies: 'several', companyIds: `${chosen[0]}, ${chosen[1]}` });
		await listed.poll();
		await typed.poll();
		sandbox.clock.advance(MINUTE / 2);
		const inside = change(SHOPS[9]);
		change(SHOPS[10]);
		sandbox.clock.advance(MINUTE / 2);
		sandbox.clearLog();
		expect((await listed.poll()).map(version)).toEqual([version(inside)]);
		const idle = gets();
		expect(idle).toMatchObject({ profile: 0, lists: 3 });
		expect([...idle.perShop.keys()].sort()).toEqual([...chosen].sort());
		expect((await typed.poll()).map(version)).toEqual([version(inside)]);
		rows.push([
			'Companies: Several Companies, 3 of the 20 chosen; a change in one of them and one in a shop not chosen',
			'emits the chosen shop’s change; reads no other shop and not the profile',
			'1 / 1',
			`${idle.lists} lists`,
		]);
	});

	it('fails saying what to do when none is chosen', async () => {
		const trigger = activeTrigger({ companies: 'several', companyIds: [] });
		await expect(trigger.poll()).rejects.toThrow('No company chosen in Company Names or IDs');
		expect(apiCalls(ctx.sandbox)).toEqual([]);
	});
});

describe('sharing Max Requests per Poll (50, the default) between 20 shops', () => {
	/** `count` new vehicles in each of `shops`, a round every `everyMs` of AutoLeap's clock. */
	function importVehicles(shops: string[], count: number, everyMs: number) {
		const owners = shops.map((shop) => ctx.sandbox.store.list('customers', shop)[0]);
		for (let i = 0; i < count; i++) {
			ctx.sandbox.clock.advance(everyMs);
			for (const owner of owners)
				ctx.sandbox.store.create('vehicles', {
					companyId: owner.companyId,
					customerId: owner.customerId,
					make: 'Ford',
					model: `Transit ${i}`,
				});
		}
	}

	/** Polls a minute apart until `done` (or 20 polls): per poll, what each shop got. */
	async function pollUntil(
		poll: () => Promise<IDataObject[]>,
		shops: string[],
		done: (emitted: IDataObject[]) => boolean,
		between: (poll: number) => void = () => ctx.sandbox.clock.advance(MINUTE),
	) {
		const emitted: IDataObject[] = [];
		const polls: Array<{ lists: number; gets: number[]; items: number[]; emitted: IDataObject[] }> =
			[];
		while (polls.length < 20 && !done(emitted)) {
			between(polls.length);
			ctx.sandbox.clearLog();
			const items = await poll();
			emitted.push(...items);
			const sent = gets();
			polls.push({
				lists: sent.lists,
				gets: shops.map((shop) => sent.perShop.get(shop) ?? 0),
				items: shops.map((shop) => items.filter((v) => v.companyId === shop).length),
				emitted: items,
			});
		}
		return { emitted, polls };
	}

	it('a cap below the number of shops (Max Requests per Poll 5, its least): every shop is still read, once, each poll', async () => {
		const { sandbox } = ctx;
		const trigger = activeTrigger({ companies: 'all', options: { maxRequests: 5 } });
		await trigger.poll();
		sandbox.clock.advance(MINUTE / 2);
		const changed = SHOPS.map((shop) => {
			sandbox.clock.advance(100);
			return change(shop, 1);
		});
		sandbox.clock.advance(MINUTE / 2);
		sandbox.clearLog();
		expect((await trigger.poll()).map(version)).toEqual(changed.map(version));
		const sent = gets();
		expect(sent).toMatchObject({ profile: 1, lists: 20 });
		expect([...sent.perShop.values()].every((n) => n === 1)).toBe(true);
		rows.push([
			'A change in each of the 20 shops; Max Requests per Poll 5 (its least)',
			'reads every shop once anyway: each shop’s first slice always completes, so none waits for a later poll',
			'20 / 20 in one poll',
			`${sent.lists} lists + ${sent.profile} profile`,
		]);
	});

	it('a backfill of 3,000 changes in one shop holds back no other shop’s change past its poll', async () => {
		const { sandbox } = ctx;
		const [busy, other] = [SHOPS[3], SHOPS[11]];
		const trigger = activeTrigger({ companies: 'all' });
		await trigger.poll();
		// 3,000 vehicles imported into one shop within 2.5 minutes, and a change in another shop
		// in every minute.
		const made: IDataObject[] = [];
		const { emitted, polls } = await pollUntil(
			() => trigger.poll(),
			[busy],
			(all) => all.length === 3000 + made.length,
			(poll) => {
				if (poll < 3) importVehicles([busy], 1000, 50);
				else sandbox.clock.advance(MINUTE - 10_000);
				made.push(change(other, poll));
				sandbox.clock.advance(10_000);
			},
		);
		// Each of the other shop's changes comes in the poll right after it.
		expect(polls.map((p) => p.emitted.filter((v) => v.companyId === other).map(version))).toEqual(
			made.map((c) => [version(c)]),
		);
		const fromBusy = emitted.filter((v) => v.companyId === busy);
		expect(fromBusy).toHaveLength(3000);
		// The import's polls stopped at its share: their items say how late they are; the other's are on time.
		expect(fromBusy.some((v) => (v.autoLeapTrigger as IDataObject)?.skippedPolls === 0)).toBe(true);
		expect(emitted.filter((v) => v.companyId === other).every((v) => !v.autoLeapTrigger)).toBe(
			true,
		);
		expect(new Set(emitted.map(version)).size).toBe(emitted.length);
		expect(Math.max(...polls.map((p) => p.lists))).toBeLessThanOrEqual(50);
		rows.push([
			'3,000 vehicles imported into one shop within 2.5 minutes; meanwhile a change a minute in another',
			'the import takes the requests the idle shops leave, its items marked with their lag; every other shop is read, once, each poll',
			`3,000 / 3,000 after ${polls.length} polls; the other shop’s ${made.length} / ${made.length}, each in the poll after it`,
			`at most ${Math.max(...polls.map((p) => p.lists))} lists (the import’s ${Math.max(...polls.map((p) => p.gets[0]))}) + 1 profile`,
		]);
	});

	it('three shops backfilling at once get equal shares: none waits while another is served', async () => {
		const busy = [SHOPS[1], SHOPS[6], SHOPS[13]];
		const expected = 3 * 600;
		const trigger = activeTrigger({ companies: 'all' });
		await trigger.poll();
		importVehicles(busy, 600, 100);
		const after = await pollUntil(
			() => trigger.poll(),
			busy,
			(all) => all.length === expected,
		);
		const firstItems = (polls: typeof after.polls) =>
			busy.map((_, shop) => polls.findIndex((p) => p.items[shop] > 0));
		// Each poll: the three busy shops' requests within one of each other, the cap held.
		for (const poll of after.polls) {
			expect(Math.max(...poll.gets) - Math.min(...poll.gets)).toBeLessThanOrEqual(1);
			expect(poll.lists).toBeLessThanOrEqual(50);
		}
		expect(new Set(firstItems(after.polls)).size).toBe(1);
		expect(new Set(after.emitted.map(version)).size).toBe(expected);

		// Before: a trigger per shop, each with a cap of its own.
		ctx.sandbox.reset();
		const perShop = SHOPS.map((companyId) => activeTrigger({ companyId }));
		for (const one of perShop) await one.poll();
		importVehicles(busy, 600, 100);
		const before = await pollUntil(
			async () => {
				const items: IDataObject[] = [];
				for (const one of perShop) items.push(...(await one.poll()));
				return items;
			},
			busy,
			(all) => all.length === expected,
		);
		const most = (polls: typeof after.polls) => Math.max(...polls.map((p) => p.lists));
		const fullest = after.polls.find((p) => p.lists === most(after.polls))!;
		const idleCost = fullest.lists - fullest.gets.reduce((a, b) => a + b, 0);
		rows.push([
			'600 vehicles imported into each of 3 shops at once',
			`the ${idleCost} idle shops cost one request each; the 3 share the rest equally (${fullest.gets.join(', ')}), and each emits from the same poll on`,
			`${after.emitted.length} / ${expected} after ${after.polls.length} polls; before (20 triggers, a cap of 50 each): ${before.emitted.length} / ${expected} after ${before.polls.length}`,
			`at most ${most(after.polls)} lists (+ 1 profile); before: ${most(before.polls)} a round`,
		]);
	});
});

describe('restarts, upgrades and changes of settings', () => {
	it('a one-company trigger switched to every company keeps that shop’s place; restarts during an import lose and repeat nothing; and back', async () => {
		const { sandbox } = ctx;
		const [first, importing, other] = [SHOPS[0], SHOPS[8], SHOPS[16]];
		// A trigger as stored before several companies: no Companies parameter, one cursor.
		const trigger = activeTrigger({ companyId: first });
		await trigger.poll();
		sandbox.clock.advance(MINUTE);
		const c1 = change(first, 0);
		sandbox.clock.advance(MINUTE);
		expect((await trigger.poll()).map(version)).toEqual([version(c1)]);
		expect(Object.keys(trigger.state)).toEqual(['cursor']);

		// Changed while the workflow is edited to watch every company, and n8n restarts.
		sandbox.clock.advance(MINUTE / 2);
		const c2 = change(first, 1);
		const history = change(other, 0); // in a shop not watched yet: not emitted (Start From Now)
		sandbox.clock.advance(MINUTE / 2);
		trigger.parameters.companies = 'all';
		trigger.restart();
		const switched = await trigger.poll();
		expect(switched.map(version)).toEqual([version(c2)]);
		expect(switched.some((v) => v.vehicleId === history.vehicleId)).toBe(false);
		expect(Object.keys(trigger.state)).toEqual(['cursors']);
		expect(Object.keys(trigger.state.cursors as IDataObject).sort()).toEqual([...SHOPS].sort());

		// 400 vehicles imported into one shop and a change a minute in another, Max Requests per
		// Poll 30: the import takes several polls; n8n restarts before every one of them.
		trigger.parameters.options = { maxRequests: 30 };
		const owner = sandbox.store.list('customers', importing)[0];
		const imported = Array.from({ length: 400 }, (_, i) => {
			sandbox.clock.advance(100);
			return sandbox.store.create('vehicles', {
				companyId: importing,
				customerId: owner.customerId,
				make: 'Ram',
				model: `ProMaster ${i}`,
			});
		});
		const made: string[] = [];
		const emitted: IDataObject[] = [];
		let polls = 0;
		let marked = 0;
		for (; polls < 20 && emitted.filter((v) => v.companyId === importing).length < 400; polls++) {
			sandbox.clock.advance(MINUTE / 2);
			made.push(version(change(other, polls + 1)));
			sandbox.clock.advance(MINUTE / 2);
			trigger.restart();
			const items = await trigger.poll();
			marked += items.filter((v) => v.autoLeapTrigger !== undefined).length;
			emitted.push(...items);
		}
		const fromImport = emitted.filter((v) => v.companyId === importing);
		expect(fromImport.map((v) => v.vehicleId).sort()).toEqual(
			imported.map((v) => v.vehicleId).sort(),
		);
		expect(emitted.filter((v) => v.companyId === other).map(version)).toEqual(made);
		expect(new Set(emitted.map(version)).size).toBe(emitted.length);
		expect(polls).toBeGreaterThan(1);
		expect(marked).toBeGreaterThan(0);

		// Back to one company: it keeps its place again.
		delete trigger.parameters.companies;
		sandbox.clock.advance(MINUTE / 2);
		const c3 = change(first, 2);
		sandbox.clock.advance(MINUTE / 2);
		trigger.restart();
		expect((await trigger.poll()).map(version)).toEqual([version(c3)]);
		expect(Object.keys(trigger.state)).toEqual(['cursor']);
		rows.push([
			'A one-company trigger (its cursor stored as before) switched to every company; then 400 vehicles imported into one shop, Max Requests per Poll 30, n8n restarting before each poll; then back to one company',
			'the first shop keeps its place (no repeat, no loss, no backfill); the other shops start at the switch; the import continues across restarts',
			`each change once: 2 + 1 in the first shop; 400 / 400 imported after ${polls} polls; ${made.length} / ${made.length} in another shop`,
			'–',
		]);
	});
});

describe('the profile changes', () => {
	it('a shop that joins starts at the first poll that sees it; one that leaves is no longer read and keeps its place; back, it continues', async () => {
		const { sandbox } = ctx;
		const [joining, leaving] = [SHOPS[19], SHOPS[4]];
		sandbox.setProfileCompanies(SHOPS.slice(0, 19));
		const trigger = activeTrigger({ companies: 'all' });
		await trigger.poll();
		expect(gets().perShop.has(joining)).toBe(false);

		const history = change(joining, 0);
		sandbox.clock.advance(MINUTE);
		sandbox.setProfileCompanies(SHOPS);
		expect(await trigger.poll()).toEqual([]);
		sandbox.clock.advance(MINUTE / 2);
		const joined = change(joining, 1);
		sandbox.clock.advance(MINUTE / 2);
		expect((await trigger.poll()).map(version)).toEqual([version(joined)]);
		expect(history.vehicleId).not.toBe(joined.vehicleId);

		sandbox.setProfileCompanies(SHOPS.filter((shop) => shop !== leaving));
		const away = change(leaving, 0);
		sandbox.clock.advance(MINUTE);
		sandbox.clearLog();
		expect(await trigger.poll()).toEqual([]);
		const without = gets();
		expect(without).toMatchObject({ profile: 1, lists: 19 });
		expect(without.perShop.has(leaving)).toBe(false);
		expect(Object.keys(trigger.state.cursors as IDataObject)).toContain(leaving);

		sandbox.setProfileCompanies(SHOPS);
		sandbox.clock.advance(MINUTE);
		expect((await trigger.poll()).map(version)).toEqual([version(away)]);
		rows.push([
			'Every Company in the Profile: a shop joins the profile, another leaves it and comes back (a change made while it was out)',
			'the profile is read at every poll: the new shop starts there (its earlier change is history); the one that left is not read, keeps its place, and continues where it stopped',
			'2 / 2 (1 after joining, 1 from the shop that came back); the change from before joining: 0',
			`${without.lists} lists + ${without.profile} profile while one shop is out`,
		]);
	});

	it('a profile that holds no companies where the node looks fails the poll saying what it held; nothing is stored', async () => {
		const proxy = await startRewritingProxy(ctx.sandbox.url, {
			response: (answer, call) => {
				if (!call.path.endsWith('/partners/profile')) return;
				const [profile] = (answer.body as { results: { content: IDataObject[] } }).results.content;
				profile.shops = profile.companies;
				delete profile.companies;
			},
		});
		try {
			const credentials = credentialsFor(ctx.sandbox, { customUrl: proxy.url, rateWindowMs: 1000 });
			const trigger = activeTrigger({ companies: 'all' }, credentials);
			await expect(trigger.poll()).rejects.toThrow(
				'The partner profile holds no list of companies',
			);
			expect(gets()).toMatchObject({ profile: 1, lists: 0 });
			expect(trigger.state).toBeUndefined();
		} finally {
			await proxy.close();
		}
	});
});

describe('a shop AutoLeap refuses', () => {
	it('fails the poll naming the shop; no shop’s place moves, and their changes come once it is taken out', async () => {
		const { sandbox } = ctx;
		const [a, refused, b] = [SHOPS[0], SHOPS[2], SHOPS[5]];
		const trigger = activeTrigger({ companies: 'several', companyIds: [a, refused, b] });
		await trigger.poll();
		sandbox.clock.advance(MINUTE / 2);
		const changed = [a, b].map((shop) => change(shop, 0));
		sandbox.clock.advance(MINUTE / 2);
		// The partner may no longer read that shop.
		sandbox.setProfileCompanies(SHOPS.filter((shop) => shop !== refused));
		const before = structuredClone(trigger.state);
		sandbox.clearLog();
		const failure = (await trigger.poll().then(
			() => undefined,
			(error: unknown) => error,
		)) as Error & { description?: string; staticData?: IDataObject };
		expect(failure).toBeInstanceOf(Error);
		expect(failure.message).toMatch(new RegExp(`^Company ${refused}: `));
		expect(failure.description).toContain("take it out of the trigger's companies");
		// What the failed poll left in the workflow's static data: nothing moved.
		expect(failure.staticData?.['node:AutoLeap Trigger']).toEqual(before);
		const refusedGets = apiCalls(sandbox).filter((c) => c.query.companyId === refused);
		expect(refusedGets.map((c) => c.status)).toEqual([403]);

		trigger.parameters.companyIds = [a, b];
		expect((await trigger.poll()).map(version)).toEqual(changed.map(version));
		rows.push([
			'Several Companies: AutoLeap refuses one of the 3 shops (403) while the other two have a change',
			`the poll fails: "${failure.message.split(':')[0]}: …"; no shop’s place moves; with the shop taken out, the next poll emits both changes`,
			'0 / 2 while refused, then 2 / 2',
			'–',
		]);
	});
});

describe('per shop, what holds for one', () => {
	it('n8n’s clock 10 minutes ahead of AutoLeap’s: each shop takes its start point on AutoLeap’s time, and its change comes once', async () => {
		const { sandbox } = ctx;
		const shops = SHOPS.slice(5, 10);
		const ahead = new AutoLeapTrigger({ now: () => sandbox.clock.now() + 10 * MINUTE });
		const parameters = {
			event: 'vehicleUpdated',
			companies: 'several',
			companyIds: shops,
			startFrom: 'now',
			simplify: true,
			options: {},
		};
		let staticData: IDataObject = {};
		const poll = async () => {
			const result = await runPoll({
				nodeType: ahead,
				parameters,
				credentials: ctx.credentials,
				staticData,
			});
			staticData = result.staticData;
			return result.items?.map((item) => item.json) ?? [];
		};
		expect(await poll()).toEqual([]);
		// Each shop's start read showed the clocks apart, and was read again around AutoLeap's time.
		expect([...gets().perShop.values()]).toEqual(shops.map(() => 2));
		sandbox.clock.advance(MINUTE / 2);
		const changed = shops.map((shop, i) => change(shop, i));
		sandbox.clock.advance(MINUTE / 2);
		expect((await poll()).map(version)).toEqual(changed.map(version));
		sandbox.clock.advance(MINUTE);
		expect(await poll()).toEqual([]);
	});

	it('a proxy drops the date filter from one shop’s reads: the poll fails naming the shop and the filter; no shop’s place moves', async () => {
		const { sandbox } = ctx;
		const [a, stripped] = [SHOPS[0], SHOPS[12]];
		const proxy = await startRewritingProxy(sandbox.url);
		try {
			const credentials = credentialsFor(sandbox, { customUrl: proxy.url, rateWindowMs: 1000 });
			const trigger = activeTrigger(
				{ companies: 'several', companyIds: [a, stripped] },
				credentials,
			);
			await trigger.poll();
			sandbox.clock.advance(MINUTE / 2);
			const changed = change(a, 0);
			sandbox.clock.advance(MINUTE / 2);
			proxy.setRules({
				request: (call) => {
					if (call.query.get('companyId') !== stripped) return;
					call.query.delete('updatedDateStart');
					call.query.delete('updatedDateEnd');
				},
			});
			const before = structuredClone(trigger.state);
			const failure = (await trigger.poll().then(
				() => undefined,
				(error: unknown) => error,
			)) as Error & { staticData?: IDataObject };
			expect(failure.message).toBe(
				`Company ${stripped}: AutoLeap ignored the updated-date filter for vehicles`,
			);
			expect(failure.staticData?.['node:AutoLeap Trigger']).toEqual(before);
			proxy.setRules({});
			expect((await trigger.poll()).map(version)).toEqual([version(changed)]);
		} finally {
			await proxy.close();
		}
	});
});

it('Fetch Test Event: the newest change of the first shop holding one, saying its shop; nothing stored', async () => {
	const { sandbox } = ctx;
	const trigger = activeTrigger({ companies: 'all' });
	sandbox.clock.advance(MINUTE);
	const newest = change(SHOPS[0], 4);
	sandbox.clock.advance(1000);
	expect((await trigger.poll('manual')).map(version)).toEqual([version(newest)]);
	expect(trigger.state).toBeUndefined();
	expect(gets()).toMatchObject({ profile: 1 });
	expect([...gets().perShop.keys()]).toEqual([SHOPS[0]]);
});

it('README: the trigger-shops table is what these tests measured', () => {
	expect(rows).toHaveLength(8);
	expectReadmeBlock(
		'trigger-shops',
		markdownTable(
			['Situation', 'What the trigger does', 'Changes emitted / made', 'GETs per poll'],
			rows,
		),
	);
});
