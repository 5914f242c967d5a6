import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // one migrated database per run, copied by each test app (test/setup/template-db.ts)
    globalSetup: ['test/setup/template-db.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
