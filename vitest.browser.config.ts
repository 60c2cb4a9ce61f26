import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Real-browser tests: Debian's Chromium with the built extension, one file at a time. */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
