import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { AUDITOR_SCRIPT, FIRST_LOOK_SCRIPT } from './lib/app/content-scripts';
import { localeFiles } from './lib/app/i18n';

/** pdf.js's worker, CJK character maps and standard fonts, shipped as files: the viewer never fetches them from a CDN. */
const PDFJS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')), '..', '..');
const pdfjsAssets = () => [
  ...['cmaps', 'standard_fonts'].flatMap((dir) =>
    readdirSync(join(PDFJS, dir)).map((f) => ({ absoluteSrc: join(PDFJS, dir, f), relativeDest: `pdfjs/${dir}/${f}` })),
  ),
  { absoluteSrc: join(PDFJS, 'legacy', 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
];

/**
 * V8's explicit compile hint on the scripts that run in portal pages: their functions are compiled
 * with the script, instead of pre-parsed and then parsed again on first call (most of them run on
 * every page they are injected into, and Chromium keeps no code cache for content scripts).
 * Measured A/B: the typical report ~3 ms less script and ~2 ms less main thread (the auditor), a
 * tiny page 0.3 ms less script (the first look). Added after minifying, which drops comments.
 */
const compileEagerly = (files: string[]): Plugin => ({
  name: 'compile-eagerly',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    for (const file of files) {
      const chunk = bundle[file];
      if (chunk?.type !== 'chunk') continue;
      chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
    }
  },
});

export default defineConfig({
  // The sources zip (for Firefox review) needs the code, not test pages and local output.
  zip: { excludeSources: ['artifacts/**', 'scratch/**', 'test/fixtures/html/nonreport-large.html', '.ci/node/**'] },
  // `browser` from 'wxt/browser' becomes webextension-polyfill's promise API in every browser.
  modules: ['@wxt-dev/webextension-polyfill'],
  // UNMINIFIED=1: readable names and source maps, for bench/profile.ts.
  vite: () => ({
    plugins: [preact(), compileEagerly([FIRST_LOOK_SCRIPT, AUDITOR_SCRIPT])],
    build: process.env.UNMINIFIED ? { sourcemap: true, minify: false } : {},
  }),
  // _locales/{zh_CN,en}/messages.json from the UI dictionaries (lib/app/i18n-*.ts): the manifest's name and description.
  hooks: { 'build:publicAssets': (_wxt, files) => void files.push(...pdfjsAssets(), ...localeFiles()) },
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    // Reports hosted off gov.cn are audited only after the user grants that site at run time.
    const anySite = ['*://*/*'];
    return {
      // In the browser's language: Chinese unless the browser's UI is English.
      default_locale: 'zh_CN',
      name: '__MSG_ext_name__',
      description: '__MSG_ext_description__',
      // Firefox has sidebar_action instead of the sidePanel API.
      // contextMenus: 「用年报审计助手审核此附件」 on PDF/Word links. webRequest (observing only, no install warning): the
      // batch and viewer pages follow redirects hop by hop and learn each hop's Location, which fetch hides, from the
      // browser's report of their own requests (components/batch/batch-link.ts).
      permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'webRequest', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: ['*://*.gov.cn/*'],
      // No content script here: the background injects the tiny first look once a tab has loaded
      // (entrypoints/background/first-look.ts). Chromium runs a manifest's scripts before the load event.
      // No popup: a click audits the tab (through activeTab) and opens the panel. WXT turns this into browser_action for MV2.
      // Toolbar icon sizes (public/icon/*.png, drawn by scripts/make-icons.mjs); Firefox shows none without them.
      action: { default_title: '__MSG_ext_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
      // Chromium: the auditor, imported by the frames it audits (background/audit-tab.ts injectAuditor). Under a URL that
      // changes every session (use_dynamic_url), so a page cannot probe for the extension by a fixed one.
      ...(!firefox && { web_accessible_resources: [{ resources: [AUDITOR_SCRIPT], matches: anySite, use_dynamic_url: true }] }),
      // MV2 has no optional_host_permissions (WXT strips it): hosts go in optional_permissions.
      ...(manifestVersion === 3 ? { optional_host_permissions: anySite } : { optional_permissions: anySite }),
      ...(firefox && {
        browser_specific_settings: {
          gecko: {
            id: 'gov-report-auditor@gov-report-auditor',
            // Pages are audited locally; nothing is sent anywhere.
            data_collection_permissions: { required: ['none'] },
          },
        },
      }),
    };
  },
});
