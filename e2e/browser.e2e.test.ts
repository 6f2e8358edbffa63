/**
 * The n8n editor in a real browser (Debian's chromium): our packed package installed in n8n 2.41.1,
 * checked the way a user meets it — node creator, node panel, Company picker, Execute step and the
 * credential test — against the sandbox. Screenshots go to e2e/.cache/browser-screenshots.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { AutoLeap } from '../nodes/AutoLeap/AutoLeap.node';
import { TRIGGER_EVENTS } from '../nodes/AutoLeapTrigger/events';
import {
	DEMO_COMPANY_ID,
	DEMO_PARTNER,
	PARTNERS,
	startSandbox,
	type RequestLogEntry,
	type Sandbox,
} from '../sandbox';
import { CHROMIUM, runEditorFlow, SHOTS, type EditorSaw } from './browser/editor';
import { CREDENTIAL, N8n, type N8nServer } from './lib/n8n';
import { PACK_DIR, packedPackage } from './lib/runtime';

const SCREENSHOTS = join(PACK_DIR, 'browser-screenshots');

const options = (name: string) =>
	new AutoLeap().description.properties
		.filter((property) => property.name === name)
		.flatMap((property) => property.options as INodePropertyOptions[]);

describe('the n8n editor in a real browser', () => {
	let sandbox: Sandbox | undefined;
	let n8n: N8n | undefined;
	let server: N8nServer | undefined;
	let saw: EditorSaw;

	/** What AutoLeap received between two marks of the flow. */
	const requests = (from: number, to: number): RequestLogEntry[] =>
		sandbox!.requestLog.filter((entry) => entry.at >= from && entry.at <= to);

	beforeAll(async () => {
		if (!existsSync(CHROMIUM)) {
			throw new Error(
				`This test needs Debian's chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\``,
			);
		}
		sandbox = await startSandbox({ port: 0 });
		n8n = N8n.create(packedPackage());
		await n8n.importCredential({ ...DEMO_PARTNER, customUrl: sandbox.url });
		server = await n8n.start();
		saw = await runEditorFlow(server, SCREENSHOTS);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
		n8n?.dispose();
	});

	it('lists every trigger event and every action of the node, grouped by resource', () => {
		expect(saw.triggerEvents.sort()).toEqual(
			TRIGGER_EVENTS.map((event) => `On ${event.name.toLowerCase()}`).sort(),
		);
		const actions = options('operation').map((operation) => operation.action);
		expect(actions).toHaveLength(26);
		expect(saw.actions.sort()).toEqual(actions.sort());
		expect(saw.actionGroups.sort()).toEqual(
			options('resource')
				.map((resource) => `${resource.name.toUpperCase()} ACTIONS`)
				.sort(),
		);
	});

	it('opens the picked action with the imported credential and its parameters', () => {
		expect(saw.panel).toMatchObject({
			title: 'Get many vehicles',
			credential: CREDENTIAL.name,
			resource: 'Vehicle',
			operation: 'Get Many',
		});
		expect(saw.panel.labels).toEqual(
			expect.arrayContaining([
				'Resource',
				'Operation',
				'Company Name or ID',
				'Return All',
				'Limit',
				'Simplify',
				'Filters',
			]),
		);
	});

	it("loads the Company picker from the partner's profile in the sandbox", () => {
		const profile = PARTNERS.find(
			(partner) => partner.partnerId === DEMO_PARTNER.partnerId,
		)!.profile;
		expect(saw.companyOptions).toEqual(profile.companies.map((company) => company.name));
		const asked = requests(saw.marks.panel, saw.marks.execute).filter(
			(entry) => entry.path === '/partners/profile',
		);
		expect(asked.map((entry) => entry.status)).toContain(200);
	});

	it("Execute step shows the first company's vehicles, read from the sandbox", () => {
		expect(saw.output.count).toBe('50 items');
		const known = new Set(
			sandbox!.store.list('vehicles', DEMO_COMPANY_ID).map((vehicle) => String(vehicle.vehicleId)),
		);
		expect(saw.output.vehicleIds.length).toBeGreaterThan(0);
		expect(saw.output.vehicleIds.filter((id) => !known.has(id))).toEqual([]);
		const reads = requests(saw.marks.execute, saw.marks.credentialTest).filter(
			(entry) => entry.path === '/vehicles',
		);
		expect(
			reads.map((entry) => [entry.method, entry.query.companyId, entry.status]),
		).toContainEqual(['GET', DEMO_COMPANY_ID, 200]);
	});

	it('tests the credential against the sandbox: success, then a clear failure with a wrong Auth Key', () => {
		expect(saw.credentialTest.success).toBe('Connection tested successfully');
		const test = requests(saw.marks.credentialTest, saw.marks.wrongKey).filter(
			(entry) => entry.path === '/partners/profile',
		);
		expect(test.map((entry) => entry.status)).toContain(200);

		expect(saw.credentialTest.failure).toBe('Couldn’t connect with these settings');
		expect(saw.credentialTest.failureDetails).toBe('AutoLeap rejected the Partner ID or Auth Key');
		const refused = requests(saw.marks.wrongKey, saw.marks.end).filter(
			(entry) => entry.path === '/partners/login',
		);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.every((entry) => entry.status >= 400)).toBe(true);
	});

	it("adds the trigger with the picked event and offers all of the trigger's events", () => {
		expect(saw.trigger).toEqual({
			title: 'AutoLeap Trigger',
			event: 'Vehicle Updated',
			eventOptions: TRIGGER_EVENTS.map((event) => event.name),
		});
	});

	it('saved a 1400×900 PNG of each moment', () => {
		expect(saw.screenshots.sort()).toEqual(Object.values(SHOTS).sort());
		for (const name of saw.screenshots) {
			const png = readFileSync(join(SCREENSHOTS, name));
			expect(png.subarray(1, 4).toString()).toBe('PNG');
			expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 900]); // IHDR width, height
		}
	});
});
