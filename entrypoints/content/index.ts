import '@/lib/app/zod-without-eval';
import { defineContentScript } from '#imports';
import { AuditController } from './controller';
import { startAuditor } from './lifetime';

/**
 * The auditor. Not in the manifest: in Chromium the first look (entrypoints/first-look.ts) that saw a
 * report or a list imports it into its frame as a module, which the browser compiles off the page's
 * main thread; otherwise the background injects it into that frame, and into the tab when the
 * toolbar button asks for an audit (background/audit-tab.ts injectAuditor).
 * A re-injected copy ends the old one (lifetime.ts), so there is always one overlay per frame. WXT's
 * own context is left unused: a page can end it (see lifetime.ts). noScriptStartedPostMessage keeps
 * that context from also announcing itself by window.postMessage, which every message listener of
 * the page would receive (with the extension's id) and which cost the page a task on every report.
 */
export default defineContentScript({
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  matches: ['*://*.gov.cn/*'],
  main() {
    startAuditor((life) => new AuditController(life).start());
  },
});
