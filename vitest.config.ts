import { defineConfig } from 'vitest/config';
import { TESTS_WITHOUT_DATABASE } from './test/support/databases/sqld-project';

const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };
// Loads @hono/zod-openapi before anything else, as the entry points do, and lowers the cost of test
// passwords' hashes (see the files).
const setupFiles = ['test/support/zod-openapi-first.ts', 'test/support/test-password-cost.ts'];

export default defineConfig({
  test: {
    // Both cores of a 2-core machine (vitest's default leaves one idle: available parallelism − 1). Test files
    // share no port (servers listen on port 0), no file (temp folders of their own; builds take a lock) and
    // no database (each test database is its own file or its own sqld), so two can run side by side.
    maxWorkers: 2,
    // The widget is built once, before any file that serves it runs.
    globalSetup: ['test/support/build-widget-once.ts'],
    projects: [
      {
        test: {
          name: 'file',
          include: ['server/**/*.test.ts', 'rules-editor/**/*.test.ts', 'widget/**/*.test.ts', 'test/**/*.test.ts'],
          ...timeouts,
          setupFiles,
        },
      },
      {
        // The same storage, HTTP and server tests again, each test database on its own libsql server (sqld).
        // The pure domain core never sees a database, so it runs once, as do the server tests that open none.
        test: {
          name: 'sqld',
          include: ['server/**/*.test.ts', 'test/scale-out/**/*.test.ts'],
          exclude: ['server/src/domain/**', '**/node_modules/**', ...TESTS_WITHOUT_DATABASE],
          env: { JIFEN_TEST_DB: 'sqld' },
          ...timeouts,
          setupFiles,
        },
      },
    ],
  },
});
