import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
} from 'n8n-workflow';

import { asNodeError, nodeErrorOf, writeBatch } from '../../shared/autoleap/client';

/** AutoLeap's maximum batch is undocumented; 100 matches its page size and is a node option. */
export const DEFAULT_BATCH_SIZE = 100;

export interface BulkWrite {
	method: IHttpRequestMethods;
	path: string;
	/** The array next to `companyId` in the body, e.g. `vehicles`. */
	bodyKey: string;
	/** The AutoLeap record for one input item, built from the node's parameters. */
	buildRecord(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/** What is wrong with a record, each problem naming its field. */
	problems(record: IDataObject): string[];
}

interface Pending {
	itemIndex: number;
	companyId: string;
	record: IDataObject;
}

/**
 * AutoLeap's creates, updates and archives take many records per request. This sends the input
 * items as few requests as possible (per company, up to the batch size), yet answers per item:
 * every record is checked before anything is sent, and when AutoLeap rejects a batch for some of
 * its records, those are found — by the index or id AutoLeap's error names, else by halving — so
 * one bad record fails only its own item, at a bounded number of requests.
 */
export async function runBulkWrite(
	this: IExecuteFunctions,
	write: BulkWrite,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = new Array(items.length);
	const pending: Pending[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const companyId = this.getNodeParameter('companyId', itemIndex) as string;
			const record = write.buildRecord.call(this, itemIndex);
			const problems = write.problems(record);
			if (!companyId) problems.unshift('"Company" is required');
			if (problems.length > 0) {
				throw new NodeOperationError(
					this.getNode(),
					`Item ${itemIndex + 1} was not sent: ${problems.join('; ')}`,
					{
						itemIndex,
						description: 'Fix the fields named above; no record of this run was sent to AutoLeap.',
					},
				);
			}
			pending.push({ itemIndex, companyId, record });
		} catch (error) {
			if (!this.continueOnFail())
				throw asNodeError(this.getNode(), error, { kind: 'write', itemIndex });
			results[itemIndex] = failed(itemIndex, error as Error);
		}
	}

	const batchSize = Math.max(
		1,
		(this.getNodeParameter('options.batchSize', 0, DEFAULT_BATCH_SIZE) as number) || 1,
	);
	const applied: number[] = [];
	for (const batch of batchesOf(pending, batchSize)) {
		await sendBatch.call(this, write, batch, results, applied);
	}
	return [results];
}

function batchesOf(pending: Pending[], size: number): Pending[][] {
	const byCompany = new Map<string, Pending[]>();
	for (const entry of pending) {
		byCompany.set(entry.companyId, [...(byCompany.get(entry.companyId) ?? []), entry]);
	}
	const batches: Pending[][] = [];
	for (const entries of byCompany.values()) {
		for (let start = 0; start < entries.length; start += size)
			batches.push(entries.slice(start, start + size));
	}
	return batches;
}

/**
 * The records of a rejected batch that AutoLeap's error names: by index (`vehicles[3]`, within
 * the batch sent) or by an id the record carries. Empty when it names none, or all of them.
 */
export function namedRecords(text: string, batch: Pending[], bodyKey: string): Pending[] {
	const named = new Set<number>();
	for (const match of text.matchAll(new RegExp(`\\b${bodyKey}\\[(\\d+)\\]`, 'g'))) {
		const index = Number(match[1]);
		if (index < batch.length) named.add(index);
	}
	batch.forEach(({ record }, index) => {
		const ids = Object.entries(record).filter(
			([key, value]) => /Id$/.test(key) && (typeof value === 'string' || typeof value === 'number'),
		);
		if (
			ids.some(
				([, id]) =>
					String(id).length > 0 &&
					new RegExp(`(^|[^\\w-])${escape(String(id))}($|[^\\w-])`).test(text),
			)
		)
			named.add(index);
	});
	return named.size > 0 && named.size < batch.length
		? batch.filter((_entry, index) => named.has(index))
		: [];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A batch AutoLeap rejected for some of its records: its message, and the failure itself. */
type Rejection = { message: string; cause: unknown };

/**
 * Sends one batch; a rejection is narrowed down to the records AutoLeap refused: those its error
 * names fail alone and the rest is sent again; otherwise the batch is halved, and a half is only
 * sent when its sibling's outcome leaves it in doubt (about 1.5 × log2(batch) requests per bad
 * record, each good half applied on the way).
 */
async function sendBatch(
	this: IExecuteFunctions,
	write: BulkWrite,
	batch: Pending[],
	results: INodeExecutionData[],
	applied: number[],
): Promise<void> {
	const attempt = async (part: Pending[]): Promise<Rejection | undefined> => {
		const answer = await writeBatch.call(this, {
			method: write.method,
			path: write.path,
			companyId: part[0].companyId,
			body: { [write.bodyKey]: part.map((entry) => entry.record) },
		});
		if (answer.outcome === 'rejected') return answer;
		if (answer.outcome === 'failed') {
			await fail.call(
				this,
				part,
				answer.cause,
				applied,
				results,
				answer.refused ? 'refused' : 'failed',
			);
			return undefined;
		}
		const { success, message } = answer.ack;
		for (const { itemIndex, companyId, record } of part) {
			results[itemIndex] = {
				json: { companyId, ...record, success, message },
				pairedItem: { item: itemIndex },
			};
			applied.push(itemIndex);
		}
		return undefined;
	};
	/** A part known to hold at least one record AutoLeap rejected. */
	const narrow = async (part: Pending[], rejection: Rejection): Promise<void> => {
		const reject = (entries: Pending[]) =>
			fail.call(this, entries, rejection.cause, applied, results, 'rejected');
		if (part.length === 1) return await reject(part);
		const named = namedRecords(rejection.message, part, write.bodyKey);
		if (named.length > 0) {
			for (const entry of named) await reject([entry]);
			return await sendPart(part.filter((entry) => !named.includes(entry)));
		}
		const half = Math.ceil(part.length / 2);
		const [first, second] = [part.slice(0, half), part.slice(half)];
		const rejected = await attempt(first);
		if (rejected === undefined) return await narrow(second, rejection); // the rejected record is in the second half
		await narrow(first, rejected);
		await sendPart(second);
	};
	const sendPart = async (part: Pending[]): Promise<void> => {
		if (part.length === 0) return;
		const rejected = await attempt(part);
		if (rejected !== undefined) await narrow(part, rejected);
	};
	await sendPart(batch);
}

/** The batch's items fail: error items with Continue On Fail, otherwise the run stops naming them. */
async function fail(
	this: IExecuteFunctions,
	batch: Pending[],
	cause: unknown,
	applied: number[],
	results: INodeExecutionData[],
	outcome: 'rejected' | 'refused' | 'failed',
): Promise<void> {
	const error = await nodeErrorOf.call(this, cause, {
		kind: 'write',
		itemIndex: batch[0].itemIndex,
	});
	const items = ranges(batch.map((entry) => entry.itemIndex + 1));
	const one = batch.length === 1;
	const what = outcome === 'failed' ? outcome : `${one ? 'was' : 'were'} ${outcome}`;
	error.message = `${one ? 'Item' : 'Items'} ${items} ${what}: ${error.message}`;
	if (!this.continueOnFail()) {
		if (applied.length > 0)
			error.description =
				`${error.description ?? ''} Items already applied before this failure: ${ranges(applied.map((i) => i + 1))}.`.trim();
		throw error;
	}
	for (const { itemIndex } of batch) results[itemIndex] = failed(itemIndex, error);
}

/** Item numbers as ranges, the first few only ("1-37, 39-100 and 12 more ranges"), so a description stays short. */
export function ranges(numbers: number[], most = 20): string {
	const sorted = [...new Set(numbers)].sort((a, b) => a - b);
	const runs: string[] = [];
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
		i = j + 1;
	}
	return runs.length > most
		? `${runs.slice(0, most).join(', ')} and ${runs.length - most} more ranges`
		: runs.join(', ');
}

function failed(
	itemIndex: number,
	error: Error & { description?: string | null },
): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
		},
		error: error as never,
		pairedItem: { item: itemIndex },
	};
}
