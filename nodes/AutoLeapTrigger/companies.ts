import { NodeOperationError } from 'n8n-workflow';
import type { INode, IPollFunctions, NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../shared/autoleap/client';
import { loadCompanies } from '../shared/autoleap/profile';
import type { CompanyChoice } from './description';

/** A shop the trigger watches: its id, and its name when the profile was read. */
export interface WatchedCompany {
	id: string;
	name?: string;
}

/**
 * The shops a poll reads: the one or several chosen, or every company the partner profile lists
 * now (one GET each poll, so a shop added or removed counts from the next poll on). The profile's
 * shape is inferred: one that holds no companies is an error saying what it held (profile.ts).
 */
export async function watchedCompanies(
	ctx: IPollFunctions,
	choice: CompanyChoice,
): Promise<WatchedCompany[]> {
	if (choice === 'all') {
		const companies = await loadCompanies.call(ctx);
		return unique(companies.map(({ id, name }) => ({ id, name })));
	}
	if (choice === 'one') return [{ id: String(ctx.getNodeParameter('companyId')) }];
	const chosen = ctx.getNodeParameter('companyIds', []) as string[] | string;
	// An expression may give a list or "id1, id2".
	const ids = (Array.isArray(chosen) ? chosen : String(chosen).split(','))
		.map((id) => String(id).trim())
		.filter((id) => id !== '');
	if (ids.length === 0)
		throw new NodeOperationError(ctx.getNode(), 'No company chosen in Company Names or IDs', {
			description:
				'Choose the shops to watch, or set Companies to One Company or Every Company in the Profile.',
		});
	return unique(ids.map((id) => ({ id })));
}

function unique(companies: WatchedCompany[]): WatchedCompany[] {
	return [...new Map(companies.map((company) => [company.id, company])).values()];
}

/**
 * The order a poll reads its shops in: those that caught up last time first. What they leave of
 * the cap goes to those still behind (a backfill), which share it equally (`shareOf`).
 */
export function readingOrder<T>(companies: T[], behind: (company: T) => boolean): T[] {
	return [...companies.filter((c) => !behind(c)), ...companies.filter(behind)];
}

/**
 * A shop's part of the requests left in this poll: an equal part among the shops not read yet,
 * and at least one (its first slice always completes, so each shop moves on every poll).
 */
export function shareOf(requestsLeft: number, companiesLeft: number): number {
	return Math.max(1, Math.floor(requestsLeft / companiesLeft));
}

/**
 * A shop's failure as the node's error, naming the shop when the trigger watches several: the
 * poll fails, and no shop's cursor moves, so nothing is lost.
 */
export function companyError(
	node: INode,
	error: unknown,
	company: WatchedCompany,
	several: boolean,
): NodeApiError | NodeOperationError {
	const failure = asNodeError(node, error, { kind: 'read' });
	if (!several) return failure;
	const shop = company.name ? `${company.name} (${company.id})` : company.id;
	failure.message = `Company ${shop}: ${failure.message}`;
	failure.description =
		`${failure.description ?? ''} The trigger watches several shops: this poll emitted nothing and kept every shop's place, so their changes come at the next poll that reads them all. If AutoLeap no longer lets the partner read this shop, take it out of the trigger's companies.`.trim();
	return failure;
}
