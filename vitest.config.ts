import { defineConfig } from 'vitest/config';

const integration = ['test/integration/**/*.test.ts'];

/**
 * Several server nodes need a shared database server, which PGlite (embedded, single-process) is not:
 * those tests live in test/integration-pg and run in the PostgreSQL project only.
 *
 * Four projects: unit tests beside the code; the integration suite twice, once on the real
 * PostgreSQL and once on embedded PGlite; and the browser end-to-end tests.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['{server,workers,shared}/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'postgres', include: [...integration, 'test/integration-pg/**/*.test.ts'], env: { YP_TEST_DB: 'pg' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'pglite', include: integration, env: { YP_TEST_DB: 'pglite' }, globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'media', include: ['test/media/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
      { extends: true, test: { name: 'esign', include: ['test/esign/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'] } },
    ],
  },
});
