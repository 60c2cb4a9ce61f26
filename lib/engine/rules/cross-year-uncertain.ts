import type { RaisedRule } from './types';

/** Raised by the cross-year matcher when several reports could be the same body's previous year. */
export const crossYearUncertain: RaisedRule = {
  kind: 'raised',
  id: 'cross-year-uncertain',
  severity: 'info',
  title: { zh: '无法确定上一年度报告', en: 'Previous year’s report is uncertain' },
  description: {
    zh: '找到多份可能属于同一机关的上一年度报告，未作跨年度比对，以免误判。',
    en: 'Several reports could be the same body’s previous year; no cross-year check was made rather than guess.',
  },
  basis: '跨年度比对需确认为同一机关',
  example: '「司法局」2022 年报与「市司法局」「区司法局」两份 2022 年报都可能对应。',
};
