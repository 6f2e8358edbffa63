import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { appRecordUrl, ID_FIELDS, PATHS } from '../../shared/autoleap/endpoints';
import { readPage } from '../../shared/autoleap/client';

/** A picker shows 50 at a time; more load as the user scrolls. */
const PAGE = 50;

async function search(
	this: ILoadOptionsFunctions,
	path: string,
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
	return await search.call(this, PATHS.customers, filter, paginationToken, (c) => ({
		name: String(
			c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' ') || c[ID_FIELDS.customer],
		),
		value: String(c[ID_FIELDS.customer]),
		url: appRecordUrl('customer', c[ID_FIELDS.customer]),
	}));
}

export async function searchVehicles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await search.call(this, PATHS.vehicles, filter, paginationToken, (v) => ({
		name:
			String(
				v.vehicleName ||
					[v.year, v.make, v.model].filter(Boolean).join(' ') ||
					v[ID_FIELDS.vehicle],
			) + (v.licensePlate ? ` (${v.licensePlate})` : ''),
		value: String(v[ID_FIELDS.vehicle]),
		url: appRecordUrl('vehicle', v[ID_FIELDS.vehicle]),
	}));
}
