import type { SandboxClock } from './clock';
import { stampOf } from './dates';
import {
	CREATED_FIELD,
	PAYMENT_CREATED_FIELD,
	PAYMENT_UPDATED_FIELD,
	UPDATED_FIELD,
} from './inferred';
import type { ResourceName, SandboxRecord, StampPrecision } from './types';

interface ResourceDef {
	idField: string;
	createdField: string;
	updatedField: string;
	/** ids are numbers in records (repair orders) rather than numeric strings */
	numericId?: boolean;
	firstId: number;
	formatId?: (n: number) => string;
}

export const RESOURCES: Record<ResourceName, ResourceDef> = {
	customers: {
		idField: 'customerId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 4_958_001,
	},
	vehicles: {
		idField: 'vehicleId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 125_001,
	},
	items: {
		idField: 'itemId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 771_001,
	},
	inventoryLevels: {
		idField: 'inventoryLevelId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 880_001,
	},
	// One pricing record per item, keyed by the item's id.
	itemPricing: {
		idField: 'itemId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 771_001,
	},
	orders: {
		idField: 'repairOrderNumber',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		numericId: true,
		firstId: 1001,
	},
	payments: {
		idField: 'paymentId',
		createdField: PAYMENT_CREATED_FIELD,
		updatedField: PAYMENT_UPDATED_FIELD,
		firstId: 600_001,
	},
	appointmentRequests: {
		idField: 'appointmentId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 1,
		// Hex-looking ids as in the portal sample ("24f6c184"), still in insertion order.
		formatId: (n) => (0x24f6c000 + n).toString(16),
	},
	timesheetLogs: {
		idField: 'timesheetLogId',
		createdField: CREATED_FIELD,
		updatedField: UPDATED_FIELD,
		firstId: 300_001,
	},
};

export const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

interface Table {
	rows: SandboxRecord[];
	byId: Map<string, SandboxRecord>;
	byCompany: Map<string, SandboxRecord[]>;
	nextId: number;
}

/** In-memory tables kept in insertion order, which is also the default (stable) list order. */
export class Store {
	private tables = new Map<ResourceName, Table>();

	constructor(
		private readonly clock: SandboxClock,
		private readonly stamps: () => StampPrecision = () => 'milliseconds',
	) {
		this.clear();
	}

	/** A record stamp of `ms` (default: now) at the configured precision. */
	private stamp(ms: number = this.clock.now()): string {
		return stampOf(ms, this.stamps());
	}

	/** A stamp given with a record (the seed's): kept, but cut to the second when stamps are whole seconds. */
	private given(value: unknown): unknown {
		if (value === undefined || value === null) return undefined;
		const ms = Date.parse(String(value));
		return this.stamps() === 'seconds' && Number.isFinite(ms) ? stampOf(ms, 'seconds') : value;
	}

	clear(): void {
		for (const name of RESOURCE_NAMES) {
			this.tables.set(name, {
				rows: [],
				byId: new Map(),
				byCompany: new Map(),
				nextId: RESOURCES[name].firstId,
			});
		}
	}

	private table(resource: ResourceName): Table {
		const t = this.tables.get(resource);
		if (!t) throw new Error(`Unknown resource "${resource}"`);
		return t;
	}

	nextId(resource: ResourceName): string | number {
		const def = RESOURCES[resource];
		const t = this.table(resource);
		const n = t.nextId++;
		if (def.numericId) return n;
		return def.formatId ? def.formatId(n) : String(n);
	}

	/** Raw rows (do not mutate); one company's rows when companyId is given. */
	all(resource: ResourceName, companyId?: string): SandboxRecord[] {
		const t = this.table(resource);
		if (companyId === undefined) return t.rows;
		return t.byCompany.get(companyId) ?? [];
	}

	find(resource: ResourceName, id: string | number): SandboxRecord | undefined {
		return this.table(resource).byId.get(String(id));
	}

	/** Adds a row; stamps created/updated from the clock unless the record already has them (seed). */
	insert(resource: ResourceName, record: SandboxRecord): SandboxRecord {
		const def = RESOURCES[resource];
		const t = this.table(resource);
		// Id first, so records read naturally in responses.
		if (record[def.idField] === undefined)
			record = { [def.idField]: this.nextId(resource), ...record };
		const key = String(record[def.idField]);
		if (t.byId.has(key)) throw new Error(`${resource} ${key} already exists`);
		record[def.createdField] = this.given(record[def.createdField]) ?? this.stamp();
		record[def.updatedField] = this.given(record[def.updatedField]) ?? record[def.createdField];
		t.rows.push(record);
		t.byId.set(key, record);
		const company = String(record.companyId);
		let list = t.byCompany.get(company);
		if (!list) t.byCompany.set(company, (list = []));
		list.push(record);
		return record;
	}

	/** Partial update in place; stamps the update time with the sandbox clock. */
	patch(resource: ResourceName, id: string | number, patch: SandboxRecord): SandboxRecord {
		const def = RESOURCES[resource];
		const row = this.find(resource, id);
		if (!row) throw new Error(`${resource} ${String(id)} not found`);
		for (const [k, v] of Object.entries(patch)) {
			if (k === def.idField || k === 'companyId' || v === undefined) continue;
			row[k] = v;
		}
		row[def.updatedField] = this.stamp();
		return row;
	}

	/** Stamps the creation/update time of a record created through the API (never trust client stamps). */
	stampNew(resource: ResourceName, record: SandboxRecord): SandboxRecord {
		const def = RESOURCES[resource];
		const now = this.stamp();
		return this.insert(resource, { ...record, [def.createdField]: now, [def.updatedField]: now });
	}
}
