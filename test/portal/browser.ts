/** Debian's Chromium with the built extension loaded, driven by playwright-core. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPortal, type Portal } from './server';

const OUTPUT = resolve(import.meta.dirname, '..', '..', '.output');
/** What users install: the overlay's shadow root is closed, so neither a page nor Playwright can reach into it. */
export const EXTENSION_DIR = resolve(OUTPUT, 'chrome-mv3');
/**
 * `wxt build --mode test`: the same extension with the overlay's root open (the test hook of
 * entrypoints/content/host.ts), so tests can read markers and click the bar.
 */
export const TEST_EXTENSION_DIR = resolve(OUTPUT, 'chrome-mv3-test');
/** `wxt build --mode bench`: the production build plus one performance mark when the first marker is drawn (entrypoints/content/bench-mark.ts). */
export const BENCH_EXTENSION_DIR = resolve(OUTPUT, 'chrome-mv3-bench');
/** bench/floor-extension: a lower bound for the bench, the least an extension of the same design does on a report page. */
export const FLOOR_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', 'bench', 'floor-extension');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'gra-profile-'));
}

export interface LaunchOptions {
  headed?: boolean;
  /**
   * Which build to load: the test build unless a test is about the production build itself;
   * none for the same browser without the extension (the bench's other side); bench for the bench's side with it;
   * floor for the bench's lower bound (bench/floor-extension, not built).
   */
  build?: 'test' | 'production' | 'bench' | 'none' | 'floor';
  /** Host names besides *.gov.cn that reach 127.0.0.1 (a site the user has not granted, for the batch's redirect tests). */
  alsoLocal?: string[];
  /**
   * The browser's UI language (`chrome.i18n.getUILanguage()`, which the extension's UI follows by
   * default): Chinese unless a test asks for another, as the auditors' browsers are. Chromium on Linux
   * takes it from LANGUAGE (not --lang) and needs its locale files (Debian: chromium-l10n).
   */
  lang?: 'zh-CN' | 'en';
}

const BUILD_DIRS: Record<NonNullable<LaunchOptions['build']>, string> = {
  test: TEST_EXTENSION_DIR,
  production: EXTENSION_DIR,
  bench: BENCH_EXTENSION_DIR,
  floor: FLOOR_EXTENSION_DIR,
  none: '', // no extension loaded
};

export async function launch(profile: string, opts: LaunchOptions = {}): Promise<BrowserContext> {
  const dir = BUILD_DIRS[opts.build ?? 'test'];
  const command = opts.build === 'production' ? 'npm run build' : `npx wxt build --mode ${opts.build === 'bench' ? 'bench' : 'test'}`;
  if (opts.build !== 'none' && !existsSync(join(dir, 'manifest.json'))) throw new Error(`扩展尚未构建：先运行 ${command}（${dir}）`);
  const context = await browserWith(profile, dir, opts);
  if (opts.build !== 'none') await backgroundListening(context);
  return context;
}

/**
 * The background's listeners reach the browser a moment after its worker appears; a page loaded in
 * that moment gets no first look (which is injected on the tab's load). One call answered by the
 * browser after the worker's first run means they are in place.
 */
async function backgroundListening(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getPlatformInfo(): Promise<unknown> } } }).chrome.runtime.getPlatformInfo());
}

function browserWith(profile: string, dir: string, opts: LaunchOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(opts.headed ? [] : ['--headless=new']),
      ...(opts.build === 'none' ? [] : [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]),
      `--host-resolver-rules=${['*.gov.cn', ...(opts.alsoLocal ?? [])].map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
    // A UTF-8 locale even where the caller has none: under LANG=C Chromium saves a download named in Chinese as "download".
    env: { ...process.env, LANG: process.env.LANG || 'C.UTF-8', LANGUAGE: (opts.lang ?? 'zh-CN').replace('-', '_') },
  });
}

/** The demo portal and a fresh browser with the extension: what most browser test files share across their tests. */
export async function openPortalBrowser(): Promise<{ portal: Portal; context: BrowserContext; id: string }> {
  const portal = await startPortal();
  const context = await launch(newProfile());
  return { portal, context, id: await extensionId(context) };
}

/** Closes what openPortalBrowser opened; either may be missing when opening failed. */
export async function closePortalBrowser(context: BrowserContext | undefined, portal: Portal | undefined): Promise<void> {
  await context?.close();
  await portal?.close();
}

/** The extension's id, from its service worker. */
export async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

/** Runs `fn` in a browser of that profile with the extension, closing the browser afterwards. */
export async function withBrowser<T>(profile: string, fn: (ctx: BrowserContext, id: string) => Promise<T>): Promise<T> {
  const ctx = await launch(profile);
  try {
    return await fn(ctx, await extensionId(ctx));
  } finally {
    await ctx.close();
  }
}

export interface MarkerInfo {
  cell?: string;
  section?: string;
  rule: string;
  severity: string;
  prose: boolean;
  width: number;
  height: number;
}

/** The overlay's markers, read through its shadow root (open in the test build). */
export async function markers(page: Page): Promise<MarkerInfo[]> {
  return page.evaluate(() => {
    const root = document.querySelector('html > report-audit-overlay')?.shadowRoot;
    return Array.from(root?.querySelectorAll<HTMLElement>('.marker') ?? []).map((m) => ({
      cell: m.dataset.cell,
      section: m.dataset.section,
      rule: m.dataset.rule ?? '',
      severity: m.dataset.severity ?? '',
      prose: m.dataset.prose !== undefined,
      width: m.getBoundingClientRect().width,
      height: m.getBoundingClientRect().height,
    }));
  });
}

/** Waits until the overlay shows its summary bar (the page was audited), or times out. */
export async function waitForAudit(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('html > report-audit-overlay')?.shadowRoot?.querySelector('.bar [data-counts]'), undefined, {
    timeout,
  });
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/**
 * The overlay as DevTools sees it, closed root included: what the extension drew, for comparing
 * with what a page script can read. Only the host that is a child of <html> (ours), never a page
 * element of the same name.
 */
export async function overlayThroughDevTools(page: Page): Promise<{ mode: string; text: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = root.children?.find((n) => n.nodeName === 'HTML');
    const host = html?.children?.find((n) => n.nodeName === 'REPORT-AUDIT-OVERLAY' && n.shadowRoots?.length);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const texts: string[] = [];
    const stack: CdpNode[] = [shadow];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType === 3 && n.nodeName !== '#comment') texts.push(n.nodeValue);
      // <style> text is the overlay's CSS, not what it shows.
      if (n.nodeName !== 'STYLE') stack.push(...(n.children ?? []).slice().reverse());
    }
    return { mode: shadow.shadowRootType ?? '', text: texts.join('') };
  } finally {
    await cdp.detach();
  }
}

/**
 * Records the URLs of the scripts a page runs, the extension's content scripts included (DevTools
 * reports them too): whether the auditor was ever loaded into the page.
 */
export async function watchScripts(page: Page): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => urls.push(e.url));
  await cdp.send('Debugger.enable');
  return () => urls;
}

/** An extension page of the loaded build (`options.html`, `sidepanel.html?tab=…`) in a new tab. */
export async function openExtensionPage(context: BrowserContext, id: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/${path}`);
  return page;
}
