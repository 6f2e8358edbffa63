import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { parse } from 'yaml';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { DEMO_COMPANY_ID, run, useSandbox } from './helpers';

/**
 * Every operation of reference/openapi.yaml (the inferred ones included) must be reachable from
 * some resource/operation of the node. Each operation of the node is run once against the sandbox
 * (which validates every request against the same contract) and the request log says which
 * (method, path) it sent: declarative routing and the customOperations' bulk writes alike.
 *
 * Login and token refresh are the credential's, not the node's: login is sent by the credential's
 * preAuthentication (checked below), and the credential logs in again instead of calling
 * generateNewAccessToken, so no node operation sends that.
 */
const CREDENTIAL_OPERATIONS = ['POST /partners/login', 'POST /partners/generateNewAccessToken'];

const ctx = useSandbox();

const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
const first = (resource: Parameters<typeof ctx.sandbox.store.list>[0]) =>
	ctx.sandbox.store.list(resource, DEMO_COMPANY_ID)[0];
const company = { companyId: DEMO_COMPANY_ID };

/** One run of every resource/operation of the node, with the parameters it needs. */
const RUNS: Record<string, () => INodeParameters> = {
	'appointmentRequest.create': () => ({
		...company,
		startDateTime: '2025-08-01T09:00:00Z',
		endDateTime: '2025-08-01T10:00:00Z',
		customerFirstName: 'Jane',
		customerLastName: 'Smith',
	}),
	'appointmentRequest.getAll': () => ({ ...company, limit: 1 }),
	'customer.archive': () => ({ ...company, customerId: byId(first('customers').customerId) }),
	'customer.create': () => ({ ...company, firstName: 'Jane', lastName: 'Smith' }),
	'customer.get': () => ({ ...company, customerId: byId(first('customers').customerId) }),
	'customer.getAll': () => ({ ...company, limit: 1 }),
	'customer.update': () => ({
		...company,
		customerId: byId(first('customers').customerId),
		inputMode: 'json',
		recordJson: '{"notes":"contract"}',
	}),
	'inventoryLevel.getAll': () => ({ ...company, limit: 1 }),
	'inventoryLevel.update': () => {
		const level = first('inventoryLevels');
		return {
			...company,
			itemId: level.itemId,
			locationId: level.locationId,
			updateFields: { quantityOnHand: 5 },
		};
	},
	'item.archive': () => ({ ...company, itemId: first('items').itemId }),
	'item.create': () => ({
		...company,
		itemType: 'part',
		itemName: 'Brake Pad Set',
		itemNumber: 'BP-1',
		partDetails: { costPerUnit: 25, pricePerUnit: 45 },
	}),
	'item.get': () => ({ ...company, itemId: first('items').itemId }),
	'item.getAll': () => ({ ...company, limit: 1 }),
	'itemPricing.get': () => ({ ...company, itemId: first('items').itemId }),
	'itemPricing.update': () => ({
		...company,
		itemId: first('items').itemId,
		updateFields: { pricePerUnit: 50 },
	}),
	'partner.getProfile': () => ({}),
	'partner.logOut': () => ({}),
	'payment.getAll': () => ({ ...company, limit: 1 }),
	'repairOrder.get': () => ({ ...company, roNumber: String(first('orders').repairOrderNumber) }),
	'repairOrder.getAll': () => ({ ...company, limit: 1 }),
	'technicianTimesheet.getAll': () => ({
		...company,
		startDate: '2000-01-01T00:00:00Z',
		endDate: '2100-01-01T00:00:00Z',
		limit: 1,
	}),
	'vehicle.archive': () => ({ ...company, vehicleId: byId(first('vehicles').vehicleId) }),
	'vehicle.create': () => ({
		...company,
		customerId: byId(first('customers').customerId),
		additionalFields: { make: 'Honda' },
	}),
	'vehicle.get': () => ({ vehicleId: byId(first('vehicles').vehicleId) }),
	'vehicle.getAll': () => ({ ...company, limit: 1 }),
	'vehicle.update': () => ({
		...company,
		vehicleId: byId(first('vehicles').vehicleId),
		updateFields: { mileage: 1 },
	}),
};

interface Documented {
	key: string;
	method: string;
	pattern: RegExp;
}

function documentedOperations(): Documented[] {
	const contract = parse(readFileSync(join(__dirname, '../../reference/openapi.yaml'), 'utf8')) as {
		paths: Record<string, Record<string, unknown>>;
	};
	return Object.entries(contract.paths).flatMap(([path, item]) =>
		Object.keys(item)
			.filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
			.map((method) => ({
				key: `${method.toUpperCase()} ${path}`,
				method: method.toUpperCase(),
				pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
			})),
	);
}

/** The node's resource/operation pairs, from its description. */
function nodeOperations(): string[] {
	const { properties } = new AutoLeap().description;
	const resources = (
		properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>
	).map((o) => o.value);
	return resources.flatMap((resource) => {
		const selector = properties.find(
			(p: INodeProperties) =>
				p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		)!;
		return (selector.options as Array<{ value: string }>).map((o) => `${resource}.${o.value}`);
	});
}

describe('contract: reference/openapi.yaml against the node', () => {
	it('lists every operation of the node in this test', () => {
		expect(Object.keys(RUNS).sort()).toEqual(nodeOperations().sort());
	});

	it('reaches every documented operation, and sends nothing undocumented', async () => {
		const documented = documentedOperations();
		expect(documented.length).toBeGreaterThanOrEqual(28);
		const reachedBy = new Map<string, string[]>();
		const undocumented: string[] = [];

		for (const [name, parameters] of Object.entries(RUNS)) {
			const [resource, operation] = name.split('.');
			ctx.sandbox.clearLog();
			const result = await run(ctx.credentials, { resource, operation, ...parameters() });
			expect({ name, error: result.error?.message }).toEqual({ name, error: undefined });
			// A 401 (after Log Out) is answered by a new login and the same request again.
			for (const entry of ctx.sandbox.requestLog.filter((e) => e.status !== 401)) {
				const match = documented.find(
					(op) => op.method === entry.method && op.pattern.test(entry.path),
				);
				if (!match) undocumented.push(`${name}: ${entry.method} ${entry.path}`);
				else if (!CREDENTIAL_OPERATIONS.includes(match.key)) {
					expect({ name, sent: `${entry.method} ${entry.path}`, status: entry.status }).toEqual({
						name,
						sent: `${entry.method} ${entry.path}`,
						status: 200,
					});
					reachedBy.set(match.key, [...(reachedBy.get(match.key) ?? []), name]);
				}
			}
		}

		expect(undocumented).toEqual([]);
		const unreached = documented
			.map((op) => op.key)
			.filter((key) => !CREDENTIAL_OPERATIONS.includes(key) && !reachedBy.has(key));
		expect(unreached).toEqual([]);
	});

	it('leaves login to the credential', async () => {
		ctx.sandbox.clearLog();
		await run(ctx.credentials, { resource: 'partner', operation: 'getProfile' });
		expect(ctx.sandbox.requestLog.map((e) => `${e.method} ${e.path}`)).toEqual([
			'POST /partners/login',
			'GET /partners/profile',
		]);
	});
});
