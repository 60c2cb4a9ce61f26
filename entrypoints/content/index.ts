import { defineContentScript } from '#imports';
import { AuditController } from './controller';

/**
 * Registered for *.gov.cn in the manifest, for user-added sites at run time, and injected on demand
 * by the toolbar button. A re-injected copy replaces the old one (WXT invalidates the old context),
 * so there is always one overlay.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    new AuditController(ctx).start();
  },
});
