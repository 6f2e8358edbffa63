import type { INodeParameters } from 'n8n-workflow';

import type { FaultSpec, RecordChange, ResourceName, Sandbox, SandboxRecord } from '../../sandbox';
import { DEMO_COMPANY_ID } from '../node/helpers';

/**
 * The demo shop of the list tests (test/changes/lists and chunks): lists of a known length, the
 * filters that select them, and changes the shop makes right after AutoLeap answered a page.
 */

export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const ID_FIELDS: Partial<Record<ResourceName, string>> = {
	vehicles: 'vehicleId',
	orders: 'repairOrderNumber',
	timesheetLogs: 'timesheetLogId',
};

export type Filter = (record: SandboxRecord) => boolean;

/** A Get Many of one resource, and which stored records it should output. */
export interface Case {
	resource: string;
	stored: ResourceName;
	path: string;
	matches: Filter;
	parameters?: INodeParameters;
}

// 617 vehicles updated more than an hour ago (Updated Before), in 7 pages.
export const BEFORE = Date.now() - HOUR;
export const vehiclesUpdatedBefore: Case = {
	resource: 'vehicle',
	stored: 'vehicles',
	path: '/vehicles',
	matches: (v) => Date.parse(v.updatedDate) <= BEFORE,
	parameters: { filters: { updatedDateEnd: iso(BEFORE) } },
};
export const allVehicles: Case = { ...vehiclesUpdatedBefore, matches: () => true, parameters: {} };
export const newestFirst: Case = {
	...allVehicles,
	parameters: { filters: { sortDirection: 'DESC' } },
};

// 278 estimates (Status = Estimate), in 3 pages.
export const estimates: Case = {
	resource: 'repairOrder',
	stored: 'orders',
	path: '/orders',
	matches: (o) => o.repairOrderStatusId === 1,
	parameters: { filters: { repairOrderStatusId: 1 } },
};

export const approve = (order: SandboxRecord): RecordChange => ({
	resource: 'orders',
	id: order.repairOrderNumber,
	patch: { repairOrderStatusId: 2 },
});

export function shopOf(ctx: { sandbox: Sandbox }) {
	/** Stored records of the demo company. */
	const stored = (resource: ResourceName) => ctx.sandbox.store.list(resource, DEMO_COMPANY_ID);

	/** Adds copies of `template` (its stamps kept) until `count` records match `matches`. */
	function fill(resource: ResourceName, template: SandboxRecord, matches: Filter, count: number) {
		const copy = { ...template };
		delete copy[ID_FIELDS[resource] as string];
		const missing = count - stored(resource).filter(matches).length;
		for (let i = 0; i < missing; i++) ctx.sandbox.store.create(resource, structuredClone(copy));
		expect(stored(resource).filter(matches)).toHaveLength(count);
	}

	/** After page `page` of a read of `path` is answered, the shop makes `changes`. */
	function changeAfterPage(
		path: string,
		page: number,
		changes: RecordChange[],
		extra: Partial<FaultSpec> = {},
	) {
		ctx.sandbox.injectFaults({
			kind: 'change',
			method: 'GET',
			path,
			query: { page, size: 100 },
			changes,
			...extra,
		});
	}

	/** 617 vehicles matching `matches`, created and updated two hours ago. */
	function vehicles617(matches = allVehicles.matches) {
		const old = iso(BEFORE - HOUR);
		const [template] = stored('vehicles').filter(matches);
		fill('vehicles', { ...template, createdDate: old, updatedDate: old }, matches, 617);
		return stored('vehicles').filter(matches);
	}

	function estimates278() {
		const [template] = stored('orders').filter(estimates.matches);
		fill('orders', template, estimates.matches, 278);
		return stored('orders').filter(estimates.matches);
	}

	return { stored, fill, changeAfterPage, vehicles617, estimates278 };
}
