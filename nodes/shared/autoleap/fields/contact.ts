import { PHONE_TYPES } from '../enums';
import type { FieldSpec } from './spec';

/** Phone, email and address entries as customers carry them (reference: Phone, Email, Address). */

export const PHONE_FIELDS: readonly FieldSpec[] = [
	{ name: 'number', label: 'Number', kind: 'string', placeholder: 'e.g. 123-456-7890' },
	{ name: 'label', label: 'Label', kind: 'string', placeholder: 'e.g. Work' },
	{ name: 'type', label: 'Type', kind: 'options', values: PHONE_TYPES },
	{
		name: 'primary',
		label: 'Primary',
		kind: 'boolean',
		description: 'Whether this is the main number',
	},
	{
		name: 'active',
		label: 'Active',
		kind: 'boolean',
		default: true,
		description: 'Whether the number is in use',
	},
];

export const EMAIL_FIELDS: readonly FieldSpec[] = [
	{ name: 'emailAddress', label: 'Email Address', kind: 'string', placeholder: 'name@email.com' },
	{ name: 'label', label: 'Label', kind: 'string', placeholder: 'e.g. Personal' },
	{
		name: 'primary',
		label: 'Primary',
		kind: 'boolean',
		description: 'Whether this is the main address',
	},
	{
		name: 'active',
		label: 'Active',
		kind: 'boolean',
		default: true,
		description: 'Whether the address is in use',
	},
];

export const ADDRESS_FIELDS: readonly FieldSpec[] = [
	{ name: 'address', label: 'Street', kind: 'string', placeholder: 'e.g. 123 Main St' },
	{ name: 'city', label: 'City', kind: 'string', placeholder: 'e.g. New York' },
	{ name: 'state', label: 'State', kind: 'string', placeholder: 'e.g. NY' },
	{ name: 'zip', label: 'ZIP', kind: 'string', placeholder: 'e.g. 10001' },
	{ name: 'country', label: 'Country', kind: 'string', placeholder: 'e.g. USA' },
];

/** A tag as customers and vehicles carry it (colour as hex without '#'). */
export const TAG_FIELDS: readonly FieldSpec[] = [
	{ name: 'name', label: 'Name', kind: 'string', placeholder: 'e.g. VIP' },
	{
		name: 'color',
		label: 'Color',
		kind: 'color',
		default: '#FFFF00',
		description: 'Shown as hex without the leading #',
	},
];

/**
 * The nested collections of a record: AutoLeap's field, n8n's entry name, whether it is a list,
 * and the entry's fields.
 */
export interface EntryGroup {
	field: string;
	/** The collection's name in the node. */
	label: string;
	entry: string;
	many: boolean;
	specs: readonly FieldSpec[];
}

export const CONTACT_GROUPS: readonly EntryGroup[] = [
	{ field: 'phones', label: 'Phones', entry: 'phone', many: true, specs: PHONE_FIELDS },
	{ field: 'emails', label: 'Emails', entry: 'email', many: true, specs: EMAIL_FIELDS },
	{
		field: 'mainAddress',
		label: 'Main Address',
		entry: 'address',
		many: false,
		specs: ADDRESS_FIELDS,
	},
	{
		field: 'secondaryAddress',
		label: 'Secondary Address',
		entry: 'address',
		many: false,
		specs: ADDRESS_FIELDS,
	},
];

export const TAGS_GROUP: EntryGroup = {
	field: 'tags',
	label: 'Tags',
	entry: 'tag',
	many: true,
	specs: TAG_FIELDS,
};
