/**
 * The n8n editor in a real browser: Debian's chromium driven by playwright-core signs in, adds the
 * AutoLeap nodes through the node creator, runs an action against the sandbox and tests the
 * credential. It returns what was on screen (callers assert on it) and saves screenshots; an
 * element that never shows up fails the flow with a timeout.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { CHROMIUM } from '../lib/chromium';
import { OWNER, type N8nServer } from '../lib/n8n';

export { CHROMIUM };
const VIEWPORT = { width: 1400, height: 900 };
/** The editor's first load takes 10–20 s on a busy 2-core machine. */
const TIMEOUT = 90_000;

/** The screenshots, in the order they are taken. */
export const SHOTS = {
	triggers: 'autoleap-trigger-events.png',
	actions: 'autoleap-actions.png',
	node: 'autoleap-get-many-vehicles.png',
	credential: 'autoleap-credential-test.png',
	wrongKey: 'autoleap-credential-wrong-key.png',
} as const;

export interface EditorSaw {
	/** Node creator, AutoLeap's detail view. */
	triggerEvents: string[];
	actionGroups: string[];
	actions: string[];
	/** The action node's panel after picking "Get many vehicles". */
	panel: {
		title: string;
		credential: string;
		resource: string;
		operation: string;
		labels: string[];
	};
	companyOptions: string[];
	/** Output panel after "Execute step" with the first company. */
	output: { count: string; vehicleIds: string[] };
	/** Credential modal: banner after opening it, then after Retry with a wrong Auth Key. */
	credentialTest: { success: string; failure: string; failureDetails: string };
	/** The trigger's own panel, added from the node creator. */
	trigger: { title: string; event: string; eventOptions: string[] };
	/** Wall-clock times (ms) when each step began, to match the sandbox's request log. */
	marks: { panel: number; execute: number; credentialTest: number; wrongKey: number; end: number };
	screenshots: string[];
}

/** Debian's chromium, headless; without the background-networking flags it floods a closed network. */
export async function launchChromium(): Promise<{
	context: BrowserContext;
	close: () => Promise<void>;
}> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Debian's chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (as root) first`,
		);
	}
	selectors.setTestIdAttribute('data-test-id'); // what n8n's editor marks its elements with
	const profile = mkdtempSync(join(tmpdir(), 'autoleap-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: VIEWPORT,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	context.setDefaultTimeout(TIMEOUT);
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

const texts = async (locator: Locator) =>
	(await locator.allInnerTexts()).map((text) => text.trim());

/** The texts of a list the editor is still rendering: read until two reads 300 ms apart agree. */
async function settledTexts(page: Page, locator: Locator): Promise<string[]> {
	let before = await texts(locator);
	for (const until = Date.now() + TIMEOUT; Date.now() < until; ) {
		await page.waitForTimeout(300);
		const now = await texts(locator);
		if (now.length > 0 && now.join('\n') === before.join('\n')) return now;
		before = now;
	}
	return before;
}

/** The value shown by one of n8n's parameter inputs (a select or text box). */
const valueOf = (page: Page, testId: string) =>
	page.getByTestId(testId).locator('input').first().inputValue();

async function shoot(page: Page, folder: string, name: string, saw: string[]): Promise<void> {
	await page.waitForTimeout(500); // let transitions settle so the picture shows the end state
	await page.screenshot({ path: join(folder, name) });
	saw.push(name);
}

export async function signIn(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
	await page.locator('input[name="password"]').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Opens the node creator on the canvas and AutoLeap's detail view (triggers and actions). */
async function openAutoLeapInCreator(page: Page): Promise<Locator> {
	await page.getByTestId('node-creator-plus-button').click();
	const creator = page.getByTestId('node-creator');
	await creator.getByTestId('node-creator-search-bar').fill('AutoLeap');
	const name = page.getByTestId('node-creator-item-name').filter({ hasText: /^AutoLeap$/ });
	await creator.getByTestId('item-iterator-item').filter({ has: name }).first().click();
	await creator.getByTestId('node-creator-category-item').first().waitFor();
	return creator;
}

/** A category of the node creator's detail view ("Triggers (10)", "Actions (26)") and its items. */
function category(
	creator: Locator,
	title: RegExp,
): { toggle: Locator; names: Locator; item: (name: string) => Locator } {
	const toggle = creator.getByTestId('node-creator-category-item').filter({ hasText: title });
	const section = toggle.locator('xpath=..');
	return {
		toggle,
		names: section.getByTestId('node-creator-item-name'),
		item: (name) =>
			section.getByTestId('item-iterator-item').filter({ hasText: new RegExp(`^${name}$`) }),
	};
}

/** Opens the n8n select `testId` and returns its dropdown's options (a click while the panel still moves is lost: retry). */
async function openSelect(page: Page, testId: string): Promise<Locator> {
	const options = page.locator('.el-select-dropdown:visible').getByTestId('parameter-input-item');
	for (let attempt = 1; ; attempt++) {
		await page.getByTestId(testId).locator('input').first().click();
		const opened = await options
			.first()
			.waitFor({ timeout: 10_000 })
			.then(
				() => true,
				() => false,
			);
		if (opened) return options;
		if (attempt === 3) throw new Error(`The options of ${testId} never showed`);
		await page.keyboard.press('Escape');
	}
}

/** The names of every option of the n8n select `testId` (closed again afterwards). */
async function optionsOf(page: Page, testId: string): Promise<string[]> {
	const names = await texts(await openSelect(page, testId));
	await page.keyboard.press('Escape');
	return names.map((name) => name.split('\n')[0]); // without the option's description
}

export async function runEditorFlow(
	server: N8nServer,
	folder: string,
	wrongAuthKey = 'not-the-auth-key',
): Promise<EditorSaw> {
	mkdirSync(folder, { recursive: true });
	const shots: string[] = [];
	const { context, close } = await launchChromium();
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('dialog', (dialog) => void dialog.accept()); // "leave this page?" when starting a new workflow
		await signIn(page, server.base);
		await page.goto(`${server.base}/workflow/new`);
		await page.getByTestId('canvas-add-button').waitFor();

		// Node creator: on an empty canvas AutoLeap's view lists the trigger's events, then its actions.
		let creator = await openAutoLeapInCreator(page);
		const triggers = category(creator, /^Triggers/);
		await triggers.names.first().waitFor();
		const triggerEvents = await settledTexts(page, triggers.names);
		await shoot(page, folder, SHOTS.triggers, shots);
		await triggers.toggle.click();
		const actionList = category(creator, /^Actions/);
		await actionList.toggle.click();
		const vehicles = actionList.item('Get many vehicles');
		await vehicles.waitFor();
		const actions = await settledTexts(page, actionList.names); // the list grows as it renders
		const actionGroups = (await creator.innerText())
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => / ACTIONS$/.test(line));

		// The action node's panel: credential preselected, Resource / Operation, the Company picker.
		const panelOpened = Date.now();
		await vehicles.click();
		const ndv = page.getByTestId('ndv');
		await ndv.getByTestId('parameter-input-companyId').waitFor();
		const panel = {
			title: (await ndv.getByTestId('node-title-container').innerText()).trim(),
			credential: await valueOf(page, 'node-credentials-select'),
			resource: await valueOf(page, 'parameter-input-resource'),
			operation: await valueOf(page, 'parameter-input-operation'),
			labels: (await texts(ndv.getByTestId('node-parameters').getByTestId('input-label'))).map(
				(label) => label.split('\n')[0],
			),
		};
		const companyOptions = await optionsOf(page, 'parameter-input-companyId');
		await (await openSelect(page, 'parameter-input-companyId')).first().click();

		const execute = Date.now();
		await ndv.getByTestId('node-execute-button').click();
		const output = ndv.getByTestId('output-panel');
		await output.getByTestId('node-run-status-success').waitFor();
		const count = (await output.getByTestId('ndv-items-count').innerText()).trim();
		await output.locator('table tbody td').first().waitFor(); // the table renders after the count
		const headers = await texts(output.locator('table thead th'));
		const idColumn = headers.indexOf('vehicleId');
		const vehicleIds =
			idColumn < 0
				? []
				: await texts(output.locator(`table tbody tr td:nth-child(${idColumn + 1})`));
		await shoot(page, folder, SHOTS.node, shots);

		// The credential, opened from the panel: n8n tests it on opening; then a wrong Auth Key.
		const credentialTest = Date.now();
		await ndv.getByTestId('credential-edit-button').click();
		const modal = page.getByTestId('editCredential-modal');
		const success = modal.getByTestId('credentials-config-container-test-success');
		await success.waitFor();
		const successText = (await success.innerText()).replace(/\s*Retry\s*$/, '').trim();
		await shoot(page, folder, SHOTS.credential, shots);

		const wrongKey = Date.now();
		await modal.getByTestId('parameter-input-authKey').locator('input').fill(wrongAuthKey);
		await modal.getByRole('button', { name: 'Retry' }).click();
		const failure = modal.locator('.el-tag--danger:visible').filter({ hasText: 'Retry' });
		await failure.waitFor();
		const moreDetails = failure.getByText('More details');
		if (await moreDetails.isVisible()) await moreDetails.click();
		const controls = ['Retry', 'More details', 'Less details'];
		const lines = (await failure.innerText()).split('\n').map((line) => line.trim());
		const [failureText, ...details] = lines.filter((line) => line && !controls.includes(line));
		await shoot(page, folder, SHOTS.wrongKey, shots);
		// Leave without saving the wrong key.
		await page.keyboard.press('Escape');
		await page
			.getByRole('dialog', { name: 'Close without saving?' })
			.getByRole('button', { name: 'Close', exact: true })
			.click();
		await modal.waitFor({ state: 'hidden' });
		await page.getByTestId('ndv-close-button').click();

		// With a trigger on the canvas, AutoLeap's view lists only its actions (picture with the nodes).
		creator = await openAutoLeapInCreator(page);
		const again = category(creator, /^Actions/).item('Get many vehicles');
		await again.scrollIntoViewIfNeeded();
		await shoot(page, folder, SHOTS.actions, shots);
		await page.keyboard.press('Escape');

		// The trigger node, on a new empty workflow: add it with one of its events, read its Event options.
		await page.goto(`${server.base}/workflow/new`);
		await page.getByTestId('canvas-add-button').waitFor();
		creator = await openAutoLeapInCreator(page);
		await category(creator, /^Triggers/)
			.item('On vehicle updated')
			.click();
		await ndv.getByTestId('parameter-input-event').waitFor();
		const trigger = {
			title: (await ndv.getByTestId('node-title-container').innerText()).trim(),
			event: await valueOf(page, 'parameter-input-event'),
			eventOptions: await optionsOf(page, 'parameter-input-event'),
		};

		return {
			triggerEvents,
			actionGroups,
			actions,
			panel,
			companyOptions,
			output: { count, vehicleIds },
			credentialTest: {
				success: successText,
				failure: failureText ?? '',
				failureDetails: details.join(' '),
			},
			trigger,
			marks: { panel: panelOpened, execute, credentialTest, wrongKey, end: Date.now() },
			screenshots: shots,
		};
	} catch (error) {
		const page = context.pages()[0];
		if (page) await page.screenshot({ path: join(folder, 'failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		await close();
	}
}
