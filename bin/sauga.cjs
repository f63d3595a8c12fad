#!/usr/bin/env node
'use strict';
// The installed `sauga` command runs the CLI bundled by `npm run build` (out/main/cli.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write(
    'sauga: the command-line tool has not been built yet (out/main/cli.js is missing).\n' +
      'Run `npm run build` once, or from a checkout use `npm run sauga -- <args>`.\n',
  );
  process.exit(2);
}
require(built).main();
