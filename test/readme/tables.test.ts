import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodePropertyOptions } from 'n8n-workflow';

import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { TRIGGER_EVENTS } from '../../nodes/AutoLeapTrigger/events';

/** The README's tables must list what the nodes offer: no more, no less. */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function tableRows(heading: string): string[][] {
	const section = readme.split(`## ${heading}`)[1].split('\n## ')[0];
	return section
		.split('\n')
		.filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
		.slice(1)
		.map((line) =>
			line
				.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim()),
		);
}

it('the Operations table lists every resource and operation of the AutoLeap node', () => {
	const { properties } = new AutoLeap().description;
	const resources = properties.find((p) => p.name === 'resource')!
		.options as INodePropertyOptions[];
	const offered = properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => {
			const resource = resources.find(
				(r) => r.value === p.displayOptions!.show!.resource![0],
			)!.name;
			return (p.options as INodePropertyOptions[]).map((o) => `${resource} / ${o.name}`);
		});
	// The README may qualify an operation's name, e.g. "Get (by RO number)".
	const listed = tableRows('Operations').map(
		([resource, operation]) => `${resource} / ${operation.replace(/ \(.*\)$/, '')}`,
	);
	expect([...listed].sort()).toEqual([...offered].sort());
});

it('the Trigger events table lists every event of the AutoLeap Trigger', () => {
	const listed = tableRows('Trigger events').map(([event]) => event);
	expect([...listed].sort()).toEqual(TRIGGER_EVENTS.map((event) => event.name).sort());
});
