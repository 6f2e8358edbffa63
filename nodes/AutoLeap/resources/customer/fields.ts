import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ADDRESS_FIELDS, EMAIL_FIELDS, PHONE_FIELDS } from '../../shared/contact';
import { addressCollection, emailsCollection, phonesCollection, tagsCollection } from '../../shared/descriptions';
import { collectionOptions, entryProblems, recordProblems } from '../../shared/fields';
import type { FieldSpec } from '../../shared/fields';

/** Only the first values are documented; the portal's list is cut off (reference TaxExemptReason). */
export const TAX_EXEMPT_REASONS = ['Agricultural production', 'Charitable organization', 'Direct mail', 'Direct pay permit'] as const;

/** Typed inputs on Create, optional fields on Update. */
export const CUSTOMER_NAME_FIELDS: readonly FieldSpec[] = [
	{ name: 'firstName', label: 'First Name', kind: 'string', placeholder: 'e.g. John' },
	{ name: 'lastName', label: 'Last Name', kind: 'string', placeholder: 'e.g. Doe' },
];

/** The other plain fields of the reference's CustomerFields (lists and addresses are collections). */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
	{ name: 'customerType', label: 'Customer Type', kind: 'options', values: ['regular', 'fleet'] },
	{ name: 'displayName', label: 'Display Name', kind: 'string', placeholder: 'e.g. John Doe' },
	{ name: 'companyName', label: 'Company Name', kind: 'string', placeholder: 'e.g. Doe Enterprises' },
	{ name: 'communicationPreference', label: 'Communication Preference', kind: 'options', values: ['mobile', 'email'] },
	{ name: 'notes', label: 'Notes', kind: 'string' },
	{ name: 'taxExempt', label: 'Tax Exempt', kind: 'boolean', description: 'Whether the customer pays no tax' },
	{
		name: 'reasonForTaxExempt',
		label: 'Reason for Tax Exempt',
		kind: 'options',
		values: TAX_EXEMPT_REASONS,
		openList: true,
		description: 'Only the first reasons of AutoLeap’s list are documented; others can be given with an expression',
	},
	{ name: 'chargeAccount', label: 'Charge Account', kind: 'boolean', description: 'Whether the customer may pay on account' },
	{ name: 'preferredLocationID', label: 'Preferred Location Name or ID', kind: 'string' },
	{ name: 'languagePreference', label: 'Language Preference', kind: 'string', placeholder: 'e.g. EN' },
	{ name: 'okForMarketing', label: 'OK for Marketing', kind: 'boolean', description: 'Whether the customer agreed to receive marketing' },
];

const preferredLocation: INodeProperties = {
	displayName: 'Preferred Location Name or ID',
	name: 'preferredLocationID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLocations', loadOptionsDependsOn: ['companyId'] },
	default: '',
	description:
		'The location the customer usually visits. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The inputs of Additional Fields (Create) or Update Fields (Update), alphabetised. */
export function customerFieldOptions(withNames: boolean): INodeProperties[] {
	const plain = collectionOptions(withNames ? [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS] : CUSTOMER_FIELDS);
	return [
		...plain.map((option) => (option.name === preferredLocation.name ? preferredLocation : option)),
		tagsCollection,
		phonesCollection,
		emailsCollection,
		addressCollection('mainAddress', 'Main Address'),
		addressCollection('secondaryAddress', 'Secondary Address'),
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Everything checked before a customer is sent, nested phones, emails and addresses included. */
export function customerProblems(record: IDataObject, required: readonly string[]): string[] {
	return [
		...recordProblems(record, [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS], required),
		...entryProblems(record, 'phones', PHONE_FIELDS),
		...entryProblems(record, 'emails', EMAIL_FIELDS),
		...entryProblems(record, 'mainAddress', ADDRESS_FIELDS),
		...entryProblems(record, 'secondaryAddress', ADDRESS_FIELDS),
	];
}
