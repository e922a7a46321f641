import { ensureBuilt } from './apps/builds';

/**
 * Vitest global setup: builds the widget once before any test file runs (when `widget/dist` is missing or
 * older than its sources), so that tests serving `/widget/…` or pages that pin its integrity value find
 * the current build.
 */
export default function buildWidgetOnce(): void {
  ensureBuilt({ folder: 'widget', output: 'dist/jifen-eligibility.js', sources: ['widget/src', 'widget/vite.config.ts', 'server/src/domain'] });
}
