import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Imported first by scripts: n8n-core would otherwise write ~/.n8n/config and log to stdout.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'autoleap-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
