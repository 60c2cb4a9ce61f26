import { SECTION_KEYS, TABLE_KEYS, type Finding, type SectionKey, type TableKey } from '../model';
import { SECTION_SPECS } from '../parse/sections';
import { cellLabel, TABLE_NAMES } from '../parse/table-specs';
import { expectedRows, ref } from './access';
import { toFinding, type Rule, type RuleMeta } from './types';

const TABLE_OF_SECTION: Partial<Record<SectionKey, TableKey>> = { s2: 't2', s3: 't3', s4: 't4' };
const SECTION_OF_TABLE: Record<TableKey, SectionKey> = { t2: 's2', t3: 's3', t4: 's4' };
const heading = (k: SectionKey) => SECTION_SPECS.find((s) => s.key === k)!.heading;

export const sectionMissing: Rule = {
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

export const sectionOrder: Rule = {
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

export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 'error',
  title: { zh: '缺少表格', en: 'Missing table' },
  description: { zh: '第二、三、四部分须以模板表格报告数据；表格缺失或以图片发布时无法核对。', en: 'Sections 2–4 must contain the template tables; a missing (or image-only) table cannot be checked.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）第二、三、四部分的表格',
  example: '第三部分只有一张图片，没有可核对的表格。',
  check(report) {
    return TABLE_KEYS.filter((t) => !report.tables[t]).map((t) => ({
      section: SECTION_OF_TABLE[t],
      message: `未找到「${TABLE_NAMES[t]}」表格（可能缺失，或以图片、附件形式发布）`,
    }));
  },
};

export const rowMissing: Rule = {
  id: 'row-missing',
  severity: 'error',
  title: { zh: '缺少表格行', en: 'Missing table row' },
  description: { zh: '模板表格的每一行都必须列出，即使数值为 0。', en: 'Every row of the template tables must be present, even when its values are 0.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的表格行',
  example: '第三部分表格漏印「4.无正当理由大量反复申请」一行。',
  check(report) {
    return TABLE_KEYS.flatMap((t) => {
      const table = report.tables[t];
      if (!table) return [];
      return expectedRows(report, t)
        .filter((spec) => !table.rows[spec.key])
        .map((spec) => ({
          section: SECTION_OF_TABLE[t],
          cells: spec.columns.map((c) => ref(t, spec.key, c)),
          message: t === 't4' ? '「行政复议、行政诉讼」表格没有数据行' : `「${TABLE_NAMES[t]}」表缺少「${spec.label}」行`,
        }));
    });
  },
};

export const extraCells: Rule = {
  id: 'row-extra-cells',
  severity: 'warning',
  title: { zh: '行内数值多于列数', en: 'Row has more values than columns' },
  description: { zh: '一行中的数值多于模板列数，多出的数值被忽略，请核对原表。', en: 'A row holds more numbers than the template has columns; the extra ones were ignored.' },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）的表格列',
  example: '「(七)总计」一行印出 8 个数，而表格只有 7 列。',
  check(report) {
    return TABLE_KEYS.flatMap((t) =>
      (report.tables[t]?.notes ?? []).map((n) => ({
        section: SECTION_OF_TABLE[t],
        cells: n.row ? Object.keys(report.tables[t]!.rows[n.row] ?? {}).map((c) => ref(t, n.row!, c)) : undefined,
        message: `${n.row ? `「${cellLabel(t, n.row, '').replace(/·$/, '')}」行：` : ''}${n.text}`,
      })),
    );
  },
};

export const layoutOutdated: Rule = {
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

/** Raised by the audit itself, not a check: the page has no report text to check. */
export const attachmentOnly: RuleMeta = {
  id: 'report-attachment-only',
  severity: 'warning',
  title: { zh: '报告仅以附件发布', en: 'Report published only as an attachment' },
  description: {
    zh: '页面只提供 PDF、Word 等附件，正文中没有可核对的报告内容；请打开附件人工核对（附件解析将在后续版本提供）。',
    en: 'The page offers only a PDF/Word attachment and no report text to check; open it to check by hand.',
  },
  basis: '《政府信息公开条例》第五十条（年度报告应向社会公布）；网页正文便于公众查阅',
  example: '页面正文只有一行「附件：2023年政府信息公开工作年度报告.pdf」。',
};

/** The finding for a report that is only a file: the same wording wherever it is raised. */
export function attachmentFindings(files: { url: string; title: string }[], disabled: readonly string[] = []): Finding[] {
  if (disabled.includes(attachmentOnly.id)) return [];
  return [toFinding(attachmentOnly, { message: `年度报告仅以附件形式发布，未能核对：${files.map((x) => x.title).join('、')}`, actual: files.map((x) => x.url).join(' ') })];
}
