import { apiCalls, DEMO_COMPANY_ID, DEMO_LOCATION_ID, jsonOf, run, useSandbox } from './helpers';

const ctx = useSandbox();

describe('Technician Timesheet', () => {
	it('Get Many sends the date range (startDate/endDate, UTC ISO) and location, and returns the logs in it', async () => {
		const { sandbox, credentials } = ctx;
		const logs = sandbox.store
			.list('timesheetLogs', DEMO_COMPANY_ID)
			.filter((l) => l.locationId === DEMO_LOCATION_ID);
		const clockIns = logs.map((l) => l.clockIn as string).sort();
		const [from, to] = [clockIns[3], clockIns[clockIns.length - 4]];
		const result = await run(credentials, {
			resource: 'technicianTimesheet',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			startDate: from,
			endDate: to,
			locationId: DEMO_LOCATION_ID,
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		const calls = apiCalls(sandbox, '/technicians/timesheetLogs');
		expect(calls.length).toBeGreaterThanOrEqual(1);
		expect(calls[0].query).toEqual({
			companyId: DEMO_COMPANY_ID,
			startDate: `${new Date(from).toISOString().slice(0, 19)}Z`,
			endDate: `${new Date(to).toISOString().slice(0, 19)}Z`,
			locationId: DEMO_LOCATION_ID,
			page: '1',
			size: '100',
		});
		const records = jsonOf(result.items);
		expect(records).toHaveLength(logs.filter((l) => l.clockIn >= from && l.clockIn <= to).length);
		expect(records.every((r) => String(r.clockIn) >= from && String(r.clockIn) <= to)).toBe(true);
		expect(records[0]).toHaveProperty('technician');
		// Simplified logs keep their id (its name is inferred: the sandbox says timesheetLogId).
		expect(records.filter((r) => (r.timesheetLogId ?? r.logId) === undefined)).toEqual([]);
		expect(records[0]).not.toHaveProperty('companyId');
	});

	it('Get Many without a location reads every location', async () => {
		const { sandbox, credentials } = ctx;
		const result = await run(credentials, {
			resource: 'technicianTimesheet',
			operation: 'getAll',
			companyId: DEMO_COMPANY_ID,
			startDate: '2000-01-01',
			endDate: '2100-01-01',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(apiCalls(sandbox)[0].query).not.toHaveProperty('locationId');
		expect(result.items).toHaveLength(sandbox.store.list('timesheetLogs', DEMO_COMPANY_ID).length);
	});
});
