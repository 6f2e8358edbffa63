import { ensureRuntime, packPackage } from './runtime';

/** Once per e2e run: n8n installed (first run only) and the package packed fresh. */
export default function globalSetup(): void {
	ensureRuntime();
	packPackage();
}
