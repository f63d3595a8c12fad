import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the fault-injection suite in its long form (120 kills, 200 flips). */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    env: { SAUGA_FAULTS: 'long' },
    testTimeout: 1_800_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
