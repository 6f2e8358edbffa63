import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { appRecordUrl, ID_FIELDS, PATHS } from '../../shared/autoleap/endpoints';
import { readPage } from '../../shared/autoleap/client';
import { shapeOf } from '../../shared/autoleap/shape';

/** A picker shows 50 at a time; more load as the user scrolls. */
const PAGE = 50;

async function search(
	this: ILoadOptionsFunctions,
	path: string,
	idField: string,
	filter: string | undefined,
	paginationToken: string | undefined,
	toResult: (record: IDataObject) => { name: string; value: string; url: string },
): Promise<INodeListSearchResult> {
	const companyId = String(this.getCurrentNodeParameter('companyId') ?? '');
	const page = Number(paginationToken ?? 1);
	const { records, last } = await readPage.call(
		this,
		{ method: 'GET', path, companyId, qs: filter ? { search: filter } : {} },
		page,
		PAGE,
	);
	// The id's name is ours to guess for some records (endpoints.ts): a record without it is no choice.
	const unnamed = records.find(({ [idField]: id }) => id === undefined || id === null || id === '');
	if (unnamed) {
		throw new NodeOperationError(this.getNode(), `AutoLeap's records carry no "${idField}"`, {
			description: `GET ${path} answered records with ${shapeOf(unnamed)}; the node reads their ID from "${idField}" (ID_FIELDS in nodes/shared/autoleap/endpoints.ts). Enter the ID by hand meanwhile.`,
		});
	}
	return {
		results: records.map(toResult),
		paginationToken: last ? undefined : String(page + 1),
	};
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	const id = ID_FIELDS.customer;
	return await search.call(this, PATHS.customers, id, filter, paginationToken, (c) => ({
		name: String(c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' ') || c[id]),
		value: String(c[id]),
		url: appRecordUrl('customer', c[id]),
	}));
}

export async function searchVehicles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	const id = ID_FIELDS.vehicle;
	return await search.call(this, PATHS.vehicles, id, filter, paginationToken, (v) => ({
		name:
			String(v.vehicleName || [v.year, v.make, v.model].filter(Boolean).join(' ') || v[id]) +
			(v.licensePlate ? ` (${v.licensePlate})` : ''),
		value: String(v[id]),
		url: appRecordUrl('vehicle', v[id]),
	}));
}
