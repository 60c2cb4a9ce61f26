import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { makeReport, type ReportParts } from '../helpers/make-report';
import { seedText } from '../helpers/fixtures';

const audit = (over: Partial<ReportParts> = {}, extra = '', url?: string) => {
  const r = auditText(makeReport(over) + extra, { url });
  if (!r.detected) throw new Error('not detected');
  return r;
};
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('year-mismatch', () => {
  it('errs when the statistics period names another year', () => {
    const fs = audit({ s1: '本报告统计期限自2022年1月1日起至2022年12月31日止。' }).findings;
    expect(ofRule(fs, 'year-mismatch')).toEqual([expect.objectContaining({ expected: 2023, actual: 2022, severity: 'error' })]);
  });
  it('warns when the prose keeps talking of another year', () => {
    const fs = audit({ s1: '2022年，我局认真落实条例。2022年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings;
    expect(ofRule(fs, 'year-mismatch')).toEqual([expect.objectContaining({ severity: 'warning', actual: 2022 })]);
  });
  it('a title without its year: the prose keeping to a later year than the period is a mismatch too', () => {
    const title = '示范市测试局政府信息公开工作年度报告';
    const s1 = (y: number) =>
      `本报告统计期限自2022年1月1日起至2022年12月31日止。${y}年，我局认真落实条例。${y}年，我局共收到政府信息公开申请12件，上年结转1件。`;
    expect(ofRule(audit({ title, s1: s1(2023) }).findings, 'year-mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', expected: 2022, actual: 2023 }),
    ]);
    expect(ofRule(audit({ title, s1: s1(2022) }).findings, 'year-mismatch')).toEqual([]);
    // With the year in the title, a later year in the prose is left alone (as before): the title and the period agree.
    const later = '本报告统计期限自2023年1月1日起至2023年12月31日止。2024年，我局认真落实条例。2024年，我局共收到政府信息公开申请12件，上年结转1件。';
    expect(ofRule(audit({ s1: later }).findings, 'year-mismatch')).toEqual([]);
  });
  it('a title with no 统计期限: the prose keeping to a later year than the title is a mismatch (recall round 5, seed 001)', () => {
    const title = '示范市测试局2022年政府信息公开工作年度报告';
    const s1 = (y: number) => `${y}年，我局认真落实条例。${y}年，我局共收到政府信息公开申请12件，上年结转1件。`;
    expect(ofRule(audit({ title, s1: s1(2023) }).findings, 'year-mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', expected: 2022, actual: 2023 }),
    ]);
    expect(ofRule(audit({ title, s1: s1(2022) }).findings, 'year-mismatch')).toEqual([]);
    // A plan for the next year is no mismatch.
    expect(
      ofRule(audit({ title, s1: '2022年，我局认真落实条例。2023年，我局将继续推进公开工作。2023年，我局将加强培训。' }).findings, 'year-mismatch'),
    ).toEqual([]);
  });
  it('is silent when title, period and prose agree (all seeds)', () => {
    expect(
      ofRule(audit({ s1: '本报告统计期限自2023年1月1日起至12月31日止。2023年，我局共收到政府信息公开申请12件，上年结转1件。' }).findings, 'year-mismatch'),
    ).toEqual([]);
    for (const id of ['000', '001', '002', '003', '004']) {
      const r = auditText(seedText(id));
      expect(r.detected && ofRule(r.findings, 'year-mismatch'), id).toEqual([]);
    }
  });
  it('reads a period written in Chinese numerals, and a whole-year span of statistics', () => {
    for (const s1 of [
      '本报告所列数据的统计期限自二〇二二年一月一日起至二〇二二年十二月三十一日止。',
      '本报告中所列数据统计时间为二〇二二年一月一日至十二月三十一日。',
      '本报告数据统计自2022年1月1日起至2022年12月31日止。',
    ])
      expect(ofRule(audit({ s1 }).findings, 'year-mismatch'), s1).toEqual([expect.objectContaining({ severity: 'error', expected: 2023, actual: 2022 })]);
    const s1 = '本报告所列数据的统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。';
    expect(ofRule(audit({ s1 }).findings, 'year-mismatch')).toEqual([]);
  });
  it('takes the year after 统计期限, not a year before it in the sentence', () => {
    for (const s1 of [
      '本报告根据2019年修订的《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '依据2008年施行、2019年修订的《条例》第五十条，本报告统计时限为2023年1月1日至12月31日。',
    ])
      expect(ofRule(audit({ s1 }).findings, 'year-mismatch'), s1).toEqual([]);
    const s1 = '本报告根据2019年修订的《条例》编制，统计期限自2022年1月1日起至2022年12月31日止。';
    expect(ofRule(audit({ s1 }).findings, 'year-mismatch')).toEqual([expect.objectContaining({ actual: 2022 })]);
  });
  it('does not take a practice that started some month (「自2022年7月起实行按月统计」) for the period', () => {
    for (const s1 of [
      '为规范依申请公开工作，我局建立依申请公开统计台账，自2022年7月起实行按月统计、按季通报。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
      '自2021年3月起，我局统计每月申请数量并通报。2023年，我局共收到政府信息公开申请12件，上年结转1件。',
    ])
      expect(ofRule(audit({ s1 }).findings, 'year-mismatch'), s1).toEqual([]);
  });

  it('takes no plan for next year and no single figure of last year for a report carried over (round 24 hunt)', () => {
    const s1 = '2024年，我局将继续推进公开工作。2022年，我局收到申请10件。2023年，我局共收到政府信息公开申请12件。';
    expect(ofRule(audit({ s1 }).findings, 'year-mismatch')).toEqual([]);
    const carried = '2022年，我局认真落实条例。2022年，我局共收到政府信息公开申请12件。2024年，我局将继续推进公开工作。';
    expect(ofRule(audit({ s1: carried }).findings, 'year-mismatch')).toEqual([expect.objectContaining({ actual: 2022 })]);
  });

  it('reads a whole-year 报告期 as the period, with no 统计 or 数据 in its sentence (hunt 7)', () => {
    expect(ofRule(audit({ s1: '本报告报告期为2022年1月1日至12月31日。' }).findings, 'year-mismatch')).toEqual([
      expect.objectContaining({ expected: 2023, actual: 2022 }),
    ]);
    for (const s1 of ['本报告报告期为2023年1月1日至12月31日。', '报告期内，我局收到申请数较2022年有所增加。'])
      expect(ofRule(audit({ s1 }).findings, 'year-mismatch'), s1).toEqual([]);
  });
});
