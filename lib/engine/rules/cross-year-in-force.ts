import { cellKey, type YearFacts } from '../model';
import { matchNote, ref } from './helpers';
import type { CrossYearRule } from './types';

export const crossYearInForce: CrossYearRule = {
  kind: 'cross-year',
  id: 'cross-year-in-force',
  severity: 'warning',
  title: { zh: '现行有效件数与上年不衔接', en: 'In-force count does not follow from last year' },
  description: {
    zh: '上一年度「现行有效件数」+ 本年制发 − 本年废止，一般应等于本年度「现行有效件数」（修订等情形可能例外，故为警告）。',
    en: 'Last year’s in-force + issued − repealed should equal this year’s in-force (revisions can break it).',
  },
  basis: '年度报告格式第二部分「现行有效件数」',
  example: '2022 年现行有效 10 件，2023 年制发 2 件、废止 0 件，现行有效却写 10 件。',
  check(current, previous, how) {
    if (current.layout === '2019' || previous.layout === '2019') return [];
    return (['rules', 'normative'] as const).flatMap((row) => {
      const v = (f: YearFacts, col: string) => f.values[cellKey(ref('t2', row, col))];
      const [before, issued, repealed, now] = [v(previous, 'in_force'), v(current, 'issued'), v(current, 'repealed'), v(current, 'in_force')];
      if ([before, issued, repealed, now].some((x) => x === undefined || x === null)) return [];
      const expected = before! + issued! - repealed!;
      if (expected === now) return [];
      return [
        {
          section: 's2' as const,
          cells: [ref('t2', row, 'in_force'), ref('t2', row, 'issued'), ref('t2', row, 'repealed')],
          expected,
          actual: now!,
          message: `「${row === 'rules' ? '规章' : '行政规范性文件'}」：上年现行有效 ${before} + 本年制发 ${issued} − 废止 ${repealed} = ${expected}，本年现行有效却为 ${now}${matchNote(previous, how)}`,
        },
      ];
    });
  },
};
