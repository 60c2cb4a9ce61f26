// Draws the extension's icon as SVG and renders it to public/icon/<size>.png, which WXT lists in the manifest.
// Run: node scripts/make-icons.mjs (needs Chromium; CHROMIUM_PATH overrides /usr/bin/chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const OUT = resolve(import.meta.dirname, '..', 'public', 'icon');

/**
 * A report page with a table, and a check mark over it: an audited report.
 * Below 48 px the table's thin lines blur into grey, so small icons get fewer, thicker lines.
 */
function iconSvg(size) {
  const small = size < 48;
  const grid = small
    ? '<path d="M34 46H86M34 68H86" stroke="#1456b8" stroke-width="8" stroke-linecap="round"/>'
    : '<path d="M36 38H84M36 54H84M36 70H84M36 86H64M54 38V86" stroke="#7aa0d8" stroke-width="4" stroke-linecap="round"/>';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="${small ? 20 : 24}" fill="#1456b8"/>
  <rect x="24" y="18" width="72" height="92" rx="6" fill="#fff"/>
  ${grid}
  <circle cx="94" cy="94" r="${small ? 28 : 26}" fill="#c62828" stroke="#fff" stroke-width="6"/>
  <path d="M${small ? '80 94l10 10 18-20' : '81 94l9 9 17-19'}" fill="none" stroke="#fff" stroke-width="${small ? 10 : 8}" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${iconSvg(size)}`);
    writeFileSync(join(OUT, `${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
  console.log(`icons: ${SIZES.map((s) => `${s}.png`).join(', ')} → ${OUT}`);
} finally {
  await browser.close();
}
