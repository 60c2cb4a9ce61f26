/**
 * The audit, as the page sees it: this frame writes its page as a tree (in slices, steps.ts runInSlices)
 * and posts it on a port to the background, which parses and checks it off the page's main thread
 * (background/page-audit.ts). Each report comes back with its elements as numbers and gets this
 * page's elements back; when the controller has drawn them it asks, on the same port, for the
 * reports to be saved. Only the reading and the markers cost the page anything.
 */
import { browser, type Browser } from 'wxt/browser';
import { PAGE_AUDIT_PORT } from '@/lib/app/content-scripts';
import { PageAuditMessage, type OverlayReport, type PageTreeMessage } from '@/lib/app/content-messages';
import { t } from '@/lib/app/i18n';
import { attachPart, type DetachedPart, type PartOnPage } from '@/lib/engine/audit-transfer';
import { pageTreeSteps } from '@/lib/engine/source/page-tree';
import { runInSlices } from '@/lib/engine/steps';

/** The page's audit: one part per report it holds (a compilation holds several), in page order. */
export type PageOnPage = { detected: true; parts: PartOnPage[] } | { detected: false; reason: string };

export interface AuditSession {
  audit: PageOnPage;
  /** Stores the page's reports (each part of a compilation its own record); their stored state comes back, in page order. */
  save(): Promise<OverlayReport[]>;
  /** Ends the session without saving (the audit found what was already shown). */
  close(): void;
}

/** Undefined when `stale()` says a newer run took over; rejects with a message for the bar. */
export async function auditInBackground(skip: (el: Element) => boolean, stale: () => boolean): Promise<AuditSession | undefined> {
  const port = browser.runtime.connect({ name: PAGE_AUDIT_PORT });
  const inbox = new Inbox(port);
  const post = (m: PageTreeMessage) => port.postMessage(m);
  const written = await runInSlices((deadline) => pageTreeSteps(document, { skip, emit: (nodes) => post({ type: 'nodes', nodes }) }, deadline), stale);
  if (!written) {
    port.disconnect();
    return undefined;
  }
  post({ type: 'end', cut: written.cut });
  const parts: DetachedPart[] = [];
  for (let m = await inbox.next(); ; m = await inbox.next()) {
    if (m.type === 'part') parts.push(m.part);
    else if (m.type === 'done') {
      if (m.reason !== undefined) port.disconnect();
      if (stale()) {
        port.disconnect();
        return undefined;
      }
      const audit: PageOnPage =
        m.reason !== undefined ? { detected: false, reason: m.reason } : { detected: true, parts: parts.map((p) => attachPart(p, written.elements)) };
      return { audit, save: () => saved(port, inbox), close: () => port.disconnect() };
    } else {
      port.disconnect();
      throw new Error(t('content_answerInvalid'));
    }
  }
}

async function saved(port: Browser.runtime.Port, inbox: Inbox): Promise<OverlayReport[]> {
  port.postMessage({ type: 'save' } satisfies PageTreeMessage);
  const m = await inbox.next();
  port.disconnect();
  if (m.type !== 'saved') throw new Error(t('content_answerInvalid'));
  return m.states;
}

/**
 * The background's messages in the order they came, each read in a task of its own as it arrives.
 * An error message, a malformed one or the port's end rejects every read from then on.
 */
class Inbox {
  private queue: PageAuditMessage[] = [];
  private waiting?: { resolve: (m: PageAuditMessage) => void; reject: (e: Error) => void };
  private failure?: Error;

  constructor(port: Browser.runtime.Port) {
    port.onMessage.addListener((raw: unknown) => {
      const parsed = PageAuditMessage.safeParse(raw);
      if (!parsed.success) return this.fail(new Error(t('content_answerInvalid')));
      if (parsed.data.type === 'error') return this.fail(new Error(parsed.data.message));
      if (this.waiting) {
        this.waiting.resolve(parsed.data);
        this.waiting = undefined;
      } else this.queue.push(parsed.data);
    });
    // The background went away (the extension was reloaded or updated) before it answered.
    port.onDisconnect.addListener(() => this.fail(new Error(t('bg_auditFailed', { error: browser.runtime.lastError?.message ?? 'disconnected' }))));
  }

  next(): Promise<PageAuditMessage> {
    const m = this.queue.shift();
    if (m) return Promise.resolve(m);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private fail(e: Error) {
    this.failure ??= e;
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
  }
}
