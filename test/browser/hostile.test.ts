/**
 * Issue 9 §1, §3, §5: a hostile portal page (test/portal/hostile.ts) cannot read the overlay, forge
 * clicks that open tabs or start a batch, rewrite the counts or markers for long, or hide a table
 * from the engine behind an element named like the overlay host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionId, launch, markers, newProfile, overlayThroughDevTools, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';
import { AUDITOR_SCRIPT } from '../../lib/app/content-scripts';

declare const attack: {
  read(): { hasHost: boolean; root: boolean; stolen: number; text: string; pageText: string; messages: string[] };
  click(selector: string): number;
  tamper(): boolean;
};

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(portal.url(path));
  return page;
}

describe('the production build: the page cannot read the overlay', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch(newProfile(), { build: 'production' });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('sees the host but neither its root nor its text, even with attachShadow patched', async () => {
    const page = await open(context, '/hostile/report.html');
    // The overlay is there and shows the audit, as DevTools (not the page) can see.
    await expect.poll(async () => (await overlayThroughDevTools(page))?.text ?? '', { timeout: 15_000 }).toMatch(/错误 [1-9]/);
    const drawn = (await overlayThroughDevTools(page))!;
    expect(drawn.mode).toBe('closed');
    const seen = await page.evaluate(() => attack.read());
    expect(seen.hasHost).toBe(true);
    expect(seen.root).toBe(false);
    expect(seen.stolen).toBe(0);
    expect(seen.pageText).not.toContain('年报审计助手');
    expect(seen.pageText).not.toMatch(/错误 \d/);
    // Nor does it hear from the auditor: no window message (WXT posts one on start unless told not to).
    expect(seen.messages).toEqual([]);
    await page.close();
  });

  it("cannot load the auditor: not by the extension's fixed URL, nor learn the session's one it was imported from", async () => {
    const page = await open(context, '/hostile/report.html');
    await expect.poll(async () => (await overlayThroughDevTools(page))?.text ?? '', { timeout: 15_000 }).toMatch(/错误 [1-9]/);
    const url = `chrome-extension://${await extensionId(context)}/${AUDITOR_SCRIPT}`;
    // A string: Vitest would rewrite an import() written in this file's functions.
    const tried = await page.evaluate(`(async (u) => {
      const loads = (p) => p.then(() => 'loaded', () => 'refused');
      const seen = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith('http'));
      return { fetched: await loads(fetch(u)), imported: await loads(import(u)), seen };
    })(${JSON.stringify(url)})`);
    expect(tried).toEqual({ fetched: 'refused', imported: 'refused', seen: [] });
    await page.close();
  });
});

describe('the test build (root open, as a page would find it if it could): nothing a script does counts', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launch(newProfile());
  });
  afterAll(async () => {
    await context?.close();
  });

  it('script clicks on the list offer start no batch and open no tab', async () => {
    const page = await open(context, '/hostile/list.html');
    const offer = page.locator('report-audit-overlay .list-offer button');
    await offer.waitFor();
    const tabs = context.pages().length;
    expect(await page.evaluate(() => attack.click('.list-offer button'))).toBe(1);
    await page.waitForTimeout(1500);
    expect(context.pages()).toHaveLength(tabs);
    expect(await offer.isEnabled()).toBe(true); // not "starting"
    // The user's own click does start it (the same button works).
    const opened = context.waitForEvent('page', { timeout: 10_000 });
    await offer.click();
    const batch = await opened;
    expect(batch.url()).toContain('batch.html');
    await batch.close();
    await page.close();
  });

  it('script clicks on rule links and bar buttons open nothing and change nothing', async () => {
    const page = await open(context, '/hostile/report.html');
    await waitForAudit(page);
    const tabs = context.pages().length;
    expect(await page.evaluate(() => attack.click('.rule-link'))).toBeGreaterThan(0);
    expect(await page.evaluate(() => attack.click('.bar button'))).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(context.pages()).toHaveLength(tabs);
    // ▶ and 隐藏标记 did nothing: no finding is current, the markers still show.
    expect(await page.locator('report-audit-overlay .bar [data-current]').count()).toBe(0);
    expect(await page.locator('report-audit-overlay .marker').first().isVisible()).toBe(true);
    await page.close();
  });

  it('removed markers, a fake marker and a rewritten count are drawn back from the audit', async () => {
    const page = await open(context, '/hostile/report.html');
    await waitForAudit(page);
    const before = await markers(page);
    const counts = await page.locator('report-audit-overlay [data-counts]').innerText();
    expect(counts).toMatch(/错误 [1-9]/);
    expect(await page.evaluate(() => attack.tamper())).toBe(true);
    await expect.poll(() => markers(page)).toEqual(before);
    expect(await page.locator('report-audit-overlay .marker.fake').count()).toBe(0);
    expect(await page.locator('report-audit-overlay [data-counts]').innerText()).toBe(counts);
    await page.close();
  });

  it('a forged "newer copy started" event ends nothing; a real new copy replaces the old one', async () => {
    const page = await open(context, '/hostile/report.html');
    await waitForAudit(page);
    const before = await markers(page);
    // What WXT's context and the auditor's lifetime listen for: a page that knows the (public) id can send both.
    const id = await extensionId(context);
    await page.evaluate((id) => {
      document.dispatchEvent(new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      document.dispatchEvent(new Event('report-auditor:started'));
    }, id);
    await page.waitForTimeout(1000);
    expect(await markers(page)).toEqual(before);
    // Still alive, not just still drawn: it redraws what the page removes.
    expect(await page.evaluate(() => attack.tamper())).toBe(true);
    await expect.poll(() => markers(page)).toEqual(before);
    // The background injecting the auditor again, both ways it does (background/audit-tab.ts injectAuditor): imported
    // under a new query, or executed as a file. Each time one overlay is left, drawn by the new copy.
    const worker = context.serviceWorkers()[0]!;
    // Each copy announces its start with a DOM event (content/lifetime.ts), which the page can count: a module the
    // frame had imported before would not run again.
    await page.evaluate(() => {
      const w = window as unknown as { started: number };
      w.started = 0;
      document.addEventListener('report-auditor:started', () => w.started++);
    });
    for (const [i, how] of (['import', 'file'] as const).entries()) {
      // A string, for the import() in it (see above).
      await worker.evaluate(`(async ({ url, file, how }) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        const target = { tabId: tab.id };
        if (how === 'file') await chrome.scripting.executeScript({ target, files: ['/' + file] });
        else await chrome.scripting.executeScript({ target, func: (u) => import(u).then(() => true), args: [chrome.runtime.getURL('/' + file) + '?again'] });
      })(${JSON.stringify({ url: page.url(), file: AUDITOR_SCRIPT, how })})`);
      await page.waitForTimeout(1500);
      expect(await page.locator('report-audit-overlay').count()).toBe(1);
      expect(await markers(page)).toEqual(before);
      expect(await page.evaluate(() => (window as unknown as { started: number }).started), how).toBe(i + 1);
    }
    await page.close();
  });

  it('a page under the strictest Content-Security-Policy (no script, no connection) is audited all the same', async () => {
    const page = await open(context, '/csp/defects/identity.html');
    await waitForAudit(page);
    expect((await markers(page)).filter((m) => m.cell === 't3/3.7/total' && m.severity === 'error')).toHaveLength(1);
    await page.close();
  });

  it('elements named like DOM members (probes J32: <img name="querySelector">, a <form> whose controls are named tagName, nodeType, lastChild …) change nothing the auditor reads', async () => {
    // Read through Playwright's own world and the elements themselves: the page's world has no document.querySelector.
    const drawn = async (page: Page) => {
      const bar = page.locator('report-audit-overlay .bar [data-counts]');
      await bar.waitFor({ timeout: 15_000 });
      const found = await page
        .locator('report-audit-overlay .marker')
        .evaluateAll((ms) =>
          ms.map((m) => `${(m as HTMLElement).dataset.severity} ${(m as HTMLElement).dataset.cell ?? (m as HTMLElement).dataset.section ?? ''}`),
        );
      return { counts: await bar.innerText(), found, bar: await page.locator('report-audit-overlay .bar').innerText() };
    };
    const page = await open(context, '/probes/J32-html-dom-clobbering.html');
    // The page's own scripts do see its names over the members (what the auditor must not depend on).
    expect(await page.evaluate('[typeof document.querySelector, String(document.body), String(document.forms.form1.tagName)]')).toEqual([
      'object',
      '[object HTMLImageElement]',
      '[object HTMLInputElement]',
    ]);
    // The first look fired and the report was read whole: its year, and none of the findings a page left unread would give.
    const clean = await drawn(page);
    expect(clean.counts).toBe('未发现问题');
    expect(clean.bar).toContain('2023');
    expect(clean.found).toEqual([]);
    await page.close();
    const wrong = await open(context, '/probes/J32e-html-dom-clobbering-error.html');
    expect((await drawn(wrong)).found).toEqual(['error t3/3.7/total']);
    await wrong.close();
  });

  it('a page element named report-audit-overlay does not hide the table inside it', async () => {
    const page = await open(context, '/hostile/fake-host.html');
    await waitForAudit(page);
    // The same broken identity as /defects/identity.html, found in the wrapped table.
    expect((await markers(page)).filter((m) => m.cell === 't3/3.7/total' && m.severity === 'error')).toHaveLength(1);
    await page.close();
  });
});
