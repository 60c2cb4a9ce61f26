import '../helpers/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncUserSites } from '@/entrypoints/background/user-sites';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const granted = new Set<string>();
const registered: { id: string; matches?: string[] }[] = [];
const scripting = {
  getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
  unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
    for (const id of ids)
      registered.splice(
        registered.findIndex((s) => s.id === id),
        1,
      );
  }),
  registerContentScripts: vi.fn(async (scripts: { id: string; matches?: string[] }[]) => {
    if (scripts.some((s) => registered.some((r) => r.id === s.id))) throw new Error('Duplicate script ID');
    registered.push(...scripts);
  }),
};

beforeEach(() => {
  vi.clearAllMocks();
  fakeBrowser.reset();
  granted.clear();
  registered.length = 0;
  Object.assign(fakeBrowser.scripting, scripting);
  Object.assign(fakeBrowser.permissions, { contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)) });
});

const sites = (list: string[]) => fakeBrowser.storage.local.set({ settings: { auditor: '', disabledRules: [], sites: list } });

describe('first look on user-added sites', () => {
  it('registers for the granted sites only, and replaces the registration when the list changes', async () => {
    granted.add('*://a.example.org/*');
    await sites(['*://a.example.org/*', '*://b.example.org/*']);
    await syncUserSites();
    expect(registered).toEqual([{ id: 'user-sites', js: ['first-look.js'], matches: ['*://a.example.org/*'], runAt: 'document_idle', allFrames: true }]);

    granted.add('*://b.example.org/*');
    await syncUserSites();
    expect(registered.map((s) => s.matches)).toEqual([['*://a.example.org/*', '*://b.example.org/*']]);

    await sites([]);
    await syncUserSites();
    expect(registered).toEqual([]);
  });

  it('runs overlapping syncs one after another, so the id is never registered twice', async () => {
    granted.add('*://a.example.org/*');
    await sites(['*://a.example.org/*']);
    await Promise.all([syncUserSites(), syncUserSites(), syncUserSites()]);
    expect(registered).toHaveLength(1);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(3);
  });
});
