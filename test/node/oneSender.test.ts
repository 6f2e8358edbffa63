import type { INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { listRouting } from '../../nodes/AutoLeap/shared/routing';

/**
 * Every operation must send through the one AutoLeap sender: a declarative operation through one
 * of the routing builders (whose pagination function hands n8n's request to the AutoLeap client,
 * which sends it with `send`), the others through customOperations. A plain `routing.request`
 * would be sent by n8n itself, without pacing, retries or the credential's base URL. A
 * customOperation's only routing is the one that runs that same operation when the node is an AI
 * tool (shared/asTool.ts).
 */

type Node = Pick<AutoLeap, 'description' | 'customOperations'>;

/** The builders' pagination functions are named after them (routing.ts). */
const OUR_SENDERS = /^autoLeap(List|Record|Write)$/;

function bypasses(node: Node): string[] {
	const problems: string[] = [];
	const operations = node.description.properties.filter((p) => p.name === 'operation');
	for (const property of operations) {
		const resource = (property.displayOptions?.show?.resource as string[])[0];
		for (const option of (property.options ?? []) as Array<{
			value: string;
			routing?: INodePropertyRouting;
		}>) {
			const custom = (node.customOperations as Record<string, Record<string, unknown>>)[resource]?.[
				option.value
			];
			const pagination = option.routing?.operations?.pagination;
			const ours =
				typeof pagination === 'function' &&
				OUR_SENDERS.test(pagination.name) &&
				option.routing?.send?.paginate === true;
			if (!custom && !ours) problems.push(`${resource}.${option.value}`);
			// The tool routing runs the customOperation itself (test/node/asTool proves it sends the same).
			const asTool =
				typeof pagination === 'function' &&
				pagination.name === 'autoLeapAsTool' &&
				option.routing?.send?.paginate === true;
			if (custom && option.routing && !asTool)
				problems.push(`${resource}.${option.value} has routing and a customOperation`);
		}
	}
	return problems;
}

/** Every routing.request anywhere in the description. */
function requestsIn(value: unknown): object[] {
	if (Array.isArray(value)) return value.flatMap(requestsIn);
	if (value === null || typeof value !== 'object') return [];
	const request = (value as { routing?: INodePropertyRouting }).routing?.request;
	return [...(request ? [request] : []), ...Object.values(value).flatMap(requestsIn)];
}

const node = new AutoLeap();

it('sends every operation of every resource through the AutoLeap sender', () => {
	expect(bypasses(node)).toEqual([]);
	// 26 operations in all: none is left out of the check.
	const count = node.description.properties
		.filter((p) => p.name === 'operation')
		.reduce((sum, p) => sum + (p.options?.length ?? 0), 0);
	expect(count).toBe(26);
});

it('leaves the base URL to the sender: no request names one, and there is no default', () => {
	expect(node.description.requestDefaults?.baseURL).toBeUndefined();
	const found = requestsIn(node.description.properties);
	expect(found.length).toBeGreaterThan(10);
	expect(found.filter((request) => 'baseURL' in request)).toEqual([]);
});

it('would catch an operation with a plain routing.request, or none at all, or a customOperation routed elsewhere', () => {
	const planted = new AutoLeap();
	const vehicle = planted.description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'vehicle',
	)!;
	const options = (vehicle.options ?? []) as INodePropertyOptions[];
	vehicle.options = [
		...options.map((option) =>
			option.value === 'create' ? { ...option, routing: listRouting('/vehicles') } : option,
		),
		{ name: 'Plain', value: 'plain', routing: { request: { method: 'GET', url: '/vehicles' } } },
		{ name: 'Orphan', value: 'orphan' },
		{
			name: 'Paged Elsewhere',
			value: 'pagedElsewhere',
			routing: { ...listRouting('/vehicles'), operations: { pagination: async () => [] } },
		},
	];
	expect(bypasses(planted)).toEqual([
		'vehicle.create has routing and a customOperation',
		'vehicle.plain',
		'vehicle.orphan',
		'vehicle.pagedElsewhere',
	]);
});
