import { SECTION_KEYS, TABLE_OF_SECTION, type SectionKey } from '../model';
import { SECTION_SPECS } from '../parse/sections';
import type { ReportRule } from './types';

const heading = (k: SectionKey) => SECTION_SPECS.find((s) => s.key === k)!.heading;

export const sectionMissing: ReportRule = {
  kind: 'report',
  id: 'section-missing',
  severity: 'error',
  title: { zh: '缺少章节', en: 'Missing section' },
  description: {
    zh: '年报格式规定六个部分：总体情况、主动公开、依申请公开、复议诉讼、存在问题及改进、其他事项。',
    en: 'The template requires six sections; one of them was not found.',
  },
  basis: '《政府信息公开条例》第五十条；《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）规定的六个部分',
  example: '报告缺少「五、存在的主要问题及改进情况」。',
  check(report) {
    return SECTION_KEYS.filter((k) => !report.sections.some((s) => s.key === k)).map((k) => {
      const table = TABLE_OF_SECTION[k];
      const hasTable = table && report.tables[table];
      return {
        section: k,
        // The table is there, so only the heading is missing or unusual.
        severity: hasTable ? ('warning' as const) : undefined,
        message: hasTable ? `未找到「${heading(k)}」标题（该部分的表格存在）` : `缺少「${heading(k)}」部分`,
      };
    });
  },
};
