/**
 * Which n8n process sent a request to the sandbox, from the server's side of the wire: when a
 * client connects, its socket is found in the kernel's table (/proc/net/tcp, by the client's port)
 * and then among the open files of the candidate processes (by default the children of this
 * process: every n8n it spawned, CLI runs included). The sandbox logs each request's client port,
 * so every logged request maps to a process id. Linux only; the node is not involved.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Socket } from 'node:net';

import type { RequestLogEntry } from '../../sandbox';

interface Connection {
	port: number;
	at: number;
	pid?: number;
}

/** The socket inode of the TCP connection from 127.0.0.1:`clientPort` to port `serverPort`. */
function socketInode(clientPort: number, serverPort: number): string | undefined {
	const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
	const local = `:${hex(clientPort)}`;
	const remote = `:${hex(serverPort)}`;
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n')) {
			const fields = line.trim().split(/\s+/);
			if (fields[1]?.endsWith(local) && fields[2]?.endsWith(remote)) return fields[9];
		}
	}
	return undefined;
}

/** Processes whose parent is `parent`, from /proc/<pid>/stat ("pid (comm) state ppid …"). */
export function childrenOf(parent: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent)
				children.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return children;
}

function holds(pid: number, inode: string): boolean {
	const wanted = `socket:[${inode}]`;
	try {
		return readdirSync(`/proc/${pid}/fd`).some((fd) => {
			try {
				return readlinkSync(`/proc/${pid}/fd/${fd}`) === wanted;
			} catch {
				return false; // closed meanwhile
			}
		});
	} catch {
		return false; // the process is gone
	}
}

export class ConnectionOwners {
	private readonly connections: Connection[] = [];
	/** Connections whose owner was none of the candidates (should stay 0). */
	unresolved = 0;
	private serverPort = 0;
	private known: number[] = [];

	/** `candidates` lists the process ids that may connect; read again when none of the last list holds a socket. */
	constructor(private readonly candidates: () => number[] = () => childrenOf(process.pid)) {}

	/** For `startSandbox({ onConnection })`. */
	readonly onConnection = (socket: Socket): void => {
		const port = socket.remotePort;
		if (!port) return;
		this.serverPort ||= socket.localPort ?? 0;
		const inode = socketInode(port, this.serverPort);
		let pid = inode ? this.known.find((candidate) => holds(candidate, inode)) : undefined;
		if (inode && pid === undefined) {
			this.known = this.candidates();
			pid = this.known.find((candidate) => holds(candidate, inode));
		}
		if (pid === undefined) this.unresolved++;
		this.connections.push({ port, at: Date.now(), pid });
	};

	/** The process that sent a logged request (its connection's owner), if known. */
	ownerOf(entry: RequestLogEntry): number | undefined {
		for (let i = this.connections.length - 1; i >= 0; i--) {
			const c = this.connections[i];
			if (c.port === entry.remotePort && c.at <= entry.at) return c.pid;
		}
		return undefined;
	}

	get connectionCount(): number {
		return this.connections.length;
	}
}
