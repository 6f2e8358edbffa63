/**
 * Lints the built descriptions of both nodes and the credential as literals, with the project's
 * ESLint config (n8n's community-node rules), so a property generated from a field spec is held to
 * the same rules as a hand-written one. Run by descriptions.test.ts in a child process (ESLint's
 * config and n8n's plugin are ES modules, which jest's module system cannot load).
 *
 *   tsx test/lint/lintDescriptions.ts [--plant]   prints JSON: [{ file, messages: [...] }]
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { fieldOptions, fieldsCollection } from '../../nodes/AutoLeap/shared/inputs';
import type { FieldSpec } from '../../nodes/shared/autoleap/fields/spec';
import { VEHICLE_FIELDS } from '../../nodes/shared/autoleap/fields/vehicle';
import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';

const ROOT = resolve(__dirname, '..', '..');

/** The three mistakes a field spec could carry unseen before: lower-case label, boolean without "Whether", final period. */
export const PLANTED: FieldSpec = {
	name: 'isFleet',
	label: 'is fleet',
	kind: 'boolean',
	description: 'The vehicle belongs to a fleet.',
};

interface Serialised {
	code: string;
	/** The innermost object each line of `code` belongs to. */
	owners: unknown[];
}

/** A TypeScript literal of `value`: identifier keys unquoted (the rules match them by name), functions left out. */
function literal(value: unknown): Serialised {
	const lines: string[] = [];
	const owners: unknown[] = [];
	const write = (v: unknown, indent: string, prefix: string, suffix: string, owner: unknown) => {
		if (Array.isArray(v)) {
			lines.push(`${indent}${prefix}[`);
			owners.push(owner);
			v.forEach((x) => write(x, `${indent}\t`, '', ',', owner));
			lines.push(`${indent}]${suffix}`);
			owners.push(owner);
		} else if (v !== null && typeof v === 'object') {
			lines.push(`${indent}${prefix}{`);
			owners.push(v);
			for (const [k, x] of Object.entries(v)) {
				if (x === undefined || typeof x === 'function') continue;
				write(
					x,
					`${indent}\t`,
					`${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: `,
					',',
					v,
				);
			}
			lines.push(`${indent}}${suffix}`);
			owners.push(v);
		} else {
			lines.push(`${indent}${prefix}${JSON.stringify(v)}${suffix}`);
			owners.push(owner);
		}
	};
	write(value, '', '', '', undefined);
	return { code: lines.join('\n'), owners };
}

function nodeSource(className: string, description: object, header: string): Serialised {
	const head = `import type { INodeType, INodeTypeDescription } from 'n8n-workflow';\n\nexport class ${className} implements INodeType {\n${header}\tdescription: INodeTypeDescription = `;
	const body = literal(description);
	const headLines = head.split('\n').length - 1;
	return {
		code: `${head}${body.code};\n}\n`,
		owners: [...Array(headLines).fill(undefined), ...body.owners],
	};
}

function credentialSource(): Serialised {
	const credential = new AutoLeapApi();
	const fields = ['name', 'displayName', 'documentationUrl', 'icon', 'properties', 'test'] as const;
	const head = `import type { ICredentialType } from 'n8n-workflow';\n\nexport class AutoLeapApi implements ICredentialType {\n`;
	const lines: string[] = [];
	const owners: unknown[] = Array(head.split('\n').length - 1).fill(undefined);
	for (const field of fields) {
		const body = literal(credential[field]);
		const [first, ...rest] = body.code.split('\n');
		lines.push(`\t${field} = ${first}`, ...rest.map((line) => `\t${line}`));
		lines[lines.length - 1] += ';';
		owners.push(...body.owners);
	}
	return { code: `${head}${lines.join('\n')}\n}\n`, owners };
}

async function main() {
	const plant = process.argv.includes('--plant');
	const node = new AutoLeap().description;
	if (plant) {
		node.properties.push(
			fieldsCollection(
				'additionalFields',
				{ show: { resource: ['vehicle'], operation: ['create'] } },
				fieldOptions([...VEHICLE_FIELDS, PLANTED]),
			),
		);
	}
	const sources: Array<[string, Serialised]> = [
		['nodes/AutoLeap/AutoLeap.node.ts', nodeSource('AutoLeap', node, '\tmethods = {};\n')],
		[
			'nodes/AutoLeapTrigger/AutoLeapTrigger.node.ts',
			nodeSource('AutoLeapTrigger', new AutoLeapTrigger().description, ''),
		],
		['credentials/AutoLeapApi.credentials.ts', credentialSource()],
	];
	const eslint = new ESLint({ cwd: ROOT });
	const out = [];
	for (const [file, { code, owners }] of sources) {
		const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
		const lines = code.split('\n');
		out.push({
			file,
			messages: result.messages.map((m) => ({
				ruleId: m.ruleId,
				message: m.message,
				text: lines[m.line - 1]?.trim(),
				owner: owners[m.line - 1] ?? null,
			})),
		});
	}
	process.stdout.write(JSON.stringify(out));
}

void main();
