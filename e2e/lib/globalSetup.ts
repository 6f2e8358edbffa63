import { ensureChromium } from './chromium';
import { ensureRuntime, packPackage } from './runtime';

/** Once per e2e run: n8n and chromium installed (first run only) and the package packed fresh. */
export default function globalSetup(): void {
	ensureRuntime();
	ensureChromium();
	packPackage();
}
