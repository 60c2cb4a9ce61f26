import '../helpers/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { auditTab, injectAuditor, onMaybeReport } from '@/entrypoints/background/audit-tab';
import { AUDITOR_SCRIPT, MAYBE_REPORT_PORT } from '@/lib/app/content-scripts';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const executeScript = vi.fn();
const sendMessage = vi.fn();

beforeEach(() => {
  vi.clearAllMocks();
  fakeBrowser.reset();
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.tabs, { sendMessage });
});

type Injection = { target: unknown; func?: (url: string) => Promise<boolean>; args?: [string]; files?: string[] };
const injections = () => executeScript.mock.calls.map(([i]) => i as Injection);
const FILE = { files: [`/${AUDITOR_SCRIPT}`] };

describe('injecting the auditor', () => {
  it("imports it under the extension's URL with a query of its own each time, and stops there when the frame evaluated it", async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: true }]);
    await injectAuditor({ tabId: 3, frameIds: [2] });
    await injectAuditor({ tabId: 3, frameIds: [2] });
    const [a, b] = injections();
    expect(injections()).toHaveLength(2);
    expect(a!.target).toEqual({ tabId: 3, frameIds: [2] });
    const base = fakeBrowser.runtime.getURL(`/${AUDITOR_SCRIPT}`);
    for (const i of [a!, b!]) {
      expect(typeof i.func).toBe('function');
      expect(i.args![0].startsWith(`${base}?`)).toBe(true);
    }
    // A module is evaluated once per URL in a frame: a second injection must not reuse the first's.
    expect(a!.args![0]).not.toBe(b!.args![0]);
  });

  it.each([
    ['the import failed in the frame', [{ frameId: 0, result: false }]],
    ['the browser returned no result', [{ frameId: 0 }]],
    ['no frame answered', []],
  ])('executes the file when %s', async (_, results) => {
    executeScript.mockResolvedValueOnce(results).mockResolvedValueOnce([{ frameId: 0 }]);
    await injectAuditor({ tabId: 3 });
    expect(injections()).toHaveLength(2);
    expect(injections()[1]).toEqual({ target: { tabId: 3 }, ...FILE });
  });

  it('the function sent into the frame says whether the import worked, and never throws', async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: true }]);
    await injectAuditor({ tabId: 3 });
    const func = injections()[0]!.func!;
    // Node cannot import a chrome-extension: URL; a data: URL stands for a module that loads, a bad one for one that does not.
    await expect(func('data:text/javascript,export default 1')).resolves.toBe(true);
    await expect(func('chrome-extension://nowhere/content.js')).resolves.toBe(false);
  });

  it('in Firefox, executes the file and imports nothing', async () => {
    vi.stubEnv('FIREFOX', true as never);
    try {
      executeScript.mockResolvedValue([{ frameId: 0 }]);
      await injectAuditor({ tabId: 3 });
      expect(injections()).toEqual([{ target: { tabId: 3 }, ...FILE }]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a refused injection (the frame navigated away) is passed on, not retried as a file', async () => {
    executeScript.mockRejectedValueOnce(new Error('Frame with ID 2 was removed.'));
    await expect(injectAuditor({ tabId: 3, frameIds: [2] })).rejects.toThrow(/removed/);
    expect(injections()).toHaveLength(1);
  });

  it("the first look's port: into the frame that asked, taken from the browser", async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: true }]);
    const port = { name: MAYBE_REPORT_PORT, sender: { tab: { id: 7 }, frameId: 4 }, disconnect: vi.fn() };
    onMaybeReport(port as never);
    await vi.waitFor(() => expect(injections()).toHaveLength(1));
    expect(injections()[0]!.target).toEqual({ tabId: 7, frameIds: [4] });
    expect(port.disconnect).toHaveBeenCalled();
  });

  it('the toolbar button: injects into the tab only when no auditor answers, then asks it to audit', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.')).mockResolvedValue(undefined);
    executeScript.mockResolvedValue([{ frameId: 0, result: true }]);
    await auditTab(5);
    expect(injections().map((i) => i.target)).toEqual([{ tabId: 5 }]);
    expect(sendMessage).toHaveBeenCalledTimes(2);
    vi.clearAllMocks();
    sendMessage.mockResolvedValue(undefined);
    await auditTab(5);
    expect(executeScript).not.toHaveBeenCalled();
  });
});
