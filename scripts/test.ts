/**
 * `npm test`: the unit stage while the e2e stage's runtimes install beside it (on a fresh machine
 * that is minutes of download and compiling), then the e2e stage. The install's output is shown
 * after the unit stage's, so the two do not interleave.
 */
import { spawn } from 'node:child_process';

function run(
	command: string,
	args: string[],
	quiet = false,
): Promise<{ code: number; output: string }> {
	return new Promise((done) => {
		const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => done({ code: code ?? 1, output }));
	});
}

async function main(): Promise<number> {
	const started = Date.now();
	const install = run('npx', ['tsx', 'e2e/lib/prepare.ts'], true);
	const unit = await run('npm', ['run', 'test:unit']);
	const installed = await install;
	process.stdout.write(installed.output);
	console.log(`• unit stage and e2e install: ${Math.round((Date.now() - started) / 1000)} s`);
	if (unit.code !== 0) return unit.code;
	if (installed.code !== 0) return installed.code;
	return (await run('npm', ['run', 'test:e2e'])).code;
}

main().then((code) => process.exit(code));
