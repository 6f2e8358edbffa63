import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, nodeErrorOf } from '../../shared/autoleap/client';
import { BatchSender } from './bulkSend';
import type { BatchOutcomes, BatchTarget, Pending } from './bulkSend';

/** AutoLeap's maximum batch is undocumented; 100 matches its page size and is a node option. */
export const DEFAULT_BATCH_SIZE = 100;

export interface BulkWrite extends BatchTarget {
	/** The AutoLeap record for one input item, built from the node's parameters. */
	buildRecord(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/** What is wrong with a record, each problem naming its field. */
	problems(record: IDataObject): string[];
}

/**
 * AutoLeap's creates, updates and archives take many records per request. This sends the input
 * items as few requests as possible (per company, up to the batch size), yet answers per item:
 * every record is checked before anything is sent, and a refused batch is narrowed down to the
 * records AutoLeap refused (see BatchSender). Work grows linearly with the items, and n8n's event
 * loop gets a turn every few milliseconds, so other workflows run while a large input is checked.
 */
export async function runBulkWrite(
	this: IExecuteFunctions,
	write: BulkWrite,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = new Array(items.length);
	const byCompany = new Map<string, Pending[]>();
	const pause = turnTaker();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		await pause();
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
			const entries = byCompany.get(companyId) ?? [];
			if (entries.length === 0) byCompany.set(companyId, entries);
			entries.push({ itemIndex, companyId, record });
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
	const sender = new BatchSender(this, write, outcomesInto.call(this, results), batchSize, pause);
	for (const entries of byCompany.values()) await sender.send(entries);
	return [results];
}

/** How long our own work may hold n8n's event loop before it gets a turn. */
const TURN_MS = 15;

/** A pause that yields to the event loop (a timer: I/O and other executions run) once per turn. */
function turnTaker(): () => Promise<void> {
	let since = Date.now();
	return async () => {
		if (Date.now() - since < TURN_MS) return;
		await sleep(0);
		since = Date.now();
	};
}

/**
 * Items written become AutoLeap's acknowledgement; failed ones, error items with Continue On
 * Fail, otherwise the run stops naming them and the items already applied.
 */
function outcomesInto(this: IExecuteFunctions, results: INodeExecutionData[]): BatchOutcomes {
	const applied: number[] = [];
	return {
		accept: (part, { success, message }) => {
			for (const { itemIndex, companyId, record } of part) {
				results[itemIndex] = {
					json: { companyId, ...record, success, message },
					pairedItem: { item: itemIndex },
				};
				applied.push(itemIndex);
			}
		},
		fail: async (part, cause, how) => {
			const error = await nodeErrorOf.call(this, cause, {
				kind: 'write',
				itemIndex: part[0].itemIndex,
			});
			const items = ranges(part.map((entry) => entry.itemIndex + 1));
			const one = part.length === 1;
			const what = how === 'failed' ? how : `${one ? 'was' : 'were'} ${how}`;
			error.message = `${one ? 'Item' : 'Items'} ${items} ${what}: ${error.message}`;
			if (!this.continueOnFail()) {
				if (applied.length > 0)
					error.description =
						`${error.description ?? ''} Items already applied before this failure: ${ranges(applied.map((i) => i + 1))}.`.trim();
				throw error;
			}
			for (const { itemIndex } of part) results[itemIndex] = failed(itemIndex, error);
		},
	};
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
