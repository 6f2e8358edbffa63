import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData } from 'n8n-workflow';

import { isObject } from '../../shared/autoleap/transport/envelope';
import { statusOf } from '../../shared/autoleap/transport/errors';
import { autoLeapRequest } from '../../shared/autoleap/transport/send';

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
 * every record is checked before anything is sent, and when AutoLeap rejects a batch it is split
 * until the rejected records are found, so one bad record fails only its own item.
 */
export async function runBulkWrite(this: IExecuteFunctions, write: BulkWrite): Promise<INodeExecutionData[][]> {
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
				throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1} was not sent: ${problems.join('; ')}`, {
					itemIndex,
					description: 'Fix the fields named above; no record of this run was sent to AutoLeap.',
				});
			}
			pending.push({ itemIndex, companyId, record });
		} catch (error) {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- already a NodeOperationError or NodeApiError
			if (!this.continueOnFail()) throw error;
			results[itemIndex] = failed(itemIndex, error as Error);
		}
	}

	const batchSize = Math.max(1, (this.getNodeParameter('options.batchSize', 0, DEFAULT_BATCH_SIZE) as number) || 1);
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
		for (let start = 0; start < entries.length; start += size) batches.push(entries.slice(start, start + size));
	}
	return batches;
}

/** AutoLeap refuses a whole batch for one bad record (400), or one unknown id (404). */
const isRecordRejection = (status: number | undefined) => status === 400 || status === 404 || status === 422;

async function sendBatch(
	this: IExecuteFunctions,
	write: BulkWrite,
	batch: Pending[],
	results: INodeExecutionData[],
	applied: number[],
): Promise<void> {
	const body = { companyId: batch[0].companyId, [write.bodyKey]: batch.map((entry) => entry.record) };
	try {
		const answer = await autoLeapRequest.call(this, { method: write.method, path: write.path, body }, batch[0].itemIndex);
		const { success = true, message } = isObject(answer) ? answer : {};
		for (const { itemIndex, companyId, record } of batch) {
			results[itemIndex] = { json: { companyId, ...record, success, message }, pairedItem: { item: itemIndex } };
			applied.push(itemIndex);
		}
	} catch (error) {
		if (isRecordRejection(statusOf(error)) && batch.length > 1) {
			const half = Math.ceil(batch.length / 2);
			await sendBatch.call(this, write, batch.slice(0, half), results, applied);
			await sendBatch.call(this, write, batch.slice(half), results, applied);
			return;
		}
		// The rejected record is found: name its input item, since AutoLeap's text counts within the request.
		if (isRecordRejection(statusOf(error)) && error instanceof Error) {
			error.message = `Item ${batch[0].itemIndex + 1} was rejected: ${error.message}`;
		}
		if (!this.continueOnFail()) {
			if (applied.length > 0 && error instanceof Error && 'description' in error) {
				error.description = `${error.description ?? ''} Items already applied before this failure: ${applied.map((i) => i + 1).join(', ')}.`.trim();
			}
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- autoLeapRequest throws NodeApiError only
			throw error;
		}
		for (const { itemIndex } of batch) results[itemIndex] = failed(itemIndex, error as Error);
	}
}

function failed(itemIndex: number, error: Error & { description?: string | null }): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		error: error as never,
		pairedItem: { item: itemIndex },
	};
}
