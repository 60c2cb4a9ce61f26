/**
 * Imported first by every extension entrypoint (test/app/zod-without-eval.test.ts checks each one):
 * extension pages, the background and content scripts run under a CSP without 'unsafe-eval', where
 * classic zod's object schemas try `new Function` once per context to see whether they may compile
 * their parsers. The try fails and leaves a CSP error in the console of the background and the
 * pages. zod/mini never tries; the CLI, under Node, keeps the compiled parsers.
 */
import { config } from 'zod/mini';

config({ jitless: true });
