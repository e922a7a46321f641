import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The rules editor: a single-page app served by the Jifen server at `/editor/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/editor/',
  // Always Lit's production build, even when NODE_ENV says otherwise (vitest sets it to "test").
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's Content-Security-Policy forbids inline scripts; no browser we support needs the polyfill.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // The spreadsheet chunk (exceljs, about 260 KB gzip) is loaded only when a workbook is exported.
    chunkSizeWarningLimit: 1000,
  },
});
