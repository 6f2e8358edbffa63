/**
 * Loaded into n8n by `npm run bench:volume` (NODE_OPTIONS=--require): n8n's event loop seen from
 * inside. A 10 ms timer notes every turn that came more than 50 ms late, as a line
 * `{"start":…,"end":…}` (wall-clock ms) in $VOLUME_PROBE.<pid>; nothing else is touched. Child
 * processes n8n starts (its task runner) inherit NODE_OPTIONS and write files of their own pid.
 */
const { appendFileSync } = require('node:fs');

const folder = process.env.VOLUME_PROBE;
if (folder) {
	const file = `${folder}.${process.pid}`;
	const now = () => performance.timeOrigin + performance.now();
	let last = now();
	setInterval(() => {
		const at = now();
		if (at - last > 60) appendFileSync(file, `${JSON.stringify({ start: last, end: at })}\n`);
		last = at;
	}, 10).unref();
}
