// @hono/zod-openapi adds `.openapi()` to zod schemas, and zod 4 copies a schema's methods onto it when it
// is created: a schema made before the extension ran has no `.openapi()`. The domain's schemas use plain
// zod, so whichever module a test imports first, the extension must already be loaded — as every entry
// point (server/src/main.ts, server/src/cli/cli.ts, the bench) does on its first line.
import '@hono/zod-openapi';
