import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties } from 'n8n-workflow';

import { AutoLeapApi } from '../../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../../nodes/AutoLeap/AutoLeap.node';
import { AutoLeapTrigger } from '../../nodes/AutoLeapTrigger/AutoLeapTrigger.node';
import { RENEW_BEFORE } from '../../nodes/shared/autoleap/account';
import { COMMIT_LAG_MS } from '../../nodes/shared/autoleap/transport/moves';

/** The defaults and constants the README quotes are the ones the code has. */
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');

const byName = (properties: INodeProperties[], name: string) =>
	properties.filter((p) => p.name === name);
const inOptions = (properties: INodeProperties[], name: string) =>
	properties.flatMap((p) => (p.options ?? []) as INodeProperties[]).find((o) => o.name === name)!;

it('the credential: processes, patience and timeout defaults', () => {
	const [processes, patience, timeout] = ['processes', 'patienceMinutes', 'timeoutSeconds'].map(
		(name) => new AutoLeapApi().properties.find((p) => p.name === name)!.default,
	);
	expect(readme).toContain(`Account**, ${processes} by default)`);
	expect(readme).toContain(`before it fails; ${patience} by default`);
	expect(readme).toContain(
		`the last byte of its answer (an answer that trickles in is cut there too); ${timeout} by default`,
	);
	expect(readme).toContain(`(default ${patience} min)`); // the fault table's row
});

it('token renewal: the window a process draws its moment from', () => {
	const from = RENEW_BEFORE.least * 60;
	const to = (RENEW_BEFORE.least + RENEW_BEFORE.spread) * 60;
	expect(readme.match(new RegExp(`${from} to ${to} minutes`, 'g'))).toHaveLength(2);
});

it('Get Many: Limit’s default on every list', () => {
	const limits = byName(new AutoLeap().description.properties, 'limit').map((p) => p.default);
	expect(new Set(limits)).toEqual(new Set([limits[0]]));
	expect(readme).toContain(`Limit (default ${limits[0]})`);
});

it('the trigger: Overlap, Max Requests per Poll and its maximum', () => {
	const options = byName(new AutoLeapTrigger().description.properties, 'options');
	const overlap = inOptions(options, 'overlap');
	const maxRequests = inOptions(options, 'maxRequests');
	expect(readme).toContain(`**Overlap** (seconds re-read every poll, default ${overlap.default})`);
	expect(readme).toContain(`**Max Requests per Poll** (default ${maxRequests.default},`);
	expect(readme).toContain(`(up to ${maxRequests.typeOptions!.maxValue}) when imports`);
});

it('lists: the commit lag a read allows for', () => {
	expect(readme).toContain(`commits more than ${COMMIT_LAG_MS / 1000} s after stamping it`);
});
