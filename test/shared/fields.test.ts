import { fieldOptions } from '../../nodes/AutoLeap/shared/inputs';
import { entryProblems, recordProblems } from '../../nodes/shared/autoleap/fields/spec';
import type { FieldSpec } from '../../nodes/shared/autoleap/fields/spec';

const SPECS: FieldSpec[] = [
	{ name: 'year', label: 'Year', kind: 'integer' },
	{ name: 'mileage', label: 'Mileage', kind: 'number' },
	{ name: 'taxable', label: 'Taxable', kind: 'boolean', description: 'Whether it is taxed' },
	{ name: 'unit', label: 'Mileage Unit', kind: 'options', values: ['KM', 'Miles'] },
	{ name: 'since', label: 'Active Since', kind: 'dateTime' },
	{ name: 'make', label: 'Make', kind: 'string', placeholder: 'e.g. Honda' },
];

describe('fieldOptions', () => {
	it('turns each spec into an n8n input of its kind, alphabetised by label', () => {
		const options = fieldOptions(SPECS);
		expect(options.map((o) => o.displayName)).toEqual([
			'Active Since',
			'Make',
			'Mileage',
			'Mileage Unit',
			'Taxable',
			'Year',
		]);
		const byName = Object.fromEntries(options.map((o) => [o.name, o]));
		expect(byName.year).toMatchObject({
			type: 'number',
			default: 0,
			typeOptions: { numberPrecision: 0 },
		});
		expect(byName.mileage).toMatchObject({ type: 'number', default: 0, typeOptions: undefined });
		expect(byName.taxable).toMatchObject({
			type: 'boolean',
			default: false,
			description: 'Whether it is taxed',
		});
		expect(byName.unit).toMatchObject({
			type: 'options',
			default: 'KM',
			options: [
				{ name: 'KM', value: 'KM' },
				{ name: 'Miles', value: 'Miles' },
			],
		});
		expect(byName.since).toMatchObject({ type: 'dateTime', default: '' });
		expect(byName.make).toMatchObject({ type: 'string', default: '', placeholder: 'e.g. Honda' });
	});

	it("does not reorder the caller's list", () => {
		const specs = [...SPECS];
		fieldOptions(specs);
		expect(specs).toEqual(SPECS);
	});
});

describe('recordProblems', () => {
	it('lets any text through an open list (documented values known to be incomplete), but not other types', () => {
		const reasons: FieldSpec[] = [
			{ name: 'reason', label: 'Reason', kind: 'options', values: ['Direct mail'], openList: true },
		];
		expect(recordProblems({ reason: 'Educational institution' }, reasons)).toEqual([]);
		expect(recordProblems({ reason: 7 }, reasons)).toEqual(['"reason" must be text (got 7)']);
		expect(
			recordProblems({ reason: 'Educational institution' }, [{ ...reasons[0], openList: false }]),
		).toHaveLength(1);
	});

	it('accepts a valid record and skips fields that are absent or empty', () => {
		expect(
			recordProblems(
				{ year: 2021, mileage: 1.5, taxable: false, unit: 'Miles', make: 'Honda' },
				SPECS,
			),
		).toEqual([]);
		expect(recordProblems({ year: '', make: null, other: 'not in the list' }, SPECS)).toEqual([]);
	});

	it('names every wrong field with what it must be and what it got', () => {
		expect(
			recordProblems({ year: 20.5, mileage: '12', taxable: 'yes', unit: 'km', make: 7 }, SPECS),
		).toEqual([
			'"year" must be a whole number (got 20.5)',
			'"mileage" must be a number (got "12")',
			'"taxable" must be true or false (got "yes")',
			'"unit" must be one of KM, Miles (got "km")',
			'"make" must be text (got 7)',
		]);
		expect(recordProblems({ mileage: Number.NaN }, SPECS)).toEqual([
			'"mileage" must be a number (got null)',
		]);
	});

	it('reports required fields that are missing or empty, before the field checks', () => {
		expect(
			recordProblems({ vehicleId: '', unit: 'x' }, SPECS, ['vehicleId', 'customerId']),
		).toEqual([
			'"vehicleId" is required',
			'"customerId" is required',
			'"unit" must be one of KM, Miles (got "x")',
		]);
	});

	it('shortens long values in messages', () => {
		const [problem] = recordProblems({ make: { text: 'x'.repeat(100) } }, SPECS);
		expect(problem).toMatch(/^"make" must be text \(got \{"text":"x+\.\.\.\)$/);
		expect(problem.length).toBeLessThan(70);
	});
});

describe('entryProblems', () => {
	const PHONE: FieldSpec[] = [
		{ name: 'number', label: 'Number', kind: 'string' },
		{ name: 'type', label: 'Type', kind: 'options', values: ['mobile', 'landline'] },
	];

	it('names problems of list entries by index and of a single object by its field', () => {
		expect(
			entryProblems(
				{
					phones: [
						{ number: '1', type: 'mobile' },
						{ number: 2, type: 'cell' },
					],
				},
				'phones',
				PHONE,
			),
		).toEqual([
			'"phones[1].number" must be text (got 2)',
			'"phones[1].type" must be one of mobile, landline (got "cell")',
		]);
		expect(entryProblems({ main: { number: 5 } }, 'main', PHONE)).toEqual([
			'"main.number" must be text (got 5)',
		]);
	});

	it('refuses entries that are not objects and ignores an absent field', () => {
		expect(entryProblems({ phones: ['555-0100'] }, 'phones', PHONE)).toEqual([
			'"phones[0]" must be an object (got "555-0100")',
		]);
		expect(entryProblems({ main: 'x' }, 'main', PHONE)).toEqual([
			'"main" must be an object (got "x")',
		]);
		expect(entryProblems({}, 'phones', PHONE)).toEqual([]);
	});
});
