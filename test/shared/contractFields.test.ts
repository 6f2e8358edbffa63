import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import {
	ADDRESS_FIELDS,
	EMAIL_FIELDS,
	PHONE_FIELDS,
} from '../../nodes/shared/autoleap/fields/contact';
import type { FieldSpec } from '../../nodes/shared/autoleap/fields/spec';
import { CUSTOMER_FIELDS, CUSTOMER_NAME_FIELDS } from '../../nodes/shared/autoleap/fields/customer';
import { ITEM_TYPE_FILTERS, RESTOCK_LEVELS } from '../../nodes/shared/autoleap/enums';
import {
	INVENTORY_LEVEL_FIELDS,
	ITEM_PRICING_FIELDS,
} from '../../nodes/shared/autoleap/fields/stock';
import {
	ITEM_FIELDS,
	ITEM_REQUIRED_FIELDS,
	PART_DETAIL_FIELDS,
	TIRE_DETAIL_FIELDS,
} from '../../nodes/shared/autoleap/fields/item';
import { VEHICLE_FIELDS } from '../../nodes/shared/autoleap/fields/vehicle';

/** The node's field lists must say what reference/openapi.yaml says, so the two cannot drift. */
type Schema = {
	type?: string;
	enum?: string[];
	$ref?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	allOf?: Schema[];
};
const contract = parse(readFileSync(join(__dirname, '../../reference/openapi.yaml'), 'utf8'));
const schemas = contract.components.schemas as Record<string, Schema>;

function resolve(schema: Schema): Schema {
	return schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]) : schema;
}

function bodyItems(path: string, method: string, key: string): Schema {
	return resolve(
		contract.paths[path][method].requestBody.content['application/json'].schema.properties[key]
			.items,
	);
}

function queryParameter(
	path: string,
	name: string,
): { schema?: Schema; 'x-accepted-values'?: string[] } {
	return contract.paths[path].get.parameters.find((p: { name?: string }) => p.name === name);
}

const TYPES: Record<FieldSpec['kind'], string> = {
	string: 'string',
	options: 'string',
	dateTime: 'string',
	number: 'number',
	integer: 'integer',
	boolean: 'boolean',
	color: 'string',
};

const cases: Array<[string, readonly FieldSpec[], Schema]> = [
	['vehicle', VEHICLE_FIELDS, schemas.VehicleCreateItem],
	['customer', [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS], schemas.CustomerFields],
	['phone', PHONE_FIELDS, schemas.Phone],
	['email', EMAIL_FIELDS, schemas.Email],
	['address', ADDRESS_FIELDS, schemas.Address],
	['item', [...ITEM_REQUIRED_FIELDS, ...ITEM_FIELDS], schemas.ItemCreateItem],
	['part details', PART_DETAIL_FIELDS, schemas.PartDetails],
	['tire details', TIRE_DETAIL_FIELDS, schemas.TireDetails],
	[
		'inventory level',
		INVENTORY_LEVEL_FIELDS,
		bodyItems('/inventoryLevels', 'put', 'inventoryLevels'),
	],
	['item pricing', ITEM_PRICING_FIELDS, bodyItems('/itemPricing', 'put', 'items')],
];

describe.each(cases)('%s fields against the reference', (_name, specs, schema) => {
	const properties = resolve(schema).properties!;

	it.each(specs.map((spec) => [spec.name, spec] as const))(
		'%s exists with the same type and allowed values',
		(_field, spec) => {
			const property = resolve(properties[spec.name]);
			expect(property).toBeDefined();
			expect(property.type).toBe(TYPES[spec.kind]);
			expect(spec.values ? [...spec.values] : undefined).toEqual(property.enum);
		},
	);

	it('every enum of the reference is an options field of the node', () => {
		for (const [name, raw] of Object.entries(properties)) {
			const property = resolve(raw);
			if (!property.enum) continue;
			expect([name, specs.find((spec) => spec.name === name)?.values]).toEqual([
				name,
				property.enum,
			]);
		}
	});
});

describe('filter values against the reference', () => {
	it('Item Get Many offers the item types GET /items accepts', () => {
		expect([...ITEM_TYPE_FILTERS].sort()).toEqual(
			[...(queryParameter('/items', 'type')['x-accepted-values'] ?? [])].sort(),
		);
	});

	it('Inventory Level Get Many offers the restock filters GET /inventoryLevels accepts', () => {
		expect([...RESTOCK_LEVELS]).toEqual(
			queryParameter('/inventoryLevels', 'restockLevel').schema?.enum,
		);
	});
});
