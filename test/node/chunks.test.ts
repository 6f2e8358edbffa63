import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { runNode } from '../harness';
import { apiCalls, DEMO_COMPANY_ID, jsonOf, run, useSandbox } from './helpers';

/**
 * Read in Chunks as a node: one item per chunk (its records under the resource's plural, its
 * number, `more`, `continueFrom`), linked to the input item it was read for; Simplify applies to
 * its records; every list whose records have an id offers it. test/changes/chunks covers the reads.
 */
const ctx = useSandbox();

const chunkOf = (resource: string, parameters: IDataObject = {}) => ({
	resource,
	operation: 'getAll',
	companyId: DEMO_COMPANY_ID,
	returnAll: true,
	readInChunks: true,
	chunkSize: 100,
	...parameters,
});

it('one item per chunk: the records, simplified by default, under the resource’s plural', async () => {
	const stored = ctx.sandbox.store.list('orders', DEMO_COMPANY_ID);
	const result = await run(ctx.credentials, chunkOf('repairOrder'));
	expect(result.error).toBeUndefined();
	const [chunk] = jsonOf(result.items);
	expect(Object.keys(chunk).sort()).toEqual(['chunk', 'continueFrom', 'more', 'repairOrders']);
	const orders = chunk.repairOrders as IDataObject[];
	expect(orders.map((o) => o.repairOrderNumber)).toEqual(
		stored.slice(0, 100).map((o) => o.repairOrderNumber),
	);
	// Simplify keeps the fields a workflow needs next, not the whole record.
	expect(Object.keys(orders[0]).length).toBeLessThan(Object.keys(stored[0]).length);
	expect(chunk).toMatchObject({ chunk: 1, more: true });

	const raw = await run(ctx.credentials, chunkOf('repairOrder', { simplify: false }));
	const [rawChunk] = jsonOf(raw.items);
	expect((rawChunk.repairOrders as IDataObject[])[0]).toEqual(stored[0]);
});

it('two input items: each reads its own chunk and its output item is linked to it', async () => {
	const vehicles = ctx.sandbox.store.list('vehicles', DEMO_COMPANY_ID);
	const first = jsonOf((await run(ctx.credentials, chunkOf('vehicle'))).items)[0];
	ctx.sandbox.clearLog();
	const result = await run(
		ctx.credentials,
		chunkOf('vehicle', { continueFrom: '={{ $json.continueFrom }}' }),
		{ inputItems: [{ continueFrom: first.continueFrom }, { continueFrom: '' }] },
	);
	expect(result.error).toBeUndefined();
	const chunks = jsonOf(result.items);
	const ids = (chunk: IDataObject) => (chunk.vehicles as IDataObject[]).map((v) => v.vehicleId);
	expect(chunks.map((c) => c.chunk)).toEqual([2, 1]);
	expect(ids(chunks[0])).toEqual(vehicles.slice(100, 200).map((v) => v.vehicleId));
	expect(ids(chunks[1])).toEqual(vehicles.slice(0, 100).map((v) => v.vehicleId));
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	// Chunk 2: page 1 again (where chunk 1 ended), page 2 and a probe; chunk 1: page 1 (one page
	// is one snapshot: nothing to check).
	expect(apiCalls(ctx.sandbox, '/vehicles')).toHaveLength(4);
});

it('the last chunk says so: more false, an empty continueFrom', async () => {
	const total = ctx.sandbox.store.list('customers', DEMO_COMPANY_ID).length;
	const result = await run(ctx.credentials, chunkOf('customer', { chunkSize: total + 10 }));
	const [chunk] = jsonOf(result.items);
	expect((chunk.customers as unknown[]).length).toBe(total);
	expect(chunk).toMatchObject({ chunk: 1, more: false, continueFrom: '' });
});

it('as an AI tool (the declarative engine alone) a chunk is the same one item', async () => {
	const tool = Object.assign(new AutoLeap(), { customOperations: undefined });
	const result = await runNode({
		nodeType: tool,
		parameters: chunkOf('vehicle'),
		credentials: ctx.credentials,
	});
	const [chunk] = jsonOf(result.items);
	expect(result.items).toHaveLength(1);
	expect((chunk.vehicles as unknown[]).length).toBe(100);
	expect(chunk.more).toBe(true);
});

it('every Get Many whose records have an id offers Read in Chunks; inventory levels do not', () => {
	const { properties } = new AutoLeap().description;
	const shownFor = (name: string) =>
		properties
			.filter((p: INodeProperties) => p.name === name)
			.flatMap((p) => p.displayOptions?.show?.resource as string[]);
	expect(shownFor('readInChunks').sort()).toEqual([
		'appointmentRequest',
		'customer',
		'item',
		'payment',
		'repairOrder',
		'technicianTimesheet',
		'vehicle',
	]);
	for (const name of ['chunkSize', 'continueFrom'])
		expect(shownFor(name).sort()).toEqual(shownFor('readInChunks').sort());
});

it('a Chunk Size that is not a whole number of at least 1 is refused before anything is sent', async () => {
	for (const chunkSize of [0, -5, 2.5, '={{ "many" }}']) {
		ctx.sandbox.clearLog();
		const result = await run(ctx.credentials, chunkOf('vehicle', { chunkSize }));
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(
			/^Item 1: "Chunk Size" must be a whole number of at least 1 \(got .*\)$/,
		);
		expect(apiCalls(ctx.sandbox, '/vehicles')).toHaveLength(0);
	}
});
