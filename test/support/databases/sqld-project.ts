/**
 * Server test files the `sqld` project leaves out: they never open a test database (no `tempDatabase`,
 * directly or through test support), so on a libsql server they would run exactly as in the `file`
 * project. test/architecture/sqld-project.test.ts checks that each still opens none; a file that starts to
 * must leave this list, so that its storage runs on sqld too.
 */
export const TESTS_WITHOUT_DATABASE = [
  'server/src/features/evaluate/batch-answer.test.ts',
  'server/src/features/evaluate/batch-differential.test.ts',
  'server/src/features/evaluate/evaluate-routes.test.ts',
  'server/src/features/evaluate/evaluation-json.test.ts',
  'server/src/features/rule-sets/rule-set-resolver.test.ts',
  'server/src/features/rule-sets/rule-set-routes.test.ts',
  'server/src/features/widget/docs-page.test.ts',
  'server/src/platform/db/prepared-reads.test.ts',
  'server/src/platform/db/shared-reads.test.ts',
  'server/src/platform/http/error-page.test.ts',
  'server/src/platform/http/json-body.test.ts',
  'server/src/platform/http/json-bytes.test.ts',
  'server/src/platform/http/json-shape.test.ts',
  'server/src/platform/http/security-headers.test.ts',
  'server/src/platform/http/static.test.ts',
] as const;
