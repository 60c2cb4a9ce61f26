import { defineContentScript } from '#imports';
import { AuditController } from './controller';

/**
 * The auditor. Not in the manifest: the background injects it (scripting.executeScript) into the one
 * frame whose first look (entrypoints/first-look.content.ts) saw a report or a list, and into the
 * tab when the toolbar button asks for an audit. executeScript rather than a dynamic import():
 * import() from a content script needs the file in web_accessible_resources, where any page could
 * load or fingerprint it, and executeScript targets exactly the frame that asked.
 * A re-injected copy replaces the old one (WXT invalidates the old context), so there is always
 * one overlay per frame.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['*://*.gov.cn/*'],
  main(ctx) {
    new AuditController(ctx).start();
  },
});
