import type {
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

type CustomOperation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;
export type CustomOperations = Record<string, Record<string, CustomOperation>>;

/**
 * As an AI tool (AI Agent, MCP Server Trigger), n8n 2.41 runs this node through its declarative
 * engine only, without `customOperations` (a bulk write would go without a URL). So each custom
 * operation also gets a `routing.operations.pagination` running its handler for the call's item;
 * normal runs still take the custom operation (n8n prefers it), so their batching is unchanged.
 */
export function withToolRouting(
	properties: INodeProperties[],
	operations: CustomOperations,
): INodeProperties[] {
	return properties.map((property) => {
		const [resource] = (property.displayOptions?.show?.resource ?? []) as string[];
		const handlers = operations[resource];
		if (property.name !== 'operation' || !handlers) return property;
		const options = (property.options as INodePropertyOptions[]).map((option) => {
			const handler = handlers[String(option.value)];
			return handler ? { ...option, routing: toolRouting(handler) } : option;
		});
		return { ...property, options };
	});
}

function toolRouting(handler: CustomOperation): INodePropertyRouting {
	async function autoLeapAsTool(this: IExecutePaginationFunctions) {
		const [items] = await handler.call(forThisItem(this));
		const item = this.getItemIndex();
		return items.map((result) => ({ ...result, pairedItem: { item } }));
	}
	return { send: { paginate: true }, operations: { pagination: autoLeapAsTool } };
}

/** The engine's context for one item, seen as a run of that one item (index 0). */
function forThisItem(context: IExecutePaginationFunctions): IExecuteFunctions {
	const item = context.getInputData();
	return Object.create(context, {
		getInputData: { value: () => [item] },
		getNodeParameter: {
			value: (
				name: string,
				_itemIndex: number,
				fallback?: unknown,
				options?: IGetNodeParameterOptions,
			) => context.getNodeParameter(name, fallback, options),
		},
	}) as IExecuteFunctions;
}
