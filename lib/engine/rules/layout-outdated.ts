import type { ReportRule } from './types';

export const layoutOutdated: ReportRule = {
  kind: 'report',
  id: 'layout-outdated',
  severity: 'error',
  title: { zh: '使用了旧版表格格式', en: 'Outdated (2019) table layout' },
  description: {
    zh: '2021 年度起的年报应使用国办公开办函〔2021〕30号规定的格式；2019 版格式（国办公开办函〔2019〕60号）仅适用于 2019、2020 年度。',
    en: 'Reports for 2021 onwards must use the layout of 国办公开办函〔2021〕30号, not the 2019 one.',
  },
  basis: '国办公开办函〔2021〕30号（2021 年度起适用）；国办公开办函〔2019〕60号（2019、2020 年度）',
  example: '2023 年度报告仍用「本年新制作数量」「对外公开总数量」的旧表。',
  check(report) {
    if (report.layout !== '2019' || report.year === null || report.year < 2021) return [];
    return [{ message: `${report.year} 年度报告使用了 2019 版表格格式，应使用国办公开办函〔2021〕30号格式`, expected: '2021', actual: '2019' }];
  },
};
