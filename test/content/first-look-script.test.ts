/**
 * The always-on script's one decision after a look that saw a report (entrypoints/first-look.ts):
 * import the auditor itself, and only when that fails (or in Firefox) ask the background for it.
 * Run in Node with a linkedom page and a fake `chrome`; the browser tests cover the import that works.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDITOR_SCRIPT, MAYBE_REPORT_PORT } from '@/lib/app/content-scripts';

// WXT's virtual module, which this Vitest setup does not provide: the script's definition is its options.
vi.mock('#imports', () => ({ defineUnlistedScript: <T>(definition: T) => definition }));

const REPORT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'html', '000-word.html'), 'utf8');

/** Runs the script's main() on a report page already loaded; resolves with the names of the ports it opened. */
async function runOnReport(getURL: (path: string) => string): Promise<{ connected: string[]; urls: string[] }> {
  const { document, window, MutationObserver } = parseHTML(REPORT);
  Object.defineProperty(document, 'readyState', { value: 'complete' });
  const connected: string[] = [];
  const urls: string[] = [];
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', window);
  vi.stubGlobal('location', new URL('http://www.demo.gov.cn/art/2024/1/15/art_1.html'));
  vi.stubGlobal('MutationObserver', MutationObserver);
  vi.stubGlobal('chrome', {
    runtime: {
      connect: ({ name }: { name: string }) => void connected.push(name),
      getURL: (path: string) => {
        const url = getURL(path);
        urls.push(url);
        return url;
      },
    },
  });
  vi.resetModules();
  const { default: script } = await import('@/entrypoints/first-look');
  script.main();
  await vi.waitFor(() => expect(connected.length + urls.length).toBeGreaterThan(0));
  // Past the import's rejection, if any.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { connected, urls };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  delete (globalThis as { reportAuditorFirstLook?: boolean }).reportAuditorFirstLook;
});

describe('the first look, having seen a report', () => {
  it('imports the auditor under its own URL and, when the import fails, asks the background instead', async () => {
    // Node cannot import this URL, as a browser could not where the resource is not reachable.
    const { connected, urls } = await runOnReport((path) => `chrome-extension://nowhere/${path.replace(/^\//, '')}`);
    expect(urls).toEqual([`chrome-extension://nowhere/${AUDITOR_SCRIPT}`]);
    // The rejection may come later than the short wait on a busy machine: wait for the port itself.
    await vi.waitFor(() => expect(connected).toEqual([MAYBE_REPORT_PORT]), { timeout: 10_000 });
  });

  it('asks the background nothing when the import works', async () => {
    // The query the script appends falls into the module's closing comment.
    const { connected, urls } = await runOnReport(() => 'data:text/javascript,export default 1;//');
    expect(urls).toHaveLength(1);
    expect(connected).toEqual([]);
  });

  it('in Firefox, asks the background and imports nothing', async () => {
    vi.stubEnv('FIREFOX', true as never);
    const { connected, urls } = await runOnReport(() => 'data:text/javascript,export default 1;//');
    expect(urls).toEqual([]);
    expect(connected).toEqual([MAYBE_REPORT_PORT]);
  });
});
