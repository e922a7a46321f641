/**
 * The dependency rules of server/src (README "Where each part lives"). Paths are relative to the folder
 * the check runs in (the repository root).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain core imports nothing outside itself: no HTTP, no database, no other layer.',
      severity: 'error',
      from: { path: '^server/src/domain/' },
      to: {
        pathNot: ['^server/src/domain/'],
        dependencyTypesNot: ['npm', 'core'],
      },
    },
    {
      name: 'domain-has-no-io',
      comment: 'The domain core never serves HTTP, opens a database or touches files.',
      severity: 'error',
      from: { path: '^server/src/domain/' },
      to: { path: ['(^|/)node_modules/(hono|@hono|@libsql|libsql)/', '^(fs|node:fs|fs/promises|node:fs/promises|http|node:http|net|node:net|child_process|node:child_process)$'] },
    },
    {
      name: 'platform-serves-every-feature',
      comment: 'The platform (http, db) is shared by the features and imports none of them.',
      severity: 'error',
      from: { path: '^server/src/platform/' },
      to: { path: '^server/src/(features/|app\\.ts|main\\.ts|server\\.ts|resident-app\\.ts|cli/)' },
    },
    {
      name: 'features-meet-through-index',
      comment: "A feature imports another feature only through that feature's index.ts.",
      severity: 'error',
      from: { path: '^server/src/features/([^/]+)/' },
      to: {
        path: '^server/src/features/[^/]+/',
        pathNot: ['^server/src/features/$1/', '^server/src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'inner-layers-do-not-import-the-app',
      comment: 'The app wiring (app.ts, main.ts, server.ts, the CLI) sits on top; nothing below imports it.',
      severity: 'error',
      from: { path: '^server/src/(domain|platform|features)/' },
      to: { path: '^server/src/(app|main|server|resident-app)\\.ts$|^server/src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle at run time (type-only imports excluded): features are layered, never in a circle.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
