import { redact, rememberSecret } from '../../nodes/shared/autoleap/transport/redaction';

describe('redact', () => {
	it('keeps a remembered secret out of every text until its time is up, then forgets it', () => {
		rememberSecret('at_remembered_0001', Date.now() + 60_000);
		rememberSecret('at_expired_0002', Date.now() - 1);
		expect(redact('session at_remembered_0001 and at_expired_0002')).toBe(
			'session [redacted] and at_expired_0002',
		);
	});

	it('never remembers anything too short to be a secret (it would blank ordinary words)', () => {
		rememberSecret('abc', Date.now() + 60_000);
		expect(redact('abc abcd')).toBe('abc abcd');
	});
});
