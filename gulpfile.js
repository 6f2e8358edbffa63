const path = require('path');
const { task, src, dest } = require('gulp');

// tsc does not copy SVGs: put each icon next to the compiled node or credential that names it.
task('build:icons', copyIcons);

function copyIcons() {
	src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
	return src(path.resolve('nodes', '**', '*.{png,svg,json}')).pipe(
		dest(path.resolve('dist', 'nodes')),
	);
}
