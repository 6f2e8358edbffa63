import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { writeBatch } from '../../shared/autoleap/client';
import { BATCH_CAP_TEXT, BATCH_CAP_TOPIC } from '../../shared/autoleap/endpoints';

/** One input item's record, checked and waiting to be sent. */
export interface Pending {
	itemIndex: number;
	companyId: string;
	record: IDataObject;
}

/** Where a bulk write goes, and what in a record AutoLeap may name it by. */
export interface BatchTarget {
	method: IHttpRequestMethods;
	path: string;
	/** The array next to `companyId` in the body, e.g. `vehicles`. */
	bodyKey: string;
	/**
	 * The record's own id fields (`vehicleId` of a vehicle update; item and location of an
	 * inventory level), all of which an error must name to name the record. Never a foreign key
	 * (a vehicle's `customerId`): that names every record of the customer. None for a create.
	 */
	idFields: readonly string[];
}

/** What becomes of the items of a part: written, or failed in one of three ways. */
export interface BatchOutcomes {
	accept(part: Pending[], ack: IDataObject): void;
	/** `rejected`: AutoLeap refused the record alone or named it; `refused`: it said it applied nothing. */
	fail(part: Pending[], cause: unknown, how: 'rejected' | 'refused' | 'failed'): Promise<void>;
}

/** A part AutoLeap refused with 400, 404 or 422: its message, and the failure itself. */
type Refusal = { message: string; cause: unknown };

/** How a part comes to be sent: new, its second try whole, or a half of a refused part. */
type Stage = 'new' | 'again' | 'half';

/**
 * Sends checked records in as few requests as AutoLeap takes, and blames a record only on
 * AutoLeap's word: a refusal (which applied nothing) that names records by their position or
 * own id fails those alone; one that names none is tried once more whole (a batch-level refusal
 * that does not come back was not the records' fault), then halved until each refused part is a
 * single record AutoLeap refused alone. Both halves are always sent, so nothing is inferred. A
 * cap AutoLeap states, or a refused part whose halves both pass, lowers the batch size for the
 * rest of the run. Requests: one per batch, one more for a batch refused without names, two per
 * refused part of more than one record, one per refusal naming records.
 */
export class BatchSender {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly target: BatchTarget,
		private readonly outcomes: BatchOutcomes,
		/** Records per request: the Batch Size option until AutoLeap shows it takes fewer. */
		public size: number,
		/** Called between requests: gives n8n's event loop a turn. */
		private readonly pause: () => Promise<void>,
	) {}

	/** Sends one company's records; true when AutoLeap accepted every one of them. */
	async send(part: Pending[], stage: Stage = 'new'): Promise<boolean> {
		if (part.length > this.size) {
			let all = true;
			for (let at = 0; at < part.length; ) {
				const chunk = part.slice(at, at + this.size);
				at += chunk.length;
				all = (await this.send(chunk)) && all;
			}
			return all;
		}
		await this.pause();
		const answer = await this.attempt(part);
		if (typeof answer === 'boolean') return answer;
		await this.settle(part, answer, stage);
		return false;
	}

	/** One request: accepted (true), failed (false, its items failed), or refused. */
	private async attempt(part: Pending[]): Promise<boolean | Refusal> {
		const { method, path, bodyKey } = this.target;
		const answer = await writeBatch.call(this.ctx, {
			method,
			path,
			companyId: part[0].companyId,
			body: { [bodyKey]: part.map((entry) => entry.record) },
		});
		if (answer.outcome === 'rejected') return answer;
		if (answer.outcome === 'failed') {
			await this.outcomes.fail(part, answer.cause, answer.refused ? 'refused' : 'failed');
			return false;
		}
		this.outcomes.accept(part, answer.ack);
		return true;
	}

	/** A part AutoLeap refused: what it named fails, the rest is sent again as the refusal allows. */
	private async settle(part: Pending[], refusal: Refusal, stage: Stage): Promise<void> {
		const named = namedRecords(refusal.message, part, this.target);
		if (named.size > 0) {
			for (const entry of named) await this.outcomes.fail([entry], refusal.cause, 'rejected');
			const rest = part.filter((entry) => !named.has(entry));
			if (rest.length > 0) await this.send(rest);
			return;
		}
		const cap = statedCap(refusal.message, this.target.bodyKey);
		if (cap !== undefined && cap < part.length) {
			this.size = Math.min(this.size, cap);
			await this.send(part);
			return;
		}
		if (stage === 'new') {
			await this.pause();
			const again = await this.attempt(part);
			if (typeof again !== 'boolean') await this.settle(part, again, 'again');
			return;
		}
		if (part.length === 1) return await this.outcomes.fail(part, refusal.cause, 'rejected');
		const half = Math.ceil(part.length / 2);
		const first = await this.send(part.slice(0, half), 'half');
		const second = await this.send(part.slice(half), 'half');
		// Refused whole, taken in halves: AutoLeap refuses requests this large.
		if (first && second) this.size = Math.min(this.size, half);
	}
}

/**
 * The records a refusal names: by position in the part sent (`vehicles[3]`), or by all of their
 * own id fields. An index is not an id: `vehicles[3]` does not name the record whose id is 3.
 */
function namedRecords(text: string, part: Pending[], target: BatchTarget): Set<Pending> {
	const named = new Set<Pending>();
	const index = new RegExp(`\\b${escape(target.bodyKey)}\\[(\\d+)\\]`, 'g');
	for (const match of text.matchAll(index)) {
		const entry = part[Number(match[1])];
		if (entry) named.add(entry);
	}
	if (target.idFields.length === 0) return named;
	const rest = text.replace(index, ' ');
	for (const entry of part) {
		if (target.idFields.every((field) => mentions(rest, entry.record[field]))) named.add(entry);
	}
	return named;
}

function mentions(text: string, id: unknown): boolean {
	if (typeof id !== 'string' && typeof id !== 'number') return false;
	const value = String(id);
	return value.length > 0 && new RegExp(`(^|[^\\w-])${escape(value)}($|[^\\w-])`).test(text);
}

/** The most records per request a refusal states, when it speaks of records per request. */
function statedCap(text: string, bodyKey: string): number | undefined {
	const cap = BATCH_CAP_TEXT.exec(text);
	const topic = BATCH_CAP_TOPIC.test(text) || text.includes(bodyKey);
	const most = cap ? Number(cap[1]) : 0;
	return topic && most >= 1 ? most : undefined;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
