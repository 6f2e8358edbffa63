/**
 * The e2e suite's per-process attribution (e2e/lib/attribution.ts): each request the sandbox logs
 * maps to the process that sent it, found from the server's side of the connection.
 */
import { spawn } from 'node:child_process';

import { ConnectionOwners } from '../../e2e/lib/attribution';
import { startSandbox, type Sandbox } from '../../sandbox';

let sandbox: Sandbox;
const owners = new ConnectionOwners();

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, onConnection: owners.onConnection });
});
afterAll(async () => await sandbox.close());

/** A child process that sends `count` requests, each on a connection of its own. */
async function child(count: number): Promise<number> {
	const script = `(async () => { for (let i = 0; i < ${count}; i++) await fetch(process.argv[1] + '/partners/profile', { headers: { connection: 'close' } }); })()`;
	const proc = spawn(process.execPath, ['-e', script, sandbox.url], { stdio: 'ignore' });
	await new Promise((done) => proc.once('exit', done));
	return proc.pid!;
}

const describeOnLinux = process.platform === 'linux' ? describe : describe.skip;

describeOnLinux('ConnectionOwners', () => {
	it('maps every logged request to the child process that sent it', async () => {
		const [a, b] = await Promise.all([child(3), child(2)]);
		const senders = sandbox.requestLog.map((r) => owners.ownerOf(r));
		expect(senders.filter((pid) => pid === a)).toHaveLength(3);
		expect(senders.filter((pid) => pid === b)).toHaveLength(2);
		expect(owners.unresolved).toBe(0);
	});

	it('leaves a request from a process that is not a child unattributed', async () => {
		const from = sandbox.requestLog.length;
		await fetch(`${sandbox.url}/partners/profile`, { headers: { connection: 'close' } });
		expect(owners.ownerOf(sandbox.requestLog[from])).toBeUndefined();
		expect(owners.unresolved).toBe(1);
	});
});
