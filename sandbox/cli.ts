/* Runs the sandbox standalone: `npm run sandbox -- --port 4010 --bulk-vehicles 100000`. */
import { parseArgs } from 'node:util';
import {
	DATE_MODES,
	DEMO_COMPANY_2_ID,
	DEMO_COMPANY_ID,
	DEMO_PARTNER,
	END_BOUNDS,
	extraCompanyIds,
	OTHER_COMPANY_ID,
	OTHER_PARTNER,
	STAMP_PRECISIONS,
	startSandbox,
} from './index';

const HELP = `AutoLeap Partner API v2 sandbox

Options (env var in brackets):
  --port <n>               listen port, 0 = random        [AUTOLEAP_SANDBOX_PORT, default 4010]
  --host <h>               listen address                  [AUTOLEAP_SANDBOX_HOST, default 127.0.0.1]
  --seed <n>               demo data seed                  [AUTOLEAP_SANDBOX_SEED, default 1]
  --access-ttl-ms <n>      access token lifetime           [AUTOLEAP_SANDBOX_ACCESS_TTL_MS, default 3600000]
  --refresh-ttl-ms <n>     refresh token lifetime          [AUTOLEAP_SANDBOX_REFRESH_TTL_MS, default 10800000]
  --get-limit <n>          GETs per window per partner     [AUTOLEAP_SANDBOX_GET_LIMIT, default 150]
  --write-limit <n>        writes per window per partner   [AUTOLEAP_SANDBOX_WRITE_LIMIT, default 50]
  --window-ms <n>          rate-limit window               [AUTOLEAP_SANDBOX_WINDOW_MS, default 60000]
  --bulk-vehicles <n>      extra vehicles for benchmarks   [AUTOLEAP_SANDBOX_BULK_VEHICLES, default 0]
  --companies <n>          extra shops in the demo partner's profile, ids 700001… (small shops)
                                                           [AUTOLEAP_SANDBOX_COMPANIES, default 0]
  --latency-ms <n>         delay every API response        [AUTOLEAP_SANDBOX_LATENCY_MS, default 0]
  --dates <mode>           date filters: documented (YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DD only,
                           anything finer is a 400), truncate (cut to the second), lenient (to the ms)
                                                           [AUTOLEAP_SANDBOX_DATES, default documented]
  --end-bound <b>          an end bound …:05Z means: second (through 05.999) or instant (05.000)
                                                           [AUTOLEAP_SANDBOX_END_BOUND, default second]
  --stamps <p>             record stamps: milliseconds or seconds
                                                           [AUTOLEAP_SANDBOX_STAMPS, default milliseconds]
  --archived <m>           archived customers, vehicles, items in lists: listed or hidden
                                                           [AUTOLEAP_SANDBOX_ARCHIVED, default listed]
  --manual-clock [iso]     start a manual clock (admin API moves it)
  --help`;

const { values } = parseArgs({
	options: {
		port: { type: 'string' },
		host: { type: 'string' },
		seed: { type: 'string' },
		'access-ttl-ms': { type: 'string' },
		'refresh-ttl-ms': { type: 'string' },
		'get-limit': { type: 'string' },
		'write-limit': { type: 'string' },
		'window-ms': { type: 'string' },
		'bulk-vehicles': { type: 'string' },
		companies: { type: 'string' },
		'latency-ms': { type: 'string' },
		'manual-clock': { type: 'string' },
		dates: { type: 'string' },
		'end-bound': { type: 'string' },
		stamps: { type: 'string' },
		archived: { type: 'string' },
		help: { type: 'boolean' },
	},
	allowPositionals: false,
});

function num(flag: string, env: string, fallback?: number): number | undefined {
	const raw = (values as Record<string, unknown>)[flag] ?? process.env[env];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isFinite(n) || n < 0) {
		console.error(`Invalid value for --${flag}: ${String(raw)}`);
		process.exit(2);
	}
	return n;
}

function choice<T extends string>(flag: string, env: string, allowed: readonly T[]): T | undefined {
	const raw = (values as Record<string, unknown>)[flag] ?? process.env[env];
	if (raw === undefined || raw === '') return undefined;
	if (!allowed.includes(raw as T)) {
		console.error(`Invalid value for --${flag}: ${String(raw)} (one of: ${allowed.join(', ')})`);
		process.exit(2);
	}
	return raw as T;
}

async function main(): Promise<void> {
	if (values.help) {
		console.log(HELP);
		return;
	}
	const started = Date.now();
	const extra = num('companies', 'AUTOLEAP_SANDBOX_COMPANIES', 0) ?? 0;
	const sandbox = await startSandbox({
		port: num('port', 'AUTOLEAP_SANDBOX_PORT', 4010),
		host: values.host ?? process.env.AUTOLEAP_SANDBOX_HOST ?? '127.0.0.1',
		seed: num('seed', 'AUTOLEAP_SANDBOX_SEED', 1),
		accessTokenTtlMs: num('access-ttl-ms', 'AUTOLEAP_SANDBOX_ACCESS_TTL_MS'),
		refreshTokenTtlMs: num('refresh-ttl-ms', 'AUTOLEAP_SANDBOX_REFRESH_TTL_MS'),
		limits: {
			get: num('get-limit', 'AUTOLEAP_SANDBOX_GET_LIMIT', 150),
			write: num('write-limit', 'AUTOLEAP_SANDBOX_WRITE_LIMIT', 50),
			windowMs: num('window-ms', 'AUTOLEAP_SANDBOX_WINDOW_MS', 60_000),
		},
		bulkVehicles: num('bulk-vehicles', 'AUTOLEAP_SANDBOX_BULK_VEHICLES', 0),
		companies: extra,
		latencyMs: num('latency-ms', 'AUTOLEAP_SANDBOX_LATENCY_MS', 0),
		dates: choice('dates', 'AUTOLEAP_SANDBOX_DATES', DATE_MODES),
		endBound: choice('end-bound', 'AUTOLEAP_SANDBOX_END_BOUND', END_BOUNDS),
		stamps: choice('stamps', 'AUTOLEAP_SANDBOX_STAMPS', STAMP_PRECISIONS),
		archived: choice('archived', 'AUTOLEAP_SANDBOX_ARCHIVED', ['listed', 'hidden'] as const),
		...(values['manual-clock'] !== undefined
			? { clock: 'manual' as const, startTime: values['manual-clock'] || undefined }
			: {}),
	});
	// Demo credentials are public fixtures of the sandbox, not secrets.
	console.log(`AutoLeap sandbox listening on ${sandbox.url} (ready in ${Date.now() - started} ms)`);
	console.log(`  admin API:     ${sandbox.origin}/__admin/`);
	console.log(`  dates:         ${JSON.stringify(sandbox.dates)}`);
	console.log(
		`  demo partner:  partnerId=${DEMO_PARTNER.partnerId} authKey=${DEMO_PARTNER.authKey} companies ${[DEMO_COMPANY_ID, DEMO_COMPANY_2_ID, ...extraCompanyIds(extra)].join(', ')}`,
	);
	console.log(
		`  other partner: partnerId=${OTHER_PARTNER.partnerId} authKey=${OTHER_PARTNER.authKey} company ${OTHER_COMPANY_ID}`,
	);
	const stop = (signal: string) => {
		console.log(`${signal} received, stopping sandbox`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
