import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../shared/endpoints';
import { companySelect } from '../../shared/descriptions';
import { simplifyToggle } from '../../shared/listDescriptions';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** An item's AutoLeap ID (AutoLeap offers no item search to pick from beyond the list itself). */
export function itemIdInput(show: Show, description = 'The ID of the item', extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Item ID',
		name: 'itemId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 771203',
		description,
		displayOptions: { show },
		...extra,
	};
}

const show = { resource: ['item'], operation: ['get'] };

export const itemGetDescription: INodeProperties[] = [
	companySelect(show),
	itemIdInput(show, 'The ID of the item to retrieve', {
		routing: { request: { method: 'GET', url: `=${PATHS.items}/{{ encodeURIComponent($value) }}` } },
	}),
	simplifyToggle(show),
];
