import type { INodeProperties } from 'n8n-workflow';

import { CONTACT_GROUPS, TAGS_GROUP } from '../../../shared/autoleap/fields/contact';
import { CUSTOMER_FIELDS, CUSTOMER_NAME_FIELDS } from '../../../shared/autoleap/fields/customer';
import { entryCollection, fieldOptions } from '../../shared/inputs';

const preferredLocation: INodeProperties = {
	displayName: 'Preferred Location Name or ID',
	name: 'preferredLocationID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLocations', loadOptionsDependsOn: ['companyId'] },
	default: '',
	description:
		'The location the customer usually visits. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** The inputs of Additional Fields (Create) or Update Fields (Update). */
export function customerFieldOptions(withNames: boolean): INodeProperties[] {
	const plain = fieldOptions(
		withNames ? [...CUSTOMER_NAME_FIELDS, ...CUSTOMER_FIELDS] : CUSTOMER_FIELDS,
	);
	return [
		...plain.map((option) => (option.name === preferredLocation.name ? preferredLocation : option)),
		...[TAGS_GROUP, ...CONTACT_GROUPS].map(entryCollection),
	];
}
