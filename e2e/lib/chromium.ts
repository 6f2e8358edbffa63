/** Debian's chromium for the browser check; installed from Debian's packages when missing. */
import { existsSync } from 'node:fs';

import { run } from './runtime';

export const CHROMIUM = '/usr/bin/chromium';

/** `npm test` on a fresh machine installs it itself (about a minute); needs root, as CI has. */
export function ensureChromium(): void {
	if (existsSync(CHROMIUM)) return;
	const apt = ['install', '-y', '--no-install-recommends', 'chromium'];
	try {
		run('apt-get install chromium', 'apt-get', apt);
	} catch {
		// A fresh machine may not have read the package lists yet.
		run('apt-get update', 'apt-get', ['update']);
		run('apt-get install chromium', 'apt-get', apt);
	}
}
