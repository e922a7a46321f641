import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * `<jifen-eligibility>`: one ES module with Lit inside, served by the Jifen server at
 * `/widget/jifen-eligibility.js`, for partner pages to load with one script tag.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: fileURLToPath(new URL('src/jifen-eligibility/jifen-eligibility.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'jifen-eligibility.js',
    },
    rolldownOptions: { output: { minify: true } },
    reportCompressedSize: true,
  },
});
