import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';

/** A stand-in for n8n's Manual Trigger that emits the given items. */
export function manualTrigger(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger',
			name: MANUAL_TRIGGER_TYPE,
			group: ['trigger'],
			version: 1,
			description: 'Emits the test input items',
			defaults: { name: 'Manual Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [items.map((json) => ({ json: structuredClone(json) }))];
		},
	};
}

/** Our node types by name (their `description.name` unless given), plus any extra. */
export function buildNodeTypes(types: Record<string, INodeType | IVersionedNodeType>): INodeTypes {
	return {
		getByName: (name) => {
			const type = types[name];
			if (!type) throw new Error(`Harness: unknown node type "${name}"`);
			return type;
		},
		getByNameAndVersion: (name, version) => {
			const type = types[name];
			if (!type) throw new Error(`Harness: unknown node type "${name}"`);
			return NodeHelpers.getVersionedNodeType(type, version);
		},
		getKnownTypes: () => ({}),
	};
}

export function latestVersion(type: INodeType): number {
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}
