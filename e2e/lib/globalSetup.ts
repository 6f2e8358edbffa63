import { prepareE2e } from './prepare';
import { packPackage } from './runtime';

/** Once per e2e run: the runtimes and chromium (first run only), and the package packed fresh. */
export default async function globalSetup(globalConfig: {
	selectProjects?: string[];
}): Promise<void> {
	await prepareE2e(globalConfig.selectProjects);
	packPackage();
}
