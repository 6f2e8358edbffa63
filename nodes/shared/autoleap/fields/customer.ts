import type { IDataObject } from 'n8n-workflow';

import { COMMUNICATION_PREFERENCES, CUSTOMER_TYPES, TAX_EXEMPT_REASONS } from '../enums';
import { CONTACT_GROUPS } from './contact';
import { entryProblems, inDocumentedCase, recordProblems } from './spec';
import type { FieldSpec } from './spec';

/** Typed inputs on Create, optional fields on Update. */
export const CUSTOMER_NAME_FIELDS: readonly FieldSpec[] = [
	{ name: 'firstName', label: 'First Name', kind: 'string', placeholder: 'e.g. John' },
	{ name: 'lastName', label: 'Last Name', kind: 'string', placeholder: 'e.g. Doe' },
];

/** The other plain fields of the reference's CustomerFields (lists and addresses are CONTACT_GROUPS). */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
	{ name: 'customerType', label: 'Customer Type', kind: 'options', values: CUSTOMER_TYPES },
	{ name: 'displayName', label: 'Display Name', kind: 'string', placeholder: 'e.g. John Doe' },
	{
		name: 'companyName',
		label: 'Company Name',
		kind: 'string',
		placeholder: 'e.g. Doe Enterprises',
	},
	{
		name: 'communicationPreference',
		label: 'Communication Preference',
		kind: 'options',
		values: COMMUNICATION_PREFERENCES,
	},
	{ name: 'notes', label: 'Notes', kind: 'string' },
	{
		name: 'taxExempt',
		label: 'Tax Exempt',
		kind: 'boolean',
		description: 'Whether the customer pays no tax',
	},
	{
		name: 'reasonForTaxExempt',
		label: 'Reason for Tax Exempt',
		kind: 'options',
		values: TAX_EXEMPT_REASONS,
		openList: true,
		description:
			'Only the first reasons of AutoLeap’s list are documented; others can be given with an expression',
	},
	{
		name: 'chargeAccount',
		label: 'Charge Account',
		kind: 'boolean',
		description: 'Whether the customer may pay on account',
	},
	{ name: 'preferredLocationID', label: 'Preferred Location Name or ID', kind: 'string' },
	{
		name: 'languagePreference',
		label: 'Language Preference',
		kind: 'string',
		placeholder: 'e.g. EN',
	},
	{
		name: 'okForMarketing',
		label: 'OK for Marketing',
		kind: 'boolean',
		description: 'Whether the customer agreed to receive marketing',
	},
];

/** A customer as AutoLeap documents it: enumerated values in the documented case, nested entries too. */
export function documentedCustomer(record: IDataObject): IDataObject {
	const nested = Object.fromEntries(CONTACT_GROUPS.map((group) => [group.field, group.specs]));
	return inDocumentedCase(record, [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS], nested);
}

/** Everything checked before a customer is sent, nested phones, emails and addresses included. */
export function customerProblems(record: IDataObject, required: readonly string[]): string[] {
	return [
		...recordProblems(record, [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS], required),
		...CONTACT_GROUPS.flatMap((group) => entryProblems(record, group.field, group.specs)),
	];
}
