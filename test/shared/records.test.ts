import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { recordFromParameters, toAutoLeapFields } from '../../nodes/AutoLeap/shared/recordInput';

describe('toAutoLeapFields', () => {
	it('turns fixedCollections into AutoLeap lists and objects, colours without "#"', () => {
		expect(
			toAutoLeapFields({
				notes: 'VIP',
				tags: {
					tag: [
						{ name: 'VIP', color: '#ffff00' },
						{ name: 'Fleet', color: '00ff00' },
					],
				},
				phones: { phone: [{ number: '1', type: 'mobile', primary: true, active: true }] },
				emails: { email: [{ emailAddress: 'a@example.com' }] },
				mainAddress: { address: { address: '1 Main St', city: 'Austin' } },
			}),
		).toEqual({
			notes: 'VIP',
			tags: [
				{ name: 'VIP', color: 'FFFF00' },
				{ name: 'Fleet', color: '00FF00' },
			],
			phones: [{ number: '1', type: 'mobile', primary: true, active: true }],
			emails: [{ emailAddress: 'a@example.com' }],
			mainAddress: { address: '1 Main St', city: 'Austin' },
		});
	});

	it('keeps an emptied list (to clear it) but leaves out an address that was not filled in', () => {
		expect(toAutoLeapFields({ tags: {}, secondaryAddress: {} })).toEqual({ tags: [] });
	});

	it('passes fields that are not collections through unchanged', () => {
		expect(toAutoLeapFields({ year: 2021, taxable: false, address: { street: 'x' } })).toEqual({
			year: 2021,
			taxable: false,
			address: { street: 'x' },
		});
	});
});

/** Just enough of n8n's execute context for recordFromParameters: its parameters and node. */
function context(parameters: IDataObject): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => ({
			name: 'AutoLeap',
			type: 'autoLeap',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			id: '1',
		}),
	} as unknown as IExecuteFunctions;
}

describe('recordFromParameters', () => {
	it('fields mode: the collection in AutoLeap form, with the fixed values on top and empty ones left out', () => {
		const ctx = context({
			additionalFields: {
				year: 2020,
				customerId: 'from-fields',
				tags: { tag: [{ name: 'A', color: '#abcdef' }] },
			},
		});
		expect(
			recordFromParameters.call(ctx, 0, 'additionalFields', { customerId: 'C1', vehicleId: '' }),
		).toEqual({
			year: 2020,
			customerId: 'C1',
			tags: [{ name: 'A', color: 'ABCDEF' }],
		});
	});

	it('JSON mode: the parsed record (string or object), with the fixed values on top', () => {
		const text = context({ inputMode: 'json', recordJson: '{"make":"Honda","customerId":"X"}' });
		expect(recordFromParameters.call(text, 0, 'updateFields', { customerId: 'C1' })).toEqual({
			make: 'Honda',
			customerId: 'C1',
		});
		const object = context({ inputMode: 'json', recordJson: { make: 'Kia' } });
		expect(recordFromParameters.call(object, 0, 'updateFields')).toEqual({ make: 'Kia' });
	});

	it('JSON mode: invalid JSON or a non-object fails naming the item', () => {
		expect(() =>
			recordFromParameters.call(
				context({ inputMode: 'json', recordJson: '{make:' }),
				2,
				'additionalFields',
			),
		).toThrow('Item 3: "Record (JSON)" is not valid JSON');
		expect(() =>
			recordFromParameters.call(
				context({ inputMode: 'json', recordJson: '[1, 2]' }),
				0,
				'additionalFields',
			),
		).toThrow('Item 1: "Record (JSON)" must be a JSON object');
	});
});
