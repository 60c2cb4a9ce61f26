import { describe, expect, it } from 'vitest';
import {
  bilingual,
  chromeMessages,
  formatUiNumber,
  formatUiTime,
  localeFiles,
  pick,
  placeholders,
  resolveLocale,
  setUiLocale,
  storedLanguage,
  t,
  translate,
  type MessageKey,
} from '@/lib/app/i18n';
import { en } from '@/lib/app/i18n-en';
import { zh } from '@/lib/app/i18n-zh';
import { applySettingsChange, readSettings, SettingsChange, settingsV2 } from '@/lib/app/settings';
import { DEFAULT_SETTINGS } from '@/lib/app/schema';
import { formatTime } from '@/lib/engine/labels';

describe('the two dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('use the same placeholders in every message', () => {
    const differ = (Object.keys(zh) as MessageKey[]).filter((k) => placeholders(zh[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('have no empty message', () => {
    expect(Object.entries({ ...zh }).filter(([, m]) => !m.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, m]) => !m.trim())).toEqual([]);
  });

  it('leave no message untranslated: English has no Chinese but the report’s own name and the language’s name', () => {
    const chinese = Object.entries(en).filter(([, m]) => /\p{Script=Han}/u.test(m));
    expect(chinese.map(([k]) => k).sort()).toEqual(['ext_description', 'options_languageZh']);
  });

  it('use keys Chrome accepts in _locales (letters, digits, _ and @)', () => {
    expect(Object.keys(zh).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });
});

describe('translate', () => {
  it('substitutes every placeholder, numbers too, and leaves one with no value as written', () => {
    expect(translate(zh, 'report_findings', { count: 3 })).toBe('问题（3）');
    expect(translate(en, 'overlay_expectedActual', { expected: 10, actual: '9' })).toBe('Expected 10, actual 9');
    expect(translate(en, 'overlay_expectedActual', { expected: 10 })).toBe('Expected 10, actual {actual}');
  });

  it('falls back to the Chinese message when the language lacks one', () => {
    const partial = { panel_audit: 'Audit this page' };
    expect(translate(partial, 'panel_audit')).toBe('Audit this page');
    expect(translate(partial, 'panel_records')).toBe(zh.panel_records);
    expect(translate(partial, 'report_findings', { count: 2 })).toBe('问题（2）');
  });
});

describe('t', () => {
  it('answers in the current UI language, rule-style { zh, en } pairs too', () => {
    setUiLocale('en');
    expect(t('panel_audit')).toBe(en.panel_audit);
    expect(pick({ zh: '错误', en: 'Error' })).toBe('Error');
    setUiLocale('zh-CN');
    expect(t('panel_audit')).toBe('审计此页');
    expect(pick({ zh: '错误', en: 'Error' })).toBe('错误');
    // @ts-expect-error a key missing from the dictionaries does not compile
    expect(t('no_such_key')).toBe('no_such_key');
  });
});

describe('dates, numbers and notices in the UI language', () => {
  const at = new Date(2024, 2, 5, 14, 7).getTime();

  it('keeps the working-paper date for Chinese and uses the English date format for English', () => {
    setUiLocale('zh-CN');
    expect(formatUiTime(at)).toBe(formatTime(at));
    setUiLocale('en');
    expect(formatUiTime(at)).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
    expect(formatUiTime(at)).toContain('2024');
    expect(formatUiTime(at)).not.toBe(formatTime(at));
    setUiLocale('zh-CN');
  });

  it('groups numbers for the UI language', () => {
    setUiLocale('en');
    expect(formatUiNumber(1234567)).toBe('1,234,567');
    setUiLocale('zh-CN');
    expect(formatUiNumber(12)).toBe('12');
  });

  it('shows a { zh, en } notice in both languages in Chinese, in English only in English', () => {
    const notice = { zh: '已完成', en: 'Finished' };
    expect(bilingual(notice)).toBe('已完成 Finished');
    setUiLocale('en');
    expect(bilingual(notice)).toBe('Finished');
    setUiLocale('zh-CN');
  });
});

describe('the UI language', () => {
  it('follows the browser: English for an English UI, Chinese (the default locale) for any other', () => {
    expect(resolveLocale('auto', 'en-US')).toBe('en');
    expect(resolveLocale('auto', 'en')).toBe('en');
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'fr')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'en-GB')).toBe('en');
  });

  it('is the one chosen in the options page whatever the browser says', () => {
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });

  it('reads from a stored settings value, anything unknown following the browser', () => {
    expect(storedLanguage({ auditor: '', language: 'en' })).toBe('en');
    expect(storedLanguage({ language: 'zh-CN' })).toBe('zh-CN');
    for (const v of [undefined, null, 'en', {}, { language: 'fr' }, { language: 1 }]) expect(storedLanguage(v)).toBe('auto');
  });
});

describe('the language setting', () => {
  it('is one settings change like the others, refused when not one of the three', () => {
    expect(applySettingsChange(DEFAULT_SETTINGS, { kind: 'language', language: 'en' }).language).toBe('en');
    expect(SettingsChange.safeParse({ kind: 'language', language: 'auto' }).success).toBe(true);
    expect(SettingsChange.safeParse({ kind: 'language', language: 'fr' }).success).toBe(false);
  });

  it('is absent from settings stored before it existed, which stay valid (follow the browser)', () => {
    const v2 = { auditor: '李四', disabledRules: [], sites: [] };
    expect(readSettings(v2)).toEqual(v2);
  });

  it('is kept by the field-by-field repair when valid, dropped when damaged', () => {
    expect(settingsV2({ auditor: '张三', sites: 'x', language: 'en' })).toEqual({ ...DEFAULT_SETTINGS, auditor: '张三', language: 'en' });
    expect(settingsV2({ language: 'fr' })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ auditor: 1, disabledRules: [], sites: [], language: 'zh-CN' }).language).toBe('zh-CN');
  });
});

describe('_locales files', () => {
  it('turn {name} into Chrome placeholders in order and double a literal $', () => {
    const out = chromeMessages({ report_auditedAt: '{time} 的 $1 与 {time}', report_findings: '无' });
    expect(out.report_auditedAt).toEqual({ message: '$time$ 的 $$1 与 $time$', placeholders: { time: { content: '$1' } } });
    expect(out.report_findings).toEqual({ message: '无' });
  });

  it('are zh_CN (the default locale) and en, with the manifest name in both', () => {
    const files = Object.fromEntries(localeFiles().map((f) => [f.relativeDest, JSON.parse(f.contents)]));
    expect(Object.keys(files).sort()).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json']);
    expect(files['_locales/zh_CN/messages.json'].ext_name.message).toBe('年报审计助手');
    expect(files['_locales/en/messages.json'].ext_name.message).toBe(en.ext_name);
  });
});
