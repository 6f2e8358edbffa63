import { badRequest, notFound } from '../errors';
import { INACTIVE, RESULTS_MESSAGES, STATUS_FIELD, matchesRestock } from '../inferred';
import {
	filterWindow,
	oneResult,
	pageEnvelope,
	paginate,
	resultsEnvelope,
	singlePage,
} from '../listing';
import type { SandboxRecord } from '../types';
import type { RouteHandler } from './context';
import {
	ack,
	companiesFor,
	listed,
	locationOf,
	ownCompany,
	ownRecord,
	resolveAll,
	rowsOf,
} from './context';

export const listItems: RouteHandler = (ctx) => {
	const q = ctx.query;
	let rows = listed(ctx, 'items', rowsOf(ctx, 'items', companiesFor(ctx, q.companyId)));
	if (q.type) rows = rows.filter((r) => r.itemType === String(q.type).toLowerCase());
	if (q.itemNumber)
		rows = rows.filter(
			(r) => String(r.itemNumber).toLowerCase() === String(q.itemNumber).toLowerCase(),
		);
	rows = filterWindow(rows, 'updatedDate', q, 'updatedDateStart', 'updatedDateEnd', ctx.dates);
	return { body: pageEnvelope(paginate(rows, q.page, q.size), false) };
};

export const getItem: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.query.companyId);
	return {
		body: oneResult(
			RESULTS_MESSAGES.getItem,
			ownRecord(ctx, 'items', ctx.params.itemId, 'item', companyId),
		),
	};
};

/** Documented rule: only parts and tires, a part needs partDetails and a tire tireDetails. */
export const createItems: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.items as SandboxRecord[];
	list.forEach((it, i) => {
		if (it.itemType === 'part' && !it.partDetails)
			throw badRequest(`items[${i}].partDetails is required for itemType "part"`);
		if (it.itemType === 'tire' && !it.tireDetails)
			throw badRequest(`items[${i}].tireDetails is required for itemType "tire"`);
	});
	for (const it of list) {
		const item = ctx.store.stampNew('items', { ...structuredClone(it), companyId });
		const details = item.partDetails ?? item.tireDetails ?? {};
		ctx.store.stampNew('itemPricing', {
			itemId: item.itemId,
			companyId,
			itemType: item.itemType,
			itemName: item.itemName,
			itemNumber: item.itemNumber,
			costPerUnit: details.costPerUnit ?? 0,
			pricePerUnit: details.pricePerUnit ?? 0,
		});
	}
	return ack();
};

export const archiveItems: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = (ctx.body.items ?? []) as SandboxRecord[];
	if (!list.length) throw badRequest('items must contain at least 1 element');
	const rows = resolveAll(ctx, 'items', companyId, list, 'items', 'itemId');
	for (const row of rows) ctx.store.patch('items', row.itemId, { [STATUS_FIELD.items]: INACTIVE });
	return ack();
};

export const getItemPricing: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.query.companyId);
	const row = ownRecord(ctx, 'itemPricing', ctx.params.itemId, 'item', companyId);
	return { body: oneResult(RESULTS_MESSAGES.getItemPricing, row) };
};

/** Bulk price change; mirrored into the item's part/tire details, which stamps the item too. */
export const updateItemPricing: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.items as SandboxRecord[];
	const rows = resolveAll(ctx, 'itemPricing', companyId, list, 'items', 'itemId');
	rows.forEach((row, i) => {
		const { costPerUnit, pricePerUnit } = list[i];
		const patch = { costPerUnit, pricePerUnit };
		ctx.store.patch('itemPricing', row.itemId, patch);
		const item = ctx.store.find('items', row.itemId);
		if (!item) return;
		const key = item.partDetails ? 'partDetails' : item.tireDetails ? 'tireDetails' : undefined;
		if (key) {
			const details = { ...item[key] };
			if (costPerUnit !== undefined) details.costPerUnit = costPerUnit;
			if (pricePerUnit !== undefined) details.pricePerUnit = pricePerUnit;
			ctx.store.patch('items', item.itemId, { [key]: details });
		} else ctx.store.patch('items', item.itemId, {});
	});
	return ack();
};

export const getInventoryLevels: RouteHandler = (ctx) => {
	const q = ctx.query;
	const companyId = ownCompany(ctx, q.companyId);
	let rows = ctx.store.all('inventoryLevels', companyId);
	if (q.locationId) rows = rows.filter((r) => r.locationId === String(q.locationId));
	if (q.restockLevel)
		rows = rows.filter((r) => matchesRestock(q.restockLevel, r.quantityOnHand, r.restockLevel));
	return { body: resultsEnvelope(RESULTS_MESSAGES.getInventoryLevels, singlePage(rows)) };
};

/** Upsert by (itemId, locationId): the item must be a stocked part/tire of the company. */
export const updateInventoryLevels: RouteHandler = (ctx) => {
	const companyId = ownCompany(ctx, ctx.body.companyId);
	const list = ctx.body.inventoryLevels as SandboxRecord[];
	const levels = ctx.store.all('inventoryLevels', companyId);
	const plan = list.map((el, i) => {
		const item = ctx.store.find('items', String(el.itemId));
		if (!item || item.companyId !== companyId)
			throw notFound(`inventoryLevels[${i}].itemId "${String(el.itemId)}" not found`);
		if (item.itemType !== 'part' && item.itemType !== 'tire')
			throw badRequest(
				`inventoryLevels[${i}].itemId "${item.itemId}" is not a stocked part or tire`,
			);
		const locationId = locationOf(
			ctx,
			companyId,
			el.locationId,
			`inventoryLevels[${i}].locationId`,
		);
		for (const f of ['quantityOnHand', 'restockLevel'] as const) {
			if (el[f] !== undefined && el[f] < 0)
				throw badRequest(`inventoryLevels[${i}].${f} must be >= 0`);
		}
		return {
			el,
			item,
			locationId,
			existing: levels.find((l) => l.itemId === item.itemId && l.locationId === locationId),
		};
	});
	for (const { el, item, locationId, existing } of plan) {
		if (existing)
			ctx.store.patch('inventoryLevels', existing.inventoryLevelId, {
				quantityOnHand: el.quantityOnHand,
				restockLevel: el.restockLevel,
			});
		else {
			ctx.store.stampNew('inventoryLevels', {
				companyId,
				locationId,
				itemId: item.itemId,
				itemType: item.itemType,
				itemName: item.itemName,
				itemNumber: item.itemNumber,
				quantityOnHand: el.quantityOnHand ?? 0,
				restockLevel: el.restockLevel ?? 0,
			});
		}
	}
	return ack();
};
