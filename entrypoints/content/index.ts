import { defineContentScript } from '#imports';
import { AuditController } from './controller';

/**
 * Registered for *.gov.cn in the manifest, for user-added sites at run time, and injected on demand
 * by the toolbar button. A re-injected copy replaces the old one (WXT invalidates the old context),
 * so there is always one overlay. Portals often show the article in an iframe, so frames are
 * audited too; each frame with a report gets its own overlay.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    new AuditController(ctx).start();
  },
});
