import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';

import {
	accountKeyOf,
	CREDENTIAL_TYPE,
	fingerprintOf,
	limitsOf,
	renewalDue,
	secretsOf,
	trimmedString,
} from './account';
import { PAGE_SIZE, pathInference } from './endpoints';
import type { Expectation } from './transport/answers';
import { pageFactsOf, recordOf, recordsOf } from './transport/envelope';
import {
	AnswerError,
	asNodeError,
	autoLeapMessageOf,
	ownErrorOf,
	RenewalError,
	statusOf,
	toAutoLeapError,
} from './transport/errors';
import { ChunkError, readChunk as readChunkAfter } from './transport/chunks';
import { chunkFrom, continuationOf, readFingerprint } from './transport/continuation';
import { MovedError } from './transport/moves';
import { collectPages, isLastPage } from './transport/pagination';
import { pathSegment } from './transport/paths';
import { budgetFor, requestKind } from './transport/rateBudget';
import type { RequestKind } from './transport/rateBudget';
import { send } from './transport/send';
import type { Answer, AutoLeapRequest, HttpPort } from './transport/send';
import { keyOf, readWholeList } from './transport/wholeList';
import type { GetPage, ListChecks } from './transport/wholeList';
import { ownFailureOf, sentBySender } from './tokens';

/**
 * The nodes' one way to AutoLeap, in its words: read a list, a page or a record, write, send a
 * bulk-write batch. Nothing outside the core imports transport/ (test/lint/layers).
 */

export { asNodeError } from './transport/errors';
export { isObject } from './transport/envelope';
export { idProblem } from './transport/paths';
export type { AutoLeapRequest } from './transport/send';
export type { ListChecks } from './transport/wholeList';

/** Every answer carries AutoLeap's clock: the HTTP `Date` of the answer, ms since the epoch. */
interface Clocked {
	serverTime?: number;
}

/** Every n8n context our nodes send from (IExecutePaginationFunctions is an IExecuteSingleFunctions). */
export type AutoLeapContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| IPollFunctions
	| ILoadOptionsFunctions;

export interface Page extends Clocked {
	records: IDataObject[];
	/** Whether AutoLeap has no page after this one. */
	last: boolean;
	totalCount?: number;
}

/**
 * A list read whole, or up to `limit` records; its time is that of the last answer. With an id
 * field and `checks`, a list read to its end (Return All, or a Limit it does not reach) is
 * output only if no record moved while it was read (wholeList.ts).
 */
export async function readList(
	this: AutoLeapContext,
	request: AutoLeapRequest,
	{
		limit,
		idField,
		itemIndex,
		checks,
	}: { limit?: number; idField?: string; itemIndex?: number; checks?: ListChecks } = {},
): Promise<{ records: IDataObject[] } & Clocked> {
	const list = listReader(this, request, itemIndex);
	const qs = request.qs ?? {};
	try {
		const records =
			idField && checks
				? await readWholeList(list.get, qs, {
						...checks,
						idField,
						limit,
						mayReadAgain: readsFit(this),
					})
				: await collectPages(
						async (page, size) => (await list.get(qs, page, size, `page ${page} of the list`)).body,
						{ limit, keyOf: idField ? keyOf(idField) : undefined },
					);
		return { records, serverTime: list.serverTime() };
	} catch (error) {
		throw listFailure(this, error, itemIndex);
	}
}

export interface Chunk extends Clocked {
	records: IDataObject[];
	/** Its number in the read, 1 for the first. */
	chunk: number;
	/** The value for the next chunk's Continue From; empty once the list's end was read. */
	continueFrom: string;
}

/**
 * One chunk of a list read in chunks: the `size` records after where the chunk before ended (the
 * first chunk for an empty `continueFrom`), once no record moved while it was read (chunks.ts).
 */
export async function readChunk(
	this: AutoLeapContext,
	request: AutoLeapRequest,
	options: {
		size: number;
		continueFrom: string;
		idField: string;
		checks: ListChecks;
		itemIndex?: number;
	},
): Promise<Chunk> {
	const { size, continueFrom, idField, checks, itemIndex } = options;
	const list = listReader(this, request, itemIndex);
	const read = readFingerprint(request.path, request.companyId ?? '', request.qs);
	try {
		const { number, start } = chunkFrom(continueFrom, read);
		const chunk = await readChunkAfter(
			list.get,
			request.qs ?? {},
			{ ...checks, idField, mayReadAgain: readsFit(this) },
			{ size, start, number },
		);
		return {
			records: chunk.records,
			chunk: number,
			continueFrom: chunk.next ? continuationOf(read, number + 1, chunk.next) : '',
			serverTime: list.serverTime(),
		};
	} catch (error) {
		throw listFailure(this, error, itemIndex);
	}
}

/** GETs of a list's pages, each failure naming its request; and AutoLeap's time of the last answer. */
function listReader(ctx: AutoLeapContext, request: AutoLeapRequest, itemIndex?: number) {
	let serverTime: number | undefined;
	const get: GetPage = async (qs, page, size, what) => {
		const sentAt = Date.now();
		try {
			const answer = await answerTo(
				ctx,
				pageRequest({ ...request, qs }, page, size),
				'list',
				itemIndex,
			);
			serverTime = answer.serverTime;
			return { ...answer, sentAt, receivedAt: Date.now() };
		} catch (error) {
			// Name the request: the pages before it were read, and are not output on their own.
			if (error instanceof Error) error.message = `${error.message} (${what})`;
			throw asNodeError(ctx.getNode(), error, { kind: 'read', itemIndex });
		}
	};
	return { get, serverTime: () => serverTime };
}

/** A list that failed: records moved, a chunk that cannot continue, pages that do not add up. */
function listFailure(ctx: AutoLeapContext, error: unknown, itemIndex?: number) {
	if (error instanceof MovedError || error instanceof ChunkError)
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: error.description,
		});
	// Requests fail as NodeApiErrors already; a list whose pages do not add up is mapped here.
	return asNodeError(ctx.getNode(), error, { kind: 'read', itemIndex });
}

/** The longest wait for the rate budget a second read of a list may start with: 5 s of AutoLeap's minute. */
const SECOND_READ_WAIT = 1 / 12;

/** Whether the account's read budget takes `requests` more without waiting longer than that. */
function readsFit(ctx: AutoLeapContext) {
	return async (requests: number) => {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const limits = limitsOf(credentials);
		const wait = budgetFor(accountKeyOf(credentials), limits).waitFor('read', requests);
		return wait <= limits.windowMs * SECOND_READ_WAIT;
	};
}

/** One page of a list (AutoLeap's pages are 1-based). */
export async function readPage(
	this: AutoLeapContext,
	request: AutoLeapRequest,
	page: number,
	size = PAGE_SIZE,
): Promise<Page> {
	const { body, serverTime } = await answerTo(this, pageRequest(request, page, size), 'list');
	const records = recordsOf(body);
	return {
		records,
		last: isLastPage(body, page, records.length, size),
		totalCount: pageFactsOf(body).totalCount,
		serverTime,
	};
}

/**
 * One record: GET `path`, or `path`/{id} with the id as one checked path segment (see
 * `idProblem`). An answer holding another record than `id` names is an error, never a wrong record.
 */
export async function readRecord(
	this: AutoLeapContext,
	request: AutoLeapRequest,
	{ id, idField, itemIndex }: { id?: string; idField?: string; itemIndex?: number } = {},
): Promise<{ record: IDataObject } & Clocked> {
	const path = id === undefined ? request.path : `${request.path}/${pathSegment(id)}`;
	const { body, serverTime } = await answerTo(this, { ...request, path }, 'record', itemIndex);
	const record = recordOf(body);
	const got =
		record && idField && record[idField] !== undefined ? String(record[idField]) : undefined;
	if (!record || (id !== undefined && got !== undefined && got !== id)) {
		const problem = record
			? `it holds ${idField} ${got} for the requested ${id}`
			: 'the answer holds no record';
		throw toAutoLeapError(this.getNode(), new AnswerError(problem), { kind: 'read', itemIndex });
	}
	return { record, serverTime };
}

/** A write AutoLeap acknowledges (`success: true`): the acknowledgement, and any records it holds. */
export async function write(
	this: AutoLeapContext,
	request: AutoLeapRequest,
	itemIndex?: number,
): Promise<{ ack: IDataObject; records: IDataObject[] } & Clocked> {
	const { body, serverTime } = await answerTo(this, request, 'ack', itemIndex);
	return { ack: body as IDataObject, records: recordsOf(body), serverTime };
}

/**
 * What became of one bulk-write batch: accepted; rejected by AutoLeap for some of its records
 * (400, 404 or 422, with the message it gave, which may name them); or failed otherwise —
 * `refused` when AutoLeap answered that it did not apply it (`success: false`). A failure's
 * `cause` becomes the node's error through `nodeErrorOf`.
 */
export type BatchOutcome =
	| ({ outcome: 'accepted'; ack: IDataObject } & Clocked)
	| { outcome: 'rejected'; message: string; cause: unknown }
	| { outcome: 'failed'; refused: boolean; cause: unknown };

const REJECTIONS = [400, 404, 422];

/** Sends one bulk-write batch (`{companyId, <records>: [...]}`), never throwing for AutoLeap's answer. */
export async function writeBatch(
	this: AutoLeapContext,
	request: AutoLeapRequest,
): Promise<BatchOutcome> {
	try {
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const { body, serverTime } = await send(credentials, request, {
			port: authenticatedPort(this),
			expect: 'ack',
		});
		return { outcome: 'accepted', ack: body as IDataObject, serverTime };
	} catch (cause) {
		if (REJECTIONS.includes(statusOf(cause) ?? 0))
			return { outcome: 'rejected', message: autoLeapMessageOf(cause) ?? '', cause };
		return { outcome: 'failed', refused: ownErrorOf(cause, AnswerError)?.refused === true, cause };
	}
}

/**
 * One plain NodeApiError for a failure, without any secret the credential holds now or held in
 * `known` (a renewal during the request may have replaced the tokens it was sent with).
 */
export async function nodeErrorOf(
	this: AutoLeapContext,
	error: unknown,
	context: { kind: RequestKind; itemIndex?: number; inference?: string },
	known: ICredentialDataDecryptedObject[] = [],
): Promise<NodeApiError> {
	const now = await this.getCredentials(CREDENTIAL_TYPE).catch(
		() => ({}) as ICredentialDataDecryptedObject,
	);
	return toAutoLeapError(this.getNode(), error, {
		...context,
		secrets: [now, ...known].flatMap(secretsOf),
	});
}

const pageRequest = (request: AutoLeapRequest, page: number, size: number): AutoLeapRequest => ({
	...request,
	qs: { ...request.qs, page, size },
});

/** AutoLeap's checked answer; a failure becomes one plain NodeApiError. */
async function answerTo(
	ctx: AutoLeapContext,
	request: AutoLeapRequest,
	expect: Expectation,
	itemIndex?: number,
): Promise<Answer> {
	const before = await ctx.getCredentials(CREDENTIAL_TYPE);
	try {
		return await send(before, request, { port: authenticatedPort(ctx), expect });
	} catch (error) {
		const kind = requestKind(request.method);
		const inference = pathInference(request.path);
		throw await nodeErrorOf.call(ctx, error, { kind, itemIndex, inference }, [before]);
	}
}

/**
 * Sends through the credential: n8n applies `authenticate`, and renews the token after a 401.
 * When the token's known lifetime is about to run out, the request carries it blanked, so n8n
 * renews it (and saves the new pair) before sending. After a renewal that lost a rotation race
 * (its refresh token refused), the next attempt takes the stored pair as it is now: the winner's
 * if it was saved meanwhile; still the refused one, it renews again, and the keeper logs in.
 */
function authenticatedPort(ctx: AutoLeapContext): HttpPort {
	return async (options, previous) => {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const details = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
		// `options` ask for the full response (body, headers), which is what this port returns.
		if (!details)
			return await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options);
		const refused = ownErrorOf(previous, RenewalError)?.refusedPair;
		const renew =
			renewalDue(credentials, Date.now()) ||
			(refused !== undefined && fingerprintOf(trimmedString(credentials.refreshToken)) === refused);
		const data = sentBySender(renew ? { ...credentials, accessToken: '' } : { ...credentials });
		const credentialsDecrypted = {
			id: details.id ?? '',
			name: details.name,
			type: CREDENTIAL_TYPE,
			data,
		};
		const sent = await ctx.helpers.httpRequestWithAuthentication
			.call(ctx, CREDENTIAL_TYPE, options, { credentialsDecrypted })
			.then(
				(response: { body: unknown; headers?: object }) => ({ response }),
				(error: unknown) => ({ error }),
			);
		if ('response' in sent) return sent.response;
		// Our own failure (a renewal's, the deadline), which n8n 1.x does not pass on.
		throw ownFailureOf(data) ?? sent.error;
	};
}
