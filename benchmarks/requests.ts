/**
 * How many requests (and how much time) the AutoLeap node spends on the two heavy jobs, against the
 * sandbox, compared with the alternative on the same machine in the same run:
 *   - Create of 1,000 input items: bulk batches of 100 (ours) vs one request per item (batch size 1,
 *     what n8n's declarative engine would send).
 *   - Return All of 10,000 vehicles: how many pages it costs (AutoLeap caps pages at 100 records).
 * Limits are raised on both sides so that the comparison measures work, not waiting.
 *
 *   npx tsx benchmarks/requests.ts
 */
import '../scripts/n8n-env';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapApi } from '../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../nodes/AutoLeap/AutoLeap.node';
import { startSandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { CredentialStore, runNode } from '../test/harness';

const HIGH = 1_000_000;

async function main() {
	const probe = await startSandbox({ port: 0 });
	const seeded = probe.store.list('vehicles', DEMO_COMPANY_ID).length;
	await probe.close();
	// reset() below drops the vehicles the create benchmark added, so Return All reads 10,000.
	const sandbox = await startSandbox({
		port: 0,
		bulkVehicles: 10_000 - seeded,
		limits: { get: HIGH, write: HIGH },
	});
	let credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: sandbox.url,
			readsPerMinute: HIGH,
			writesPerMinute: HIGH,
			accessToken: '',
		},
	});
	const node = new AutoLeap();
	const measure = async (parameters: INodeParameters, inputItems?: IDataObject[]) => {
		sandbox.clearLog();
		const start = performance.now();
		const result = await runNode({ nodeType: node, parameters, inputItems, credentials });
		if (result.error) throw result.error;
		const ms = performance.now() - start;
		const requests = sandbox.requestLog.filter((r) => !r.path.endsWith('/partners/login')).length;
		return { items: result.items.length, requests, ms };
	};

	const customerId = String(sandbox.store.list('vehicles', DEMO_COMPANY_ID)[0].customerId);
	const rows = Array.from({ length: 1_000 }, (_, i) => ({ plate: `BEN-${i}` }));
	const create = (batchSize: number) => ({
		resource: 'vehicle',
		operation: 'create',
		companyId: DEMO_COMPANY_ID,
		customerId: { __rl: true, mode: 'id', value: customerId },
		additionalFields: { make: 'Ford', model: 'Transit', licensePlate: '={{ $json.plate }}' },
		options: { batchSize },
	});
	const bulk = await measure(create(100), rows);
	const single = await measure(create(1), rows);

	sandbox.reset();
	// reset() dropped the sandbox's tokens: start from a fresh login, as a new n8n would.
	credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: { ...credentials.data('autoLeapApi'), accessToken: '' },
	});
	const total = sandbox.store.list('vehicles', DEMO_COMPANY_ID).length;
	const readAll = await measure({
		resource: 'vehicle',
		operation: 'getAll',
		companyId: DEMO_COMPANY_ID,
		returnAll: true,
	});
	await sandbox.close();

	const row = (label: string, ours: typeof bulk, alt: typeof bulk) =>
		`${label}\n  ours: ${ours.items} items, ${ours.requests} requests\n  alternative: ${alt.items} items, ${alt.requests} requests\n  requests ratio ${(alt.requests / ours.requests).toFixed(1)}x, time ratio ${(alt.ms / ours.ms).toFixed(1)}x (alternative / ours)`;
	console.log(row('Create 1,000 vehicles (batch 100 vs 1 per request)', bulk, single));
	console.log(
		`Return All of ${total} vehicles\n  ours: ${readAll.items} items, ${readAll.requests} requests`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
