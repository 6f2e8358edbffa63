/**
 * The quick demo (no n8n install): start the AutoLeap sandbox and run a small workflow through the
 * AutoLeap node with n8n-core's execution engine, printing what each step did.
 *
 *   npm run demo:quick      (AUTOLEAP_SANDBOX_PORT picks the port; default: any free one)
 */
import './n8n-env';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AutoLeapApi } from '../credentials/AutoLeapApi.credentials';
import { AutoLeap } from '../nodes/AutoLeap/AutoLeap.node';
import { startSandbox } from '../sandbox';
import { DEMO_COMPANY_ID, DEMO_PARTNER } from '../sandbox/seed';
import { CredentialStore, runNode } from '../test/harness';

async function main() {
	const sandbox = await startSandbox({ port: Number(process.env.AUTOLEAP_SANDBOX_PORT ?? 0) });
	console.log(`AutoLeap sandbox on ${sandbox.url} (partner ${DEMO_PARTNER.partnerId})\n`);
	const credentials = new CredentialStore([new AutoLeapApi()], {
		autoLeapApi: {
			...DEMO_PARTNER,
			environment: 'custom',
			customUrl: sandbox.url,
			readsPerMinute: 150,
			writesPerMinute: 50,
			accessToken: '',
		},
	});
	const node = new AutoLeap();
	const step = async (title: string, parameters: INodeParameters, inputItems?: IDataObject[]) => {
		const before = sandbox.requestLog.length;
		const result = await runNode({ nodeType: node, parameters, inputItems, credentials });
		if (result.error) throw result.error;
		const requests = sandbox.requestLog.slice(before);
		console.log(`• ${title}: ${result.items.length} item(s) out, ${requests.length} request(s)`);
		for (const r of requests.slice(0, 4)) console.log(`    ${r.method} ${r.path} → ${r.status}`);
		if (requests.length > 4) console.log(`    … ${requests.length - 4} more`);
		return result.items.map((item) => item.json);
	};

	try {
		const [profile] = await step('Partner → Get Profile', {
			resource: 'partner',
			operation: 'getProfile',
		});
		const companies = (profile.companies as IDataObject[]).map((c) => `${c.name} (${c.companyId})`);
		console.log(`    companies: ${companies.join(', ')}\n`);

		const vehicles = await step('Vehicle → Get Many (Return All)', {
			resource: 'vehicle',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			returnAll: true,
		});
		console.log(`    first: ${JSON.stringify(vehicles[0])}\n`);

		const customerId = String(vehicles[0].customerId);
		const rows = Array.from({ length: 120 }, (_, i) => ({
			plate: `DEMO-${String(i).padStart(3, '0')}`,
		}));
		const created = await step(
			'Vehicle → Create, 120 spreadsheet rows',
			{
				resource: 'vehicle',
				operation: 'create',
				companyId: DEMO_COMPANY_ID,
				customerId: { __rl: true, mode: 'id', value: customerId },
				additionalFields: {
					make: 'Toyota',
					model: 'Corolla',
					year: 2020,
					licensePlate: '={{ $json.plate }}',
				},
			},
			rows,
		);
		console.log(`    item 1 → ${JSON.stringify(created[0])}\n`);

		const total = sandbox.requestLog.length;
		const logins = sandbox.requestLog.filter((r) => r.path.endsWith('/partners/login')).length;
		const limited = sandbox.requestLog.filter((r) => r.status === 429).length;
		console.log(`Done: ${total} requests to AutoLeap, ${logins} login, ${limited} rate-limited.`);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(
		error instanceof Error
			? `${error.message}\n${(error as { description?: string }).description ?? ''}`
			: error,
	);
	process.exitCode = 1;
});
