/**
 * A local npm registry that serves this package's packed tarball under its name, and passes every
 * other request on to the public registry: `npm install n8n-nodes-autoleap` works as it will once
 * the package is published.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const UPSTREAM = 'https://registry.npmjs.org';

export async function startRegistry(
	tarball: string,
): Promise<{ url: string; close(): Promise<void> }> {
	const bytes = readFileSync(tarball);
	const manifest = packageJsonOf(tarball);
	const fileName = `${manifest.name}-${manifest.version}.tgz`;
	const server: Server = createServer(async (req, res) => {
		const url = req.url ?? '/';
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		if (decodeURIComponent(url) === `/${manifest.name}`) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(packument(manifest, `${base}/${manifest.name}/-/${fileName}`, bytes)));
			return;
		}
		if (url === `/${manifest.name}/-/${fileName}`) {
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			res.end(bytes);
			return;
		}
		try {
			const upstream = await fetch(`${UPSTREAM}${url}`, {
				headers: { accept: req.headers.accept ?? 'application/json' },
			});
			res.writeHead(upstream.status, {
				'content-type': upstream.headers.get('content-type') ?? 'application/json',
			});
			res.end(Buffer.from(await upstream.arrayBuffer()));
		} catch {
			res.writeHead(502);
			res.end();
		}
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise<void>((done) => server.close(() => done())),
	};
}

interface Manifest {
	name: string;
	version: string;
	[key: string]: unknown;
}

/** package.json from inside the tarball (npm pack writes it as package/package.json). */
function packageJsonOf(tarball: string): Manifest {
	const text = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
		encoding: 'utf8',
	});
	return JSON.parse(text) as Manifest;
}

function packument(manifest: Manifest, tarballUrl: string, bytes: Buffer) {
	const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
	const shasum = createHash('sha1').update(bytes).digest('hex');
	return {
		name: manifest.name,
		'dist-tags': { latest: manifest.version },
		versions: {
			[manifest.version]: {
				...manifest,
				_id: `${manifest.name}@${manifest.version}`,
				dist: { tarball: tarballUrl, integrity, shasum },
			},
		},
	};
}
