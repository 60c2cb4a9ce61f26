/**
 * Issue 9 §2 and §10 in a real browser: a page cannot save its content over another report's
 * record by rewriting its own address, and a note typed in the side panel survives closing it at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { Request, Response } from '@/lib/app/messages';
import { reportKey } from '@/lib/engine/finding-id';
import { extensionId, launch, newProfile, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

/** The page's own `chrome`, inside page.evaluate callbacks. */
declare const chrome: typeof ExtensionApi;

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  portal = await startPortal();
  context = await launch(newProfile());
  id = await extensionId(context);
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
});

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
});
