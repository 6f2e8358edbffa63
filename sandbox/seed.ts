import type { PartnerProfile } from './inferred';
import { ACTIVE, INACTIVE } from './inferred';
import { Prng } from './prng';
import {
	CITIES,
	COLORS,
	FIRST_NAMES,
	FLEET_NAMES,
	LAST_NAMES,
	OTHER_ITEMS,
	PARTS,
	SERVICES,
	STREETS,
	TECHNICIAN_NAMES,
	TIRES,
	VEHICLE_MODELS,
} from './seedData';
import type { Store } from './store';
import type { SandboxRecord } from './types';

/** Demo credentials and ids: import these in tests instead of hard-coding strings. */
export const DEMO_PARTNER = { partnerId: 'demo-partner', authKey: 'demo-auth-key' } as const;
export const OTHER_PARTNER = { partnerId: 'other-partner', authKey: 'other-auth-key' } as const;
export const DEMO_COMPANY_ID = '374844';
export const DEMO_COMPANY_2_ID = '222221';
export const OTHER_COMPANY_ID = '98392';
export const DEMO_LOCATION_IDS = ['364849', '364850', '364851'] as const;
export const DEMO_LOCATION_ID = DEMO_LOCATION_IDS[0];
export const DEMO_COMPANY_2_LOCATION_IDS = ['LOC11', 'LOC12'] as const;
export const OTHER_LOCATION_IDS = ['551001', '551002'] as const;

export interface PartnerAccount {
	partnerId: string;
	authKey: string;
	profile: PartnerProfile;
}

interface CompanySeed {
	companyId: string;
	name: string;
	locations: ReadonlyArray<{ locationId: string; name: string }>;
	customers: number;
	orders: number;
	appointments: number;
	timesheetLogs: number;
	taxRate: number;
	cities: number[];
}

const COMPANIES: CompanySeed[] = [
	{
		companyId: DEMO_COMPANY_ID,
		name: 'Leap Auto Care',
		taxRate: 0.0825,
		cities: [0, 1],
		locations: [
			{ locationId: DEMO_LOCATION_IDS[0], name: 'Leap Auto Care - Downtown' },
			{ locationId: DEMO_LOCATION_IDS[1], name: 'Leap Auto Care - North' },
			{ locationId: DEMO_LOCATION_IDS[2], name: 'Leap Auto Care - Round Rock' },
		],
		customers: 260,
		orders: 180,
		appointments: 48,
		timesheetLogs: 240,
	},
	{
		companyId: DEMO_COMPANY_2_ID,
		name: 'Desert Tire & Brake',
		taxRate: 0.086,
		cities: [2, 3],
		locations: [
			{ locationId: DEMO_COMPANY_2_LOCATION_IDS[0], name: 'Desert Tire & Brake - Phoenix' },
			{ locationId: DEMO_COMPANY_2_LOCATION_IDS[1], name: 'Desert Tire & Brake - Tempe' },
		],
		customers: 180,
		orders: 120,
		appointments: 30,
		timesheetLogs: 160,
	},
	{
		companyId: OTHER_COMPANY_ID,
		name: 'Maple Leaf Garage',
		taxRate: 0.13,
		cities: [5, 6],
		locations: [
			{ locationId: OTHER_LOCATION_IDS[0], name: 'Maple Leaf Garage - Toronto' },
			{ locationId: OTHER_LOCATION_IDS[1], name: 'Maple Leaf Garage - Mississauga' },
		],
		customers: 120,
		orders: 60,
		appointments: 15,
		timesheetLogs: 80,
	},
];

const companyProfile = (c: CompanySeed) => ({
	companyId: c.companyId,
	name: c.name,
	locations: c.locations.map((l) => ({ ...l })),
});

/** The first id of the extra shops `companies: N` seeds for the demo partner (`extraCompanyIds`). */
const EXTRA_COMPANY_BASE = 700_001;

/** The ids of the `count` extra shops seeded for the demo partner, in its profile's order. */
export function extraCompanyIds(count: number): string[] {
	return Array.from({ length: count }, (_, i) => String(EXTRA_COMPANY_BASE + i));
}

/** Small shops, so that twenty of them seed in a blink; two locations each. */
function extraCompanies(count: number): CompanySeed[] {
	return extraCompanyIds(count).map((companyId, i) => {
		const city = CITIES[i % CITIES.length].city;
		const name = `${city} Auto Repair #${i + 1}`;
		return {
			companyId,
			name,
			taxRate: 0.08,
			cities: [i % CITIES.length],
			locations: [1, 2].map((n) => ({ locationId: `${companyId}${n}`, name: `${name} - ${n}` })),
			customers: 30,
			orders: 16,
			appointments: 6,
			timesheetLogs: 8,
		};
	});
}

export const PARTNERS: PartnerAccount[] = [
	{
		...DEMO_PARTNER,
		profile: {
			partnerId: DEMO_PARTNER.partnerId,
			name: 'Demo Integration Partner',
			companies: [companyProfile(COMPANIES[0]), companyProfile(COMPANIES[1])],
		},
	},
	{
		...OTHER_PARTNER,
		profile: {
			partnerId: OTHER_PARTNER.partnerId,
			name: 'Other Integration Partner',
			companies: [companyProfile(COMPANIES[2])],
		},
	},
];

/**
 * The partners as a sandbox starts with them: PARTNERS, and `extra` more shops in the demo partner's
 * profile (after its two). A copy: a sandbox may change its profiles (`setProfileCompanies`).
 */
export function partnersWith(extra: number): PartnerAccount[] {
	const partners = structuredClone(PARTNERS);
	partners[0].profile.companies.push(...extraCompanies(extra).map(companyProfile));
	return partners;
}

export interface SeedOptions {
	seed: number;
	/** sandbox clock at seeding time; every seeded timestamp lies before it */
	now: number;
	seedData: boolean;
	bulkVehicles: number;
	/** Extra shops of the demo partner (`extraCompanyIds`), seeded after everything else. */
	extraCompanies: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** Ascending creation times over the last `days` days, plus an update time at or after each. */
function timeline(
	rng: Prng,
	count: number,
	now: number,
	days: number,
): Array<{ created: number; updated: number }> {
	const created = Array.from(
		{ length: count },
		() => now - Math.floor(rng.next() * days * DAY) - 60_000,
	).sort((a, b) => a - b);
	return created.map((c) => ({
		created: c,
		updated: rng.chance(0.55) ? c : c + Math.floor(rng.next() * (now - 1000 - c)),
	}));
}

export function seedStore(store: Store, opts: SeedOptions): void {
	if (!opts.seedData) return;
	const rng = new Prng(opts.seed);
	for (const company of COMPANIES) seedCompany(store, rng, company, opts.now);
	if (opts.bulkVehicles > 0) seedBulkVehicles(store, rng, opts.bulkVehicles, opts.now);
	// Last, so that the other shops' records and ids are the same with or without them.
	for (const company of extraCompanies(opts.extraCompanies))
		seedCompany(store, rng, company, opts.now);
}

function person(rng: Prng) {
	return { firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES) };
}

function phone(rng: Prng): string {
	return `${rng.int(200, 989)}-${rng.int(200, 989)}-${rng.digits(4)}`;
}

function vin(rng: Prng): string {
	let s = '';
	for (let i = 0; i < 17; i++) s += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
	return s;
}

function plate(rng: Prng): string {
	const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
	return `${L[rng.int(0, 22)]}${L[rng.int(0, 22)]}${L[rng.int(0, 22)]}-${rng.digits(4)}`;
}

function seedCompany(store: Store, rng: Prng, c: CompanySeed, now: number): void {
	const customers = seedCustomers(store, rng, c, now);
	const vehicles = seedVehicles(store, rng, c, customers, now);
	const items = seedItems(store, rng, c, now);
	const technicians = TECHNICIAN_NAMES.slice(0, 6).map((name, i) => ({
		id: `${c.companyId.slice(-3)}${rng.hex(5)}`,
		name,
		payrollId: `EP${String(100 + i).padStart(4, '0')}`,
	}));
	seedOrders(store, rng, c, customers, vehicles, items, technicians, now);
	seedAppointments(store, rng, c, now);
	seedTimesheets(store, rng, c, technicians, now);
}

function seedCustomers(store: Store, rng: Prng, c: CompanySeed, now: number): SandboxRecord[] {
	return timeline(rng, c.customers, now, 240).map((t, i) => {
		const fleet = rng.chance(0.08);
		const p = person(rng);
		const place = CITIES[rng.pick(c.cities)];
		const companyName = fleet ? rng.pick(FLEET_NAMES) : '';
		const email = `${p.firstName}.${p.lastName}${i}@example.com`
			.toLowerCase()
			.replace(/[^a-z0-9.@]/g, '');
		return store.insert('customers', {
			companyId: c.companyId,
			customerType: fleet ? 'fleet' : 'regular',
			firstName: p.firstName,
			lastName: p.lastName,
			displayName: fleet ? companyName : `${p.firstName} ${p.lastName}`,
			companyName,
			phones: [
				{ number: phone(rng), label: 'Mobile', type: 'mobile', primary: true, active: true },
			],
			emails: [{ emailAddress: email, label: 'Personal', primary: true, active: true }],
			communicationPreference: rng.chance(0.6) ? 'mobile' : 'email',
			notes: rng.chance(0.15) ? 'Prefers text reminders' : '',
			mainAddress: { address: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`, ...place },
			taxExempt: false,
			tags: fleet
				? [{ name: 'Fleet', color: '1E90FF' }]
				: rng.chance(0.1)
					? [{ name: 'VIP', color: 'FFFF00' }]
					: [],
			chargeAccount: fleet,
			preferredLocationID: rng.pick(c.locations).locationId,
			languagePreference: place.country === 'Canada' && rng.chance(0.2) ? 'FR' : 'EN',
			okForMarketing: rng.chance(0.7),
			status: rng.chance(0.04) ? INACTIVE : ACTIVE,
			createdDate: iso(t.created),
			updatedDate: iso(t.updated),
		});
	});
}

function vehicleRecord(
	rng: Prng,
	companyId: string,
	customerId: string,
	state: string,
	t: { created: number; updated: number },
): SandboxRecord {
	const m = rng.pick(VEHICLE_MODELS);
	const year = rng.int(2008, 2025);
	const miles = state.length === 2 && !['ON', 'QC', 'BC'].includes(state);
	return {
		companyId,
		customerId,
		year,
		make: m.make,
		model: m.model,
		vehicleName: `${year} ${m.make} ${m.model}`,
		engine: m.engine,
		color: rng.pick(COLORS),
		licensePlate: plate(rng),
		state,
		vin: vin(rng),
		notes: '',
		vehicleStatus: rng.chance(0.03) ? INACTIVE : ACTIVE,
		imgUrl: '',
		transmission: rng.chance(0.9) ? 'Automatic' : 'Manual',
		tags: [],
		driveType: m.driveType,
		mileage: rng.int(5, 220) * 1000 + rng.int(0, 999),
		mileageUnit: miles ? 'Miles' : 'KM',
		createdDate: iso(t.created),
		updatedDate: iso(t.updated),
	};
}

function seedVehicles(
	store: Store,
	rng: Prng,
	c: CompanySeed,
	customers: SandboxRecord[],
	now: number,
): SandboxRecord[] {
	const owners: SandboxRecord[] = [];
	for (const cu of customers) {
		owners.push(cu);
		if (rng.chance(0.3)) owners.push(cu);
		if (cu.customerType === 'fleet') owners.push(cu, cu);
	}
	return timeline(rng, owners.length, now, 230).map((t, i) =>
		store.insert(
			'vehicles',
			vehicleRecord(rng, c.companyId, owners[i].customerId, owners[i].mainAddress.state, t),
		),
	);
}

function seedItems(store: Store, rng: Prng, c: CompanySeed, now: number): SandboxRecord[] {
	const defs = [
		...PARTS.map((p, i) => ({ kind: 'part' as const, i, p })),
		...TIRES.map((p, i) => ({ kind: 'tire' as const, i, p })),
		...OTHER_ITEMS.map((p, i) => ({ kind: p.type, i, p })),
	];
	const times = timeline(rng, defs.length, now, 300);
	return defs.map((d, n) => {
		const t = times[n];
		const base: SandboxRecord = {
			companyId: c.companyId,
			status: rng.chance(0.05) ? INACTIVE : ACTIVE,
			taxable: d.kind !== 'labor',
		};
		let cost = 0;
		let price = 0;
		if (d.kind === 'part') {
			const p = PARTS[d.i];
			cost = p.cost / 100;
			price = Math.round(p.cost * 1.65) / 100;
			Object.assign(base, {
				itemType: 'part',
				itemName: p.name,
				itemNumber: `${p.brand
					.slice(0, 3)
					.toUpperCase()
					.replace(/[^A-Z]/g, 'X')}${10000 + d.i * 37}`,
				category: p.category,
				description: `${p.brand} ${p.name}`,
				commissionable: true,
				displayQuantityOnRO: true,
				displayDescriptionOnRO: true,
				partDetails: {
					defaultQuantity: 1,
					costPerUnit: cost,
					hasCore: p.category === 'Electrical',
					coreCost: p.category === 'Electrical' ? 25 : 0,
					totalCost: cost,
					pricePerUnit: price,
					isStockItem: d.i % 4 !== 3,
					supplier: rng.pick(['NAPA', 'WorldPac', 'AutoZone Commercial', 'Carquest']),
					brand: p.brand,
				},
			});
		} else if (d.kind === 'tire') {
			const p = TIRES[d.i];
			cost = p.cost / 100;
			price = Math.round(p.cost * 1.45) / 100;
			Object.assign(base, {
				itemType: 'tire',
				itemName: `${p.brand} ${p.model} ${p.width}/${p.profile}R${p.rim}`,
				itemNumber: `${p.brand.slice(0, 2).toUpperCase()}${p.width}${p.profile}${p.rim}`,
				category: 'Tires',
				description: `${p.brand} ${p.model}`,
				commissionable: true,
				tireDetails: {
					tireDisplayName: `${p.brand} ${p.model}`,
					model: p.model,
					brand: p.brand,
					tireWidth: p.width,
					tireProfile: p.profile,
					tireSize: p.rim,
					defaultQuantity: 4,
					costPerUnit: cost,
					pricePerUnit: price,
					seasonality: p.season,
				},
			});
		} else {
			const p = OTHER_ITEMS[d.i];
			price = p.price / 100;
			Object.assign(base, {
				itemType: p.type,
				itemName: p.name,
				itemNumber: p.number,
				category: p.type === 'labor' ? 'Labor' : p.type === 'fee' ? 'Fees' : 'Discounts',
				description: p.name,
			});
		}
		const item = store.insert('items', {
			...base,
			createdDate: iso(t.created),
			updatedDate: iso(t.updated),
		});
		store.insert('itemPricing', {
			itemId: item.itemId,
			companyId: c.companyId,
			itemType: item.itemType,
			itemName: item.itemName,
			itemNumber: item.itemNumber,
			costPerUnit: cost,
			pricePerUnit: price,
			createdDate: item.createdDate,
			updatedDate: item.updatedDate,
		});
		const stocked =
			(item.itemType === 'part' && item.partDetails.isStockItem) || item.itemType === 'tire';
		if (stocked) {
			for (const loc of c.locations) {
				const restockLevel = item.itemType === 'tire' ? 8 : rng.int(2, 6);
				store.insert('inventoryLevels', {
					companyId: c.companyId,
					locationId: loc.locationId,
					itemId: item.itemId,
					itemType: item.itemType,
					itemName: item.itemName,
					itemNumber: item.itemNumber,
					quantityOnHand: rng.int(0, restockLevel * 4),
					restockLevel,
					createdDate: item.createdDate,
					updatedDate: iso(Math.max(t.updated, now - rng.int(1, 60) * DAY)),
				});
			}
		}
		return item;
	});
}

const STATUS_LABELS: Record<number, string> = {
	1: 'Estimate',
	2: 'Work In Progress',
	3: 'Invoice',
	4: 'Estimate',
	5: 'Invoice',
	6: 'Invoice',
	7: 'Deleted',
};
const WORKFLOW: Record<number, string[]> = {
	1: ['Estimate Sent', 'Awaiting Approval'],
	2: ['In Progress', 'Waiting for Parts'],
	3: ['Ready for Pickup'],
	4: ['Saved'],
	5: ['Paid'],
	6: ['Unpaid', 'Partially Paid'],
	7: ['Deleted'],
};

function seedOrders(
	store: Store,
	rng: Prng,
	c: CompanySeed,
	customers: SandboxRecord[],
	vehicles: SandboxRecord[],
	items: SandboxRecord[],
	technicians: Array<{ id: string; name: string; payrollId: string }>,
	now: number,
): void {
	const parts = items.filter((i) => i.itemType === 'part');
	const tires = items.filter((i) => i.itemType === 'tire');
	const byCustomer = new Map<string, SandboxRecord[]>();
	for (const v of vehicles)
		byCustomer.set(v.customerId, [...(byCustomer.get(v.customerId) ?? []), v]);
	const writer = { id: rng.hex(8), name: technicians[1].name, payrollId: technicians[1].payrollId };
	for (const t of timeline(rng, c.orders, now, 150)) {
		const cu = rng.pick(customers);
		const v = rng.pick(byCustomer.get(cu.customerId) ?? vehicles);
		const statusId = rng.pick([1, 1, 2, 2, 3, 4, 5, 5, 5, 5, 5, 6, 6, 7]);
		const services = Array.from({ length: rng.int(1, 3) }, (_, si) => {
			const s = rng.pick(SERVICES);
			const tech = rng.pick(technicians);
			return {
				def: s,
				out: {
					id: 1_084_000 + rng.int(0, 99_999) * 10 + si,
					title: s.title,
					authorized: statusId !== 1,
					serviceStatus: statusId >= 3 && statusId !== 4 ? 'completed' : 'pending',
					authorizedDate: iso(t.created + 3_600_000),
					technician: [{ ...tech, isPrimaryTech: true }],
					note: '',
				},
			};
		});
		let laborSales = 0,
			partsSales = 0,
			partsCost = 0,
			tiresSales = 0,
			tiresCost = 0;
		for (const s of services) {
			laborSales += Math.round(s.def.laborHours * 14500);
			for (const pi of s.def.parts) {
				const p = parts[pi % parts.length];
				partsCost += Math.round(p.partDetails.costPerUnit * 100);
				partsSales += Math.round(p.partDetails.pricePerUnit * 100);
			}
		}
		if (rng.chance(0.2)) {
			const tire = rng.pick(tires);
			tiresCost = Math.round(tire.tireDetails.costPerUnit * 100) * 4;
			tiresSales = Math.round(tire.tireDetails.pricePerUnit * 100) * 4;
			laborSales += 8000;
		}
		const fee = rng.chance(0.6) ? 3900 : 0;
		const discount = rng.chance(0.15) ? Math.round((laborSales + partsSales) * 0.1) : 0;
		const taxableAmount = partsSales + tiresSales + fee;
		const taxes = Math.round(taxableAmount * c.taxRate);
		const totalSales = laborSales + partsSales + tiresSales + fee - discount + taxes;
		const totalCost = Math.round(laborSales * 0.45) + partsCost + tiresCost;
		const invoiced = [3, 5, 6].includes(statusId);
		const finalized = statusId === 5 || statusId === 6;
		const amountPaid =
			statusId === 5
				? totalSales
				: statusId === 6 && rng.chance(0.5)
					? Math.round(totalSales / 2)
					: 0;
		const invoiceAt = Math.min(t.created + rng.int(2, 48) * 3_600_000, now - 60_000);
		const milesIn = v.mileage as number;
		const ro = store.insert('orders', {
			companyId: c.companyId,
			locationId: rng.pick(c.locations).locationId,
			repairOrderStatusId: statusId,
			repairOrderStatus: STATUS_LABELS[statusId],
			workflowStatus: rng.pick(WORKFLOW[statusId]),
			paymentStatus:
				amountPaid === 0 ? 'Unpaid' : amountPaid < totalSales ? 'Partially Paid' : 'Paid',
			isFinalized: finalized,
			customer: {
				id: cu.customerId,
				firstName: cu.firstName,
				lastName: cu.lastName,
				customerType: cu.customerType,
			},
			serviceWriter: writer,
			shopNotes: '',
			recommendationsForCustomer: rng.chance(0.3)
				? 'Replace brake pads within next 2,000 miles.'
				: '',
			vehicleId: v.vehicleId,
			vehicle: {
				year: v.year,
				make: v.make,
				model: v.model,
				vin: v.vin,
				licensePlate: v.licensePlate,
			},
			milesIn,
			milesOut: milesIn + rng.int(0, 30),
			estimateDate: iso(t.created),
			approveDate: statusId === 1 ? null : iso(t.created + 3_600_000),
			invoiceDate: invoiced ? iso(invoiceAt) : null,
			invoicedBy: invoiced ? writer.name : null,
			finalizeDate: finalized ? iso(invoiceAt) : null,
			finalizeType: finalized
				? amountPaid === totalSales
					? 'fullyPaid'
					: 'accountsReceivable'
				: null,
			finalizeBy: finalized ? writer.name : null,
			laborSales,
			laborCost: Math.round(laborSales * 0.45),
			partsSales,
			partsCost,
			tiresSales,
			tiresCost,
			subletSales: 0,
			subletCost: 0,
			otherSales: 0,
			otherCost: 0,
			tireStorageTotal: 0,
			tireStorageCost: 0,
			serviceFeesTotal: fee,
			serviceFeesCost: 0,
			serviceDiscountsTotal: discount,
			orderLevelDiscounts: { id: '', name: '', total: 0 },
			orderLevelFees: { id: '', name: fee ? 'Shop Supplies' : '', total: fee },
			taxes,
			taxableAmount,
			nonTaxableAmount: laborSales - discount,
			amountPaid,
			totalSales,
			totalCost,
			passthroughTax: 0,
			taxRate: c.taxRate,
			taxCode: `TX${String(Math.round(c.taxRate * 1000)).padStart(3, '0')}`,
			invoiceNumber: invoiced ? `INV-${c.companyId.slice(-3)}${rng.digits(4)}` : null,
			services: services.map((s) => s.out),
			createdDate: iso(t.created),
			updatedDate: iso(Math.max(t.updated, invoiced ? invoiceAt : t.created)),
		});
		if (amountPaid > 0) seedPayments(store, rng, ro, amountPaid, invoiceAt, now);
	}
}

function seedPayments(
	store: Store,
	rng: Prng,
	ro: SandboxRecord,
	amount: number,
	at: number,
	now: number,
): void {
	const split =
		amount > 40_000 && rng.chance(0.3)
			? [Math.round(amount * 0.4), amount - Math.round(amount * 0.4)]
			: [amount];
	split.forEach((part, i) => {
		const paidAt = Math.min(at + i * rng.int(1, 72) * 3_600_000, now - 30_000);
		const refunded = rng.chance(0.05) ? Math.round(part * 0.2) : 0;
		const updated = refunded ? Math.min(paidAt + rng.int(1, 10) * DAY, now - 10_000) : paidAt;
		const history: SandboxRecord[] = [{ action: 'payment', amount: part, date: iso(paidAt) }];
		if (refunded) history.push({ action: 'refund', amount: refunded, date: iso(updated) });
		store.insert('payments', {
			companyId: ro.companyId,
			locationId: ro.locationId,
			roNumber: String(ro.repairOrderNumber),
			paymentDate: iso(paidAt),
			totalPaymentAmount: part,
			totalRefundedAmount: refunded,
			netPaidAmount: part - refunded,
			paymentType: refunded ? 'partialRefund' : 'payment',
			paymentMethod: rng.pick(['Credit Card', 'Debit Card', 'Cash', 'Check', 'Financing']),
			lastUpdatedAt: iso(updated),
			paymentHistory: history,
		});
	});
}

function seedAppointments(store: Store, rng: Prng, c: CompanySeed, now: number): void {
	const statuses = ['requested', 'confirmed', 'declined'] as const;
	timeline(rng, c.appointments, now, 60).forEach((t, i) => {
		const status = statuses[i % 3];
		const start = Math.floor((now + rng.int(-30, 30) * DAY) / 3_600_000) * 3_600_000 + 0;
		const s = rng.pick(SERVICES);
		const m = rng.pick(VEHICLE_MODELS);
		const p = person(rng);
		const dropOff = rng.chance(0.5);
		store.insert('appointmentRequests', {
			companyId: c.companyId,
			locationId: rng.pick(c.locations).locationId,
			code: String(10_100 + i),
			status,
			type: 'customer',
			description: rng.chance(0.5) ? `${s.title} requested online` : '',
			declineReason: status === 'declined' ? 'No availability for the requested time' : '',
			dropOffOption: dropOff ? 'dropOff' : 'waitForIt',
			isVehicleDropOff: dropOff,
			startDateTime: iso(start),
			endDateTime: iso(start + (dropOff ? 8 : 1) * 3_600_000),
			language: 'EN',
			customer: {
				...p,
				phone: phone(rng),
				email: `${p.firstName}.${p.lastName}.${i}@example.com`
					.toLowerCase()
					.replace(/[^a-z0-9.@]/g, ''),
			},
			vehicle: { make: m.make, model: m.model, year: rng.int(2010, 2025) },
			services: [{ serviceId: `SVC${100 + SERVICES.indexOf(s)}`, title: s.title }],
			createdDate: iso(t.created),
			updatedDate: iso(t.updated),
		});
	});
}

function seedTimesheets(
	store: Store,
	rng: Prng,
	c: CompanySeed,
	technicians: Array<{ id: string; name: string; payrollId: string }>,
	now: number,
): void {
	const starts = Array.from({ length: c.timesheetLogs }, () => {
		const day = Math.floor((now - rng.int(1, 90) * DAY) / DAY) * DAY;
		return day + (13 + rng.int(0, 2)) * 3_600_000 + rng.int(0, 59) * 60_000; // 7-9am US Central
	}).sort((a, b) => a - b);
	for (const clockIn of starts) {
		const minutes = rng.int(240, 600);
		const clockOut = Math.min(clockIn + minutes * 60_000, now - 1000);
		const tech = rng.pick(technicians);
		store.insert('timesheetLogs', {
			companyId: c.companyId,
			locationId: rng.pick(c.locations).locationId,
			technician: { ...tech },
			logType: rng.chance(0.7) ? 'shift' : 'job',
			clockIn: iso(clockIn),
			clockOut: iso(clockOut),
			durationMinutes: Math.round((clockOut - clockIn) / 60_000),
			notes: '',
			createdDate: iso(clockIn),
			updatedDate: iso(clockOut),
		});
	}
}

/** Benchmark bulk: N extra vehicles for the first demo company, spread over its customers. */
function seedBulkVehicles(store: Store, rng: Prng, count: number, now: number): void {
	const owners = store.all('customers', DEMO_COMPANY_ID);
	if (!owners.length) return;
	const span = 365 * DAY;
	for (let i = 0; i < count; i++) {
		const created = now - span + Math.floor((i / count) * span) - 60_000;
		const owner = owners[i % owners.length];
		store.insert(
			'vehicles',
			vehicleRecord(rng, DEMO_COMPANY_ID, owner.customerId, owner.mainAddress.state, {
				created,
				updated: created,
			}),
		);
	}
}
