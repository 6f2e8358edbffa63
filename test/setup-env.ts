import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core writes ~/.n8n/config unless it is pointed elsewhere.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'autoleap-n8n-'));
// n8n-core logs node errors to stdout; the tests assert on them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
