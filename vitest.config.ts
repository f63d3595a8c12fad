import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tests/independent/**/*.test.ts',
      // The short form of the fault-injection suite (20 kills); `npm run test:faults` runs the long one.
      'tests/faults/**/*.test.ts',
    ],
    environment: 'node',
    // Argon2id at 64 MiB and SQLCipher work make some tests take seconds on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
