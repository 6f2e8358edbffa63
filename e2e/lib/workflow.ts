/** Builds n8n workflow JSON for the e2e suite: a Manual Trigger followed by a chain of nodes. */
import { CREDENTIAL } from './n8n';

export const AUTOLEAP = 'n8n-nodes-autoleap.autoLeap';
export const AUTOLEAP_TRIGGER = 'n8n-nodes-autoleap.autoLeapTrigger';

export interface Step {
	name: string;
	/** Defaults to the AutoLeap node; core nodes by their full type name. */
	type?: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	/** n8n's node setting: run once, with the first input item only. */
	executeOnce?: boolean;
	/** n8n's node setting On Error: Continue (error items in the regular output). */
	continueOnFail?: boolean;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	>;
	active: boolean;
	settings: Record<string, unknown>;
}

/** Our nodes get the sandbox credential; the steps run one after the other. */
export function chain(
	id: string,
	name: string,
	steps: Step[],
	start: Step = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
): WorkflowJson {
	const all = [start, ...steps];
	const nodes = all.map((step, i) => {
		const type = step.type ?? AUTOLEAP;
		const ours = type.startsWith('n8n-nodes-autoleap.');
		return {
			id: `${id}-${i}`,
			name: step.name,
			type,
			typeVersion: step.typeVersion ?? 1,
			position: [i * 220, 0],
			parameters: step.parameters,
			...(step.executeOnce ? { executeOnce: true } : {}),
			...(step.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			...(ours ? { credentials: { autoLeapApi: CREDENTIAL } } : {}),
		};
	});
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

/** A Code node returning the given rows as items. */
export function rows(name: string, list: Array<Record<string, unknown>>): Step {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: `return ${JSON.stringify(list)}.map((json) => ({ json }));` },
	};
}

/** A Set (Edit Fields) node that adds fields from expressions and keeps the item's other fields. */
export function setFields(name: string, fields: Record<string, string>): Step {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			includeOtherFields: true,
			assignments: {
				assignments: Object.entries(fields).map(([field, value], i) => ({
					id: `a${i}`,
					name: field,
					value,
					type: 'string',
				})),
			},
			options: {},
		},
	};
}

/** A resource locator given by id, e.g. from an expression. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
