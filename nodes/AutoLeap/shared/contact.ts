import type { FieldSpec } from './fields';

/** Phone, email and address entries as customers carry them (reference: Phone, Email, Address). */
export const PHONE_TYPES = ['mobile', 'landline'] as const;

export const PHONE_FIELDS: readonly FieldSpec[] = [
	{ name: 'number', label: 'Number', kind: 'string' },
	{ name: 'label', label: 'Label', kind: 'string' },
	{ name: 'type', label: 'Type', kind: 'options', values: PHONE_TYPES },
	{ name: 'primary', label: 'Primary', kind: 'boolean' },
	{ name: 'active', label: 'Active', kind: 'boolean' },
];

export const EMAIL_FIELDS: readonly FieldSpec[] = [
	{ name: 'emailAddress', label: 'Email Address', kind: 'string' },
	{ name: 'label', label: 'Label', kind: 'string' },
	{ name: 'primary', label: 'Primary', kind: 'boolean' },
	{ name: 'active', label: 'Active', kind: 'boolean' },
];

export const ADDRESS_FIELDS: readonly FieldSpec[] = [
	{ name: 'address', label: 'Address', kind: 'string' },
	{ name: 'city', label: 'City', kind: 'string' },
	{ name: 'state', label: 'State', kind: 'string' },
	{ name: 'zip', label: 'ZIP', kind: 'string' },
	{ name: 'country', label: 'Country', kind: 'string' },
];
