import { idProblem, pathSegment } from '../../nodes/shared/autoleap/transport/paths';

it('an id becomes one encoded path segment; a blank id, "." or ".." is refused', () => {
	expect(pathSegment(' 12/../x?y=1 ')).toBe('12%2F..%2Fx%3Fy%3D1');
	expect(pathSegment(42)).toBe('42');
	expect([undefined, null, ' ', '.', '..'].map(idProblem)).toEqual([
		'is empty',
		'is empty',
		'is empty',
		'is ".", which is not an ID',
		'is "..", which is not an ID',
	]);
	expect(() => pathSegment('..')).toThrow('The ID is "..", which is not an ID');
});
