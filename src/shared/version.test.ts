import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SAUGA_VERSION } from './version';

it('is the version in package.json', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(SAUGA_VERSION).toBe(pkg.version);
});
