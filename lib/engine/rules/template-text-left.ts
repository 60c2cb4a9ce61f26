import { compact, ellipsis } from '../text';
import type { Problem, ReportRule } from './types';

/**
 * Instructions of the template (and of provincial versions of it) that must go before publishing,
 * and placeholders left unfilled. Only words an instruction uses: the table's own printed note
 * 「本列数据的勾稽关系为…」 belongs in the report and is not here.
 */
const LEFT_IN: { pattern: RegExp; what: string }[] = [
  // 「按照《年度报告格式》及其填报说明的要求编制」 cites the instructions; it does not leave them in.
  {
    pattern: /(?<!(?:按照|根据|依据|依照|参照|遵照|遵循|对照)[^。;]{0,40}|》(?:及其?|和|与|以及)?)(?:编写|填写|填报)说明(?!的?(?:要求|规定))/,
    what: '编写说明',
  },
  { pattern: /可先适当综述/, what: '「可先适当综述」' },
  { pattern: /(?:要|应)?注意数据(?:之|间)的?逻辑关系/, what: '「要注意数据间的逻辑关系」' },
  // 「（此处可补充说明……）」「（此处简要描述……）」 too; without a bracket only with a word of instruction (「此处可补充」, not 「在此处说明的是」).
  {
    pattern:
      /[(（【[]?此处(?:应|请)?(?:简要|简单|具体|详细)?(?:填写|填报|填入|录入|撰写)|(?:[(（【[]此处(?:应|请|可以?|需要?|须)?|此处(?:应|请|可以?))(?:简要|简单|具体|详细)?(?:补充|列明|注明|简述|说明|列出|描述|介绍)/,
    what: '「（此处填写……）」',
  },
  { pattern: /[(（](?:请)?(?:根据|结合)(?:本单位|本机关|本部门)?实际(?:情况)?(?:填写|撰写|编写)/, what: '「（根据实际情况填写）」' },
  {
    pattern: /20[X×Ｘx]{2}年|[X×Ｘ]{2,}(?:市|县|区|局|单位|部门|机关)|[X×Ｘ]{2,}(?:条|件|个|项|次|万元|%)/,
    what: '未替换的占位符（如「20XX年」「XX局」「XX条」）',
  },
];

export const templateTextLeft: ReportRule = {
  kind: 'report',
  id: 'template-text-left',
  severity: 'error',
  title: { zh: '保留了模板说明文字', en: 'Template instructions left in the text' },
  description: {
    zh: '年报模板（及各省的版本）带有编写说明、「可先适当综述」「要注意数据间的逻辑关系」「（此处填写……）」「（此处可补充说明……）」等提示，以及「20XX年」之类占位符，发布前必须删去或替换；发布的报告中仍有这些文字即为错误。「按照《年度报告格式》及其填报说明的要求编制」是引用说明，不算。',
    en: 'The template’s instructions (编写说明, 「可先适当综述」, 「（此处填写……）」, 「（此处可补充说明……）」 …) and placeholders such as 「20XX年」 must be removed before publishing; citing them (「按照…及其填报说明的要求编制」) is not leaving them in.',
  },
  basis: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）及各地转发版本的编写说明',
  example: '第一部分开头仍是「（可先适当综述，再分别说明……）」。',
  check(report) {
    const out: Problem[] = [];
    const seen = new Set<string>();
    const texts = [
      ...report.sections.map((s) => ({ section: s.key, text: s.heading })),
      ...report.sentences.map((s) => ({ section: s.section, text: s.text })),
    ];
    for (const { section, text } of texts) {
      const c = compact(text);
      for (const { pattern, what } of LEFT_IN) {
        const m = pattern.exec(c);
        if (!m || seen.has(text)) continue;
        seen.add(text);
        out.push({ section, excerpt: text, actual: m[0], message: `正文保留了模板说明文字 ${what}：「${ellipsis(text, 60)}」` });
      }
    }
    return out;
  },
};
