/**
 * Issue 9 §2 and §10 in a real browser: a page cannot save its content over another report's
 * record by rewriting its own address; a note typed in the side panel survives closing it at once,
 * and a service-worker stop in the middle of its save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { reportKey } from '@/lib/engine/finding-id';
import { closePortalBrowser, openPortalBrowser, waitForAudit } from '../portal/browser';
import type { Portal } from '../portal/server';

/** The page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  ({ portal, context, id } = await openPortalBrowser());
});
afterAll(() => closePortalBrowser(context, portal));

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

function request<M extends Request>(page: Page, message: M): Promise<Response<M['type']>> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<Response<M['type']>>, message);
}

async function stored(page: Page, url: string) {
  const answer = await request(page, { type: 'report:get', reportId: reportKey(url) });
  if (!answer.ok) throw new Error(answer.error);
  return answer.state?.record;
}

describe('a page cannot impersonate another report', () => {
  it('rewriting its address to another report’s and changing a cell saves over its own record, not the other', async () => {
    const victimUrl = portal.url('/defects/missing-section.html');
    const attackerUrl = portal.url('/defects/identity.html');
    await waitForAudit(await open(victimUrl));
    const attacker = await open(attackerUrl);
    await waitForAudit(attacker);
    const records = await open(`chrome-extension://${id}/records.html`);
    await expect.poll(async () => (await stored(records, victimUrl))?.auditedAt).toBeGreaterThan(0);
    await expect.poll(async () => (await stored(records, attackerUrl))?.auditedAt).toBeGreaterThan(0);
    const victim = (await stored(records, victimUrl))!;
    const attackerBefore = (await stored(records, attackerUrl))!;

    // A page script: take the other report's address, then edit a number so the audit changes and is saved.
    await attacker.evaluate((path) => {
      history.replaceState(null, '', path);
      const t3 = [...document.querySelectorAll('table')].find((t) => t.textContent!.includes('本年新收'))!;
      const cell = [...t3.querySelectorAll('td')].find((td) => /^\s*\d+\s*$/.test(td.textContent ?? ''))!;
      cell.textContent = '987654';
    }, new URL(victimUrl).pathname);
    // The attacker's own record takes the edited audit (the save happened) ...
    await expect.poll(async () => (await stored(records, attackerUrl))!.auditedAt, { timeout: 15_000 }).toBeGreaterThan(attackerBefore.auditedAt);
    // ... and the other report's record is exactly as it was.
    expect(await stored(records, victimUrl)).toEqual(victim);
  });
});

describe('notes are kept', () => {
  it('a note typed in the side panel and the panel closed at once is saved', async () => {
    const report = await open(portal.url('/defects/identity.html'));
    await waitForAudit(report);
    const panel = await open(`chrome-extension://${id}/sidepanel.html`);
    await report.bringToFront();
    const first = panel.locator('.finding').first();
    await expect.poll(() => first.count()).toBe(1);
    const NOTE = '关闭前刚输入的备注';
    await first.locator('.note-text').fill(NOTE); // no blur, no pause: the panel goes away right after
    await panel.close();

    const records = await open(`chrome-extension://${id}/records.html`);
    await expect
      .poll(async () => {
        const answer = await request(records, { type: 'report:get', reportId: reportKey(report.url()) });
        return answer.ok ? answer.state?.notes.map((n) => n.note) : answer.error;
      })
      .toEqual([NOTE]);
  });

  it('a save cut off by a service-worker stop is retried, applied once, and never shown as failed', async () => {
    const report = await open(portal.url('/defects/missing-section.html'));
    await waitForAudit(report);
    const panel = await open(`chrome-extension://${id}/sidepanel.html`);
    await report.bringToFront();
    const first = panel.locator('.finding').first();
    await expect.poll(() => first.count()).toBe(1);
    // Everything the panel says about its saves, as it says it.
    await panel.evaluate(() => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => document.querySelectorAll('.save-status, .error').forEach((e) => said.push(e.textContent ?? ''))).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    // The report's tab is held in the debugger: the background, which tells that tab about every note
    // it stores, then waits after the write and before its answer — the moment the worker is stopped.
    const tab = await context.newCDPSession(report);
    await tab.send('Debugger.enable');
    await tab.send('Debugger.pause');
    const NOTE = '后台中断时保存的备注';
    await first.locator('.note-text').fill(NOTE);
    await first.locator('.note-text').press('Tab');
    await expect.poll(() => first.locator('.muted').first().textContent()).toMatch(/\d/); // stored (the panel reads the database)
    const notesNow = async () => {
      const answer = await request(panel, { type: 'report:get', reportId: reportKey(report.url()) });
      return answer.ok ? answer.state!.notes : [];
    };
    const [written] = await notesNow();

    const browserSide = await context.newCDPSession(panel);
    const worker = (await browserSide.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker')!;
    await browserSide.send('Target.closeTarget', { targetId: worker.targetId });
    const said = () => panel.evaluate(() => (window as unknown as { said: string[] }).said);
    await expect.poll(async () => (await said()).some((t) => t.includes('正在重试保存'))).toBe(true);
    await tab.send('Debugger.resume');
    await tab.send('Debugger.disable');

    await expect.poll(() => panel.locator('.save-status').count(), { timeout: 15_000 }).toBe(0);
    expect((await said()).filter((t) => /未能保存|失败/.test(t))).toEqual([]);
    // Applied once: the retry, whose first attempt had landed, did not write it again.
    expect(await notesNow()).toEqual([written]);
    expect(written!.note).toBe(NOTE);
  });
});
