/**
 * Parity between the extension on a live page and the CLI on the same file: the corpus pages served
 * on 127.0.0.1 under a *.gov.cn name, opened in Chromium with the test build, and what the background
 * stored for each compared with what cli/audit-input.ts finds for the file (given the same address).
 * Shared by scripts/parity.ts (every page) and test/browser/parity.test.ts (a sample).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { auditLoaded } from '../../cli/audit-input';
import type { Audited } from '../../cli/entry';
import { loadFile } from '../../cli/sources';
import type { Finding } from '../../lib/engine/model';
import { partKey, reportKey } from '../../lib/engine/finding-id';
import { extensionId, openExtensionPage } from './browser';

export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
/** The HTML corpora, each served as /NAME/FILE. */
export const CORPORA = ['variants', 'prose', 'recall', 'probes', 'html', 'parity'] as const;
export const KNOWN_FILE = join(FIXTURES, 'parity-known.json');

/** What one side read: whether the page is a report, and per report (compilation part) its error and warning findings. */
export interface Reading {
  detected: boolean;
  /** Per report, sorted `rule@place` keys (cross-year findings left out: they depend on what else was stored). */
  parts: string[][];
}

/** Only errors and warnings are compared; the place is the cells, else the section. */
export function findingKeys(findings: readonly Pick<Finding, 'rule' | 'severity' | 'cells' | 'section'>[]): string[] {
  return findings
    .filter((f) => (f.severity === 'error' || f.severity === 'warning') && !f.rule.startsWith('cross-year-'))
    .map((f) => `${f.rule}@${f.cells?.length ? f.cells.map((c) => `${c.table}/${c.row}/${c.column}`).join('+') : (f.section ?? '')}`)
    .sort();
}

/** The CLI's reading of a corpus file, audited as if it were at `url` (the address the browser has). */
export async function cliReading(file: string, url: string): Promise<Reading> {
  const loaded = await loadFile(file);
  const audited: Audited = auditLoaded(file, loaded, url);
  if (!audited.entry.detected) return { detected: false, parts: [] };
  return { detected: true, parts: [audited, ...(audited.more ?? [])].map((a) => findingKeys(a.entry.findings)) };
}

export interface CorpusServer {
  url(corpus: string, file: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css',
  '.txt': 'text/plain',
};

/**
 * Serves the fixture folders as they are, bytes and all: no charset in the header, so the browser
 * finds the encoding as it would on a portal that sends none (the CLI sniffs it too).
 */
export async function startCorpusServer(): Promise<CorpusServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(FIXTURES, `.${path}`);
    try {
      if (!file.startsWith(FIXTURES + '/')) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (corpus, file) => `http://www.parity.gov.cn:${port}/${corpus}/${encodeURIComponent(file)}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

interface StoredState {
  record: { findings: Finding[] };
}

/** Talks to the background from an extension page, as the side panel does. */
export class BrowserSide {
  private constructor(
    private context: BrowserContext,
    private panel: Page,
  ) {}

  static async open(context: BrowserContext): Promise<BrowserSide> {
    const id = await extensionId(context);
    return new BrowserSide(context, await openExtensionPage(context, id, 'options.html'));
  }

  private async request<T>(message: Record<string, unknown>): Promise<T> {
    const answer = await this.panel.evaluate(
      (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
      message,
    );
    const a = answer as { ok: boolean; error?: string } & T;
    if (!a.ok) throw new Error(a.error);
    return a;
  }

  private async stored(reportId: string): Promise<StoredState | null> {
    return (await this.request<{ state: StoredState | null }>({ type: 'report:get', reportId })).state;
  }

  private async tabId(url: string): Promise<number | undefined> {
    return this.panel.evaluate(
      async (u) =>
        (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({})).find(
          (t) => t.url === u,
        )?.id,
      url,
    );
  }

  /** What the background stored for `url`: one record, or a compilation's parts; settled when two reads agree. */
  private async storedReading(url: string): Promise<string[][] | undefined> {
    let last = '';
    for (let i = 0; i < 40; i++) {
      const single = await this.stored(reportKey(url));
      const parts: string[][] = [];
      if (single) parts.push(findingKeys(single.record.findings));
      else
        for (let n = 1; ; n++) {
          const part = await this.stored(partKey(url, n));
          if (!part) break;
          parts.push(findingKeys(part.record.findings));
        }
      const now = JSON.stringify(parts);
      if (parts.length && now === last) return parts;
      last = now;
      await new Promise((r) => setTimeout(r, 250));
    }
    return undefined;
  }

  /**
   * Opens `url` and reads what the extension found. `auto`: whether it audited the page by itself
   * (the first look picked it); when it did not, the audit is asked for as the toolbar button does,
   * so the engine's reading is compared whatever the first look said.
   */
  async read(url: string, waitMs = 8000): Promise<Reading & { auto: boolean; error?: string }> {
    const page = await this.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      let outcome = await barOutcome(page, waitMs);
      const auto = outcome === 'audited';
      if (outcome !== 'audited') {
        const tabId = await this.tabId(url);
        if (tabId === undefined) return { auto, detected: false, parts: [], error: 'tab not found' };
        await this.request({ type: 'audit:tab', tabId });
        outcome = await barOutcome(page, 30_000, true);
      }
      if (outcome === 'error') return { auto, detected: false, parts: [], error: await barText(page) };
      if (outcome !== 'audited') return { auto, detected: false, parts: [] };
      const parts = await this.storedReading(url);
      if (!parts) return { auto, detected: true, parts: [], error: 'nothing stored' };
      return { auto, detected: true, parts };
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.panel.close();
  }
}

type Outcome = 'audited' | 'not-a-report' | 'error' | 'nothing';

/** The overlay's bar: counts once audited, a notice when an asked-for audit found no report, an error line. */
async function barOutcome(page: Page, timeout: number, asked = false): Promise<Outcome> {
  try {
    const handle = await page.waitForFunction(
      (asked) => {
        // Through the prototype: a page may name an element querySelector (probes J32), which the page's world then sees.
        const bar = Document.prototype.querySelector.call(document, 'html > report-audit-overlay')?.shadowRoot?.querySelector('.bar');
        if (bar?.querySelector('[data-counts]')) return 'audited';
        if (bar?.querySelector('.err')) return 'error';
        if (asked && bar?.querySelector('.notice')) return 'not-a-report';
        return false;
      },
      asked,
      { timeout, polling: 100 },
    );
    return (await handle.jsonValue()) as Outcome;
  } catch {
    return 'nothing';
  }
}

async function barText(page: Page): Promise<string> {
  return page.evaluate(
    () => Document.prototype.querySelector.call(document, 'html > report-audit-overlay')?.shadowRoot?.querySelector('.bar')?.textContent ?? '',
  );
}

/** How two readings differ, in words; empty when they agree. */
export function difference(cli: Reading, browser: Reading): string[] {
  if (cli.detected !== browser.detected) return [`detected: CLI ${cli.detected}, browser ${browser.detected}`];
  if (cli.parts.length !== browser.parts.length) return [`reports: CLI ${cli.parts.length}, browser ${browser.parts.length}`];
  const out: string[] = [];
  cli.parts.forEach((keys, i) => {
    const other = browser.parts[i]!;
    const onlyCli = without(keys, other);
    const onlyBrowser = without(other, keys);
    if (onlyCli.length || onlyBrowser.length) out.push(`part ${i + 1}: CLI only [${onlyCli.join(', ')}], browser only [${onlyBrowser.join(', ')}]`);
  });
  return out;
}

/** `a` less `b`, as multisets. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** Pages whose difference is legitimate (the browser sees what a file cannot show), by `corpus/file`, with the reason. */
export function knownDifferences(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(KNOWN_FILE, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
