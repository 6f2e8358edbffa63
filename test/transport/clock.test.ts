import { runNode } from '../harness';
import { ClientProbe } from '../fixtures/ClientProbe.node';
import { DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, useSandbox } from '../node/helpers';

const ctx = useSandbox();

/**
 * AutoLeap's clock reaches the client's answers: the HTTP `Date` of each answer (the sandbox is a
 * Node http server, which sends one), read from the full response n8n returns.
 */
it('every answer of the client carries the Date of the HTTP answer as serverTime', async () => {
	const { sandbox, credentials } = ctx;
	const customerId = sandbox.store.list('customers', DEMO_COMPANY_ID)[0].customerId as string;
	const vehicles = { method: 'GET', path: '/vehicles', companyId: DEMO_COMPANY_ID };
	const calls = [
		{ verb: 'readRecord', request: { method: 'GET', path: '/partners/profile' } },
		{ verb: 'readPage', request: vehicles },
		{ verb: 'readList', request: vehicles },
		{
			verb: 'write',
			request: {
				method: 'POST',
				path: '/appointmentRequests/create',
				companyId: DEMO_COMPANY_ID,
				body: {
					locationId: DEMO_LOCATION_ID,
					startDateTime: '2025-08-01T09:00:00Z',
					endDateTime: '2025-08-01T10:00:00Z',
					customer: { firstName: 'Jane', lastName: 'Smith' },
				},
			},
		},
		{
			verb: 'writeBatch',
			request: {
				method: 'POST',
				path: '/vehicles',
				companyId: DEMO_COMPANY_ID,
				body: { vehicles: [{ customerId, make: 'Honda' }] },
			},
		},
	];
	const before = Date.now();
	const result = await runNode({
		nodeType: new ClientProbe(),
		parameters: { verb: '={{ $json.verb }}', request: '={{ JSON.stringify($json.request) }}' },
		inputItems: calls,
		credentials,
	});
	const after = Date.now();
	expect(result.error).toBeUndefined();
	const answers = jsonOf(result.items);
	expect(answers).toHaveLength(calls.length);
	expect(answers[4]).toMatchObject({ outcome: 'accepted' });
	for (const { serverTime } of answers) {
		// An HTTP date has whole seconds: it was read from the header, not taken from this clock.
		expect(typeof serverTime).toBe('number');
		expect((serverTime as number) % 1000).toBe(0);
		expect(serverTime).toBeGreaterThanOrEqual(before - 1000);
		expect(serverTime).toBeLessThanOrEqual(after);
	}
});
