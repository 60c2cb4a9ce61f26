/** Scratch probe (delete when done): loads fixture pages with the test build and records what the overlay shows. */
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { launch, newProfile } from './test/portal/browser';

const OUT = '/tmp/probe3/res';
mkdirSync(OUT, { recursive: true });
const DIRS: Record<string, string> = { v: 'test/fixtures/variants', p: 'test/fixtures/probes', pu: 'test/fixtures/probes' };

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const m = /^\/(v|p|pu)\/(.+)$/.exec(path);
  if (!m) return void res.writeHead(404).end('404');
  try {
    const body = readFileSync(`${DIRS[m[1]!]}/${m[2]}`);
    // Variants declare UTF-8 in their meta; probes are served as they are, no charset (pu: with charset=utf-8).
    const type = m[1] === 'v' ? 'text/html; charset=utf-8' : m[1] === 'pu' ? 'text/html; charset=utf-8' : 'text/html';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(404).end('404');
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

const items = process.argv.slice(2); // e.g. v:A00-baseline-semantic.html p:G01-....html  ;  prefix "n:" = expect not detected
const shots = process.env.SHOTS === '1';

for (const item of items) {
  const [kind0, name] = item.split(/:(.*)/s) as [string, string];
  const notDetected = kind0.endsWith('!');
  const kind = kind0.replace('!', '');
  const profile = newProfile();
  const context = await launch(profile);
  const page = await context.newPage();
  await page.addInitScript('window.__name = (f) => f');
  const consoleMsgs: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) consoleMsgs.push(`http ${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/Failed to load resource/.test(m.text())) consoleMsgs.push(`${m.type()}: ${m.text()}`.slice(0, 400));
  });
  page.on('pageerror', (e) => consoleMsgs.push(`pageerror: ${String(e).slice(0, 400)}`));
  for (const w of context.serviceWorkers()) {
    try {
      (w as unknown as { on(e: string, f: (m: { type(): string; text(): string }) => void): void }).on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleMsgs.push(`sw ${m.type()}: ${m.text()}`.slice(0, 400));
      });
    } catch {}
  }
  const url = `http://www.probe.gov.cn:${port}/${kind}/${encodeURIComponent(name)}`;
  const result: Record<string, unknown> = { item, url };
  try {
    await page.goto(url);
    let audited = false;
    try {
      await page.waitForFunction(() => !!document.querySelector('html > report-audit-overlay')?.shadowRoot?.querySelector('.bar [data-counts]'), undefined, {
        timeout: notDetected ? 6000 : 20000,
      });
      audited = true;
    } catch {}
    result.audited = audited;
    // Let the markers settle.
    let last = '';
    let same = 0;
    for (let i = 0; i < 30 && same < 3; i++) {
      await page.waitForTimeout(400);
      const sig = await page.evaluate(() =>
        Array.from(document.querySelector('html > report-audit-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('.marker') ?? [])
          .map((m) => `${m.className}|${m.style.cssText}|${m.dataset.cell ?? m.dataset.section ?? ''}`)
          .join('\n'),
      );
      same = sig === last ? same + 1 : 0;
      last = sig;
    }
    result.data = await page.evaluate(() => {
      const host = document.querySelector('html > report-audit-overlay') as HTMLElement | null;
      const root = host?.shadowRoot;
      const bar = root?.querySelector<HTMLElement>('.bar');
      const counts = root?.querySelector<HTMLElement>('.bar [data-counts]')?.innerText ?? null;
      const barText = bar?.innerText ?? null;
      const docH = document.documentElement.scrollHeight;
      const docW = document.documentElement.scrollWidth;
      const ms = Array.from(root?.querySelectorAll<HTMLElement>('.marker') ?? []);
      const rowTextOf = (el: Element | null): string => {
        if (!el) return '';
        const tr = el.closest('tr');
        if (tr) return (tr as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 120);
        // display:table-row parents, grid lines: siblings on the same line
        let cur: Element | null = el;
        while (cur && cur.parentElement) {
          const p: Element = cur.parentElement;
          const disp = getComputedStyle(p).display;
          if (disp === 'table-row') return (p as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 120);
          if (disp === 'grid' || disp === 'table' || disp === 'table-row-group') {
            const top = cur.getBoundingClientRect().top;
            return Array.from(p.children)
              .filter((c) => Math.abs(c.getBoundingClientRect().top - top) < 4)
              .map((c) => (c as HTMLElement).innerText.trim())
              .join(' | ')
              .slice(0, 160);
          }
          cur = p;
        }
        return '';
      };
      const colFromRight = (el: Element | null): number | null => {
        const td = el?.closest('td,th');
        if (td) {
          const tr = td.parentElement!;
          const cells = Array.from(tr.children).filter((c) => /^T[DH]$/.test(c.tagName));
          const i = cells.indexOf(td);
          return cells.slice(i + 1).reduce((n, c) => n + ((c as HTMLTableCellElement).colSpan || 1), 0) + 1;
        }
        let cur: Element | null = el;
        while (cur && cur.parentElement) {
          const p: Element = cur.parentElement;
          const disp = getComputedStyle(p).display;
          if (disp === 'table-row') {
            const cells = Array.from(p.children);
            return cells.length - cells.indexOf(cur);
          }
          if (disp === 'grid') {
            const top = cur.getBoundingClientRect().top;
            const line = Array.from(p.children).filter((c) => Math.abs(c.getBoundingClientRect().top - top) < 4);
            return line.length - line.indexOf(cur);
          }
          cur = p;
        }
        return null;
      };
      const out = ms.map((m) => {
        const r0 = m.getBoundingClientRect();
        const docTop = r0.top + scrollY;
        window.scrollTo(0, Math.max(0, docTop - 200));
        const r = m.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        host!.style.setProperty('visibility', 'hidden', 'important');
        const el = document.elementFromPoint(cx, cy);
        const caret = document.caretRangeFromPoint(cx, cy);
        // what lies under the left/top edge+4 too
        host!.style.setProperty('visibility', 'visible', 'important');
        let token = '';
        let line = '';
        let tokenFromRight: number | null = null;
        if (caret && caret.startContainer.nodeType === 3) {
          const t = (caret.startContainer as Text).data;
          const o = caret.startOffset;
          const ls = t.lastIndexOf('\n', o - 1) + 1;
          const le = t.indexOf('\n', o) < 0 ? t.length : t.indexOf('\n', o);
          line = t.slice(ls, le);
          let a = o, b = o;
          while (a > 0 && /\S/.test(t[a - 1]!)) a--;
          while (b < t.length && /\S/.test(t[b]!)) b++;
          token = t.slice(a, b);
          const toks = line.slice(o - ls).split(/\s+/).filter(Boolean);
          tokenFromRight = toks.length;
        }
        const cellEl = el?.closest('td,th') ?? el;
        const cr = cellEl?.getBoundingClientRect();
        return {
          cls: m.className,
          cell: m.dataset.cell,
          section: m.dataset.section,
          table: m.dataset.table,
          image: m.dataset.image,
          prose: m.dataset.prose !== undefined,
          rule: m.dataset.rule,
          severity: m.dataset.severity,
          finding: m.dataset.finding,
          tag: m.querySelector('.tag')?.textContent,
          docRect: { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width), h: Math.round(r.height) },
          style: m.getAttribute('style'),
          hit: el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}` : null,
          hitText: ((el as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 80),
          cellRect: cr ? { x: Math.round(cr.left + scrollX), y: Math.round(cr.top + scrollY), w: Math.round(cr.width), h: Math.round(cr.height) } : null,
          token,
          line: line.replace(/\s+/g, ' ').slice(0, 160),
          tokenFromRight,
          rowText: rowTextOf(el),
          colFromRight: colFromRight(el),
          tip: (m.querySelector('.tip') as HTMLElement | null)?.textContent?.slice(0, 300),
        };
      });
      window.scrollTo(0, 0);
      // Section headings as the page shows them (short text nodes naming the sections).
      const keys: Record<string, RegExp> = {
        s1: /^[一1][、.．]\s*总体情况|总体情况$/,
        s2: /主动公开政府信息情况/,
        s3: /收到和处理政府信息公开申请情况/,
        s4: /行政复议、?行政诉讼情况|复议.*诉讼情况/,
        s5: /存在的主要问题/,
        s6: /其他需要报告/,
      };
      const headings: Record<string, { y: number; x: number; text: string }[]> = {};
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = (n.textContent ?? '').trim();
        if (!t || t.length > 60) continue;
        for (const [k, re] of Object.entries(keys)) {
          if (re.test(t)) {
            const range = document.createRange();
            range.selectNodeContents(n);
            const rr = range.getBoundingClientRect();
            (headings[k] ??= []).push({ y: Math.round(rr.top + scrollY), x: Math.round(rr.left + scrollX), text: t.slice(0, 40) });
          }
        }
      }
      return { hostExists: !!host, hostParent: host?.parentElement?.tagName, counts, barText, docH, docW, markers: out, headings, title: document.title, charset: document.characterSet };
    });
    if (shots) await page.screenshot({ path: `/tmp/probe3/shot-${name}.png`, fullPage: true });
  } catch (e) {
    result.error = String(e);
  }
  result.console = consoleMsgs;
  writeFileSync(`${OUT}/${kind}-${name}.json`, JSON.stringify(result, null, 1));
  const d = result.data as { counts?: string; markers?: unknown[] } | undefined;
  console.log(item, result.audited, d?.counts, d?.markers?.length, consoleMsgs.length ? consoleMsgs : '', result.error ?? '');
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
server.close();
