import '../helpers/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettingsChange, SettingsChange, settingsV2 } from '@/lib/app/settings';
import { DEFAULT_SETTINGS } from '@/lib/app/schema';
import { loadSettings, settingsItem, updateSettings, watchSettings } from '@/store/settings';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.reset());

describe('the settings item', () => {
  it('migrates an unversioned value stored before versions: valid fields kept, a damaged one defaulted', async () => {
    await fakeBrowser.storage.local.set({ settings: { auditor: '张三', disabledRules: 'x', sites: ['*://www.example.org/*'] } });
    await settingsItem.migrate();
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { auditor: '张三', disabledRules: [], sites: ['*://www.example.org/*'] },
      settings$: { v: 2 },
    });
    expect(await loadSettings()).toEqual({ auditor: '张三', disabledRules: [], sites: ['*://www.example.org/*'] });
  });

  it('leaves a value already at version 2 alone', async () => {
    const v2 = { auditor: '李四', disabledRules: ['t3-balance'], sites: [] };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(v2);
  });

  it('reads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('applies quick changes one after another, none undoing another, and tells watchers', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await Promise.all([
      updateSettings({ kind: 'rule', ruleId: 'a', enabled: false }),
      updateSettings({ kind: 'rule', ruleId: 'b', enabled: false }),
      updateSettings({ kind: 'auditor', auditor: '  王五 ' }),
    ]);
    expect(await loadSettings()).toEqual({ auditor: '王五', disabledRules: ['a', 'b'], sites: [] });
    await vi.waitFor(() => expect(seen).toHaveBeenLastCalledWith({ auditor: '王五', disabledRules: ['a', 'b'], sites: [] }, expect.anything()));
    unwatch();
  });
});

describe('settings changes', () => {
  it('adds and removes a site and a rule, each once', () => {
    let s = applySettingsChange(DEFAULT_SETTINGS, { kind: 'site', site: '*://*.example.org/*', present: true });
    s = applySettingsChange(s, { kind: 'site', site: '*://*.example.org/*', present: true });
    expect(s.sites).toEqual(['*://*.example.org/*']);
    expect(applySettingsChange(s, { kind: 'site', site: '*://*.example.org/*', present: false }).sites).toEqual([]);
    s = applySettingsChange(s, { kind: 'rule', ruleId: 'x', enabled: false });
    expect(applySettingsChange(s, { kind: 'rule', ruleId: 'x', enabled: false }).disabledRules).toEqual(['x']);
    expect(applySettingsChange(s, { kind: 'rule', ruleId: 'x', enabled: true }).disabledRules).toEqual([]);
  });

  it('refuses a site that is not a pattern the options page would make (it becomes a host permission)', () => {
    expect(SettingsChange.safeParse({ kind: 'site', site: '*://www.example.org/*', present: true }).success).toBe(true);
    for (const site of ['<all_urls>', '*://*/*', 'https://www.example.org/', '*://*.gov.cn/*'])
      expect(SettingsChange.safeParse({ kind: 'site', site, present: true }).success).toBe(false);
  });

  it('version 2 of anything unreadable is the defaults', () => {
    expect(settingsV2(null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsV2('x')).toEqual(DEFAULT_SETTINGS);
  });
});
