import { SECTION_KEYS } from '../model';
import type { ReportRule } from './types';

export const sectionOrder: ReportRule = {
  kind: 'report',
  id: 'section-order',
  severity: 'warning',
  title: { zh: '章节顺序错误', en: 'Sections out of order' },
  description: { zh: '六个部分应按模板顺序排列。', en: 'The six sections should follow the template order.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
  example: '「六、其他需要报告的事项」排在「五」之前。',
  check(report) {
    const found = [...report.sections].sort((a, b) => a.order - b.order);
    return found
      .filter((s, i) => i > 0 && SECTION_KEYS.indexOf(s.key) < SECTION_KEYS.indexOf(found[i - 1]!.key))
      .map((s) => ({ section: s.key, message: `「${s.heading}」出现在「${found[found.indexOf(s) - 1]!.heading}」之后，顺序与模板不符` }));
  },
};
