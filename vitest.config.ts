import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // Same `@/` alias as WXT, so lib/ imports resolve without running wxt prepare first.
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    environment: 'node',
    // CLI and mutation tests spawn processes or audit whole corpora in one test: tens of seconds on a busy machine.
    testTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    // Browser tests run in a real Chromium with their own runner.
    exclude: ['test/browser/**', '**/node_modules/**'],
  },
});
