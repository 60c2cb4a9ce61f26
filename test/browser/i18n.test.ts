/**
 * Issue 12 «Languages»: the UI follows the browser's language (here an English Chromium), the options
 * page's switch overrides it, and every open page and the overlay follow the switch without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { en } from '@/lib/app/i18n-en';
import { zh } from '@/lib/app/i18n-zh';
import { axeViolations } from '../portal/axe';
import { extensionId, launch, newProfile, openExtensionPage, waitForAudit } from '../portal/browser';
import { startPortal, type Portal } from '../portal/server';

let portal: Portal;
let context: BrowserContext;
let id: string;

beforeAll(async () => {
  portal = await startPortal();
  context = await launch(newProfile(), { lang: 'en' });
  id = await extensionId(context);
});
afterAll(async () => {
  await context?.close();
  await portal?.close();
});

const extensionPage = (path: string): Promise<Page> => openExtensionPage(context, id, path);

/** The overlay's text, through its shadow root (open in the test build). */
const overlayText = (page: Page) =>
  page.evaluate(() => document.querySelector('html > report-audit-overlay')?.shadowRoot?.querySelector('.bar')?.textContent ?? '');
const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('UI language', () => {
  let options: Page;
  let panel: Page;
  let report: Page;

  it('follows an English browser: options page, side panel and overlay in English', async () => {
    options = await extensionPage('options.html');
    await expect.poll(() => options.locator('h1').textContent()).toContain(en.options_title);
    expect(await lang(options)).toBe('en');
    expect(await options.title()).toBe(en.page_options);
    await expect.poll(() => options.locator('input[name=language]:checked').getAttribute('value')).toBe('auto');

    panel = await extensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('nav.toolbar').textContent()).toContain(en.panel_records);
    expect(await panel.locator('nav.toolbar').textContent()).not.toContain(zh.panel_records);
    expect(await lang(panel)).toBe('en');

    report = await context.newPage();
    await report.goto(portal.url('/defects/identity.html'));
    await waitForAudit(report);
    const bar = await overlayText(report);
    expect(bar).toContain(en.overlay_hideMarkers);
    expect(bar).toContain(en.overlay_sidePanel);
    expect(bar).not.toContain(zh.overlay_hideMarkers);
    // The report page's own <html lang> is the portal's, not the extension's.
    expect(await lang(report)).not.toBe('en');
    // In English too, axe-core finds nothing (lang of the page and of the other language's names included).
    expect(await axeViolations(options)).toEqual([]);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it('switches to 简体中文 in the options page: the open side panel and overlay follow without a reload', async () => {
    await options.getByLabel(zh.options_languageZh).click();
    await expect.poll(() => panel.locator('nav.toolbar').textContent()).toContain(zh.panel_records);
    expect(await lang(panel)).toBe('zh-CN');
    await expect.poll(() => overlayText(report)).toContain(zh.overlay_hideMarkers);
    await expect.poll(() => options.locator('h1').textContent()).toContain(zh.options_title);
    // A fresh page reads the stored choice, not the browser's language.
    const fresh = await extensionPage('sidepanel.html');
    await expect.poll(() => fresh.locator('nav.toolbar').textContent()).toContain(zh.panel_settings);
    expect(await lang(fresh)).toBe('zh-CN');
  });

  it('switches to English explicitly, and back to following the (English) browser', async () => {
    await options.getByLabel(en.options_languageEn, { exact: true }).click();
    await expect.poll(() => overlayText(report)).toContain(en.overlay_hideMarkers);
    await expect.poll(() => panel.locator('nav.toolbar').textContent()).toContain(en.panel_records);
    await options.getByLabel(zh.options_languageZh).click();
    await expect.poll(() => panel.locator('nav.toolbar').textContent()).toContain(zh.panel_records);
    await options.getByLabel(zh.options_languageAuto).click();
    await expect.poll(() => panel.locator('nav.toolbar').textContent()).toContain(en.panel_records);
  });
});
