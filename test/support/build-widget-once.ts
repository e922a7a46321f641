import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Vitest global setup: builds the widget once before any test file runs, when it is not built yet, so
 * that tests serving `/widget/…` or pages that pin its integrity never race to build it.
 */
export default async function buildWidgetOnce(): Promise<void> {
  if (existsSync(fileURLToPath(new URL('../../widget/dist/jifen-eligibility.js', import.meta.url)))) return;
  await build({ configFile: fileURLToPath(new URL('../../widget/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
