import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { APP_URL, PATHS } from '../shared/endpoints';
import { autoLeapRequest, isLastPage, recordsOf } from '../shared/transport';

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
	const body = await autoLeapRequest.call(this, {
		method: 'GET',
		path,
		qs: { companyId, page, size: PAGE, ...(filter ? { search: filter } : {}) },
	});
	const records = recordsOf(body);
	return {
		results: records.map(toResult),
		paginationToken: isLastPage(body, page, records.length, PAGE) ? undefined : String(page + 1),
	};
}

export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search.call(this, PATHS.customers, filter, paginationToken, (c) => ({
		name: String(c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' ') || c.customerId),
		value: String(c.customerId),
		url: `${APP_URL}/customers/${c.customerId}`,
	}));
}

export async function searchVehicles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search.call(this, PATHS.vehicles, filter, paginationToken, (v) => ({
		name: String(v.vehicleName || [v.year, v.make, v.model].filter(Boolean).join(' ') || v.vehicleId) + (v.licensePlate ? ` (${v.licensePlate})` : ''),
		value: String(v.vehicleId),
		url: `${APP_URL}/vehicles/${v.vehicleId}`,
	}));
}
