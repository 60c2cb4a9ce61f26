import { layoutFamily, type CellRef, type Report } from '../model';
import { aboutOtherBody, aboutOtherYear, atLeast, checkClaims, ownPartFollows, proseSentences, type Claim, ROUGH_NOTE } from './claims';
import { clauseBefore, ref, tableLayout, valueAt } from './helpers';
import type { Problem, ReportRule } from './types';

/** Table 2's documents as prose names them; a statement about one runs until a document is named again. */
const DOCUMENTS = [
  { row: 'rules', what: '规章', words: '(?:政府)?规章' },
  { row: 'normative', what: '行政规范性文件', words: '(?:行政)?规范性文件' },
] as const;
const ISSUED = '(?:新)?(?:制发|制定|出台|印发)(?:了)?';
const TOTAL = '(?:共计|合计|共|计|为)?';

/** 「制发规章2件」「制发2件规章」 and, for the words after a count, 「制发行政规范性文件7件，废止3件，现行有效46件」. */
function documentClaims(row: string, what: string, words: string): Claim[] {
  const cells = (column: string) => () => [ref('t2', row, column)];
  // The count after its verb, with the document named before the verb or after it; the verb alone when the document was named earlier in the clause chain.
  const stated = (verb: string) => [
    new RegExp(`${verb}(?:的)?(?:部门)?${words}${TOTAL}(\\d+)件`),
    new RegExp(`${verb}(?:的)?(\\d+)件${words}`),
    new RegExp(`${words}\\d+件(?:(?!规章|规范性文件)[^。；])*?${verb}(?:的)?${TOTAL}(\\d+)件`),
  ];
  return [
    ...stated(ISSUED).map((pattern) => ({ pattern, cells: cells('issued'), what: `制发${what}`, unless: aSubset })),
    // 「废止1件、宣布失效1件，合计2件」: two kinds of repeal, each a part.
    ...stated('废止(?:了)?').map((pattern) => ({
      pattern,
      cells: cells('repealed'),
      what: `废止${what}`,
      unless: (clause: string, sentence: string) => aSubset(clause, sentence) || /宣布失效/.test(sentence),
    })),
    ...stated('现行有效').map((pattern) => ({ pattern, cells: cells('in_force'), what: `现行有效${what}`, unless: aSubset })),
  ];
}

/** 「作出行政许可决定1386件」「行政处罚决定58件」: table 2's decisions; without 决定, a count of items or notices is something else. */
function decisionClaims(row: string, what: string): Claim[] {
  const cells = () => [ref('t2', row, 'decisions')];
  return [new RegExp(`${what}(?:处理)?决定(?:书)?${TOTAL}(\\d+)件`), new RegExp(`(\\d+)件${what}(?:处理)?决定`)].map((pattern) => ({
    pattern,
    cells,
    what: `${what}决定`,
    // 「行政许可和行政处罚决定共5件」 counts two kinds at once (but 「处罚决定56件和行政强制决定7件」 ends the item before: its count).
    // Decisions of one procedure or inspection (「组织听证」「双随机…立案9件」) anywhere in the sentence are a part too.
    unless: (clause: string, sentence: string) =>
      aSubset(clause, sentence) ||
      /听证|双随机|抽查|专项|立案/.test(sentence) ||
      (kindsCountedTogether(clauseBefore(clause, clause.length, true)).match(/行政(?:许可|处罚|强制)/g)?.length ?? 0) > 1,
  }));
}

/** The words an item's count is of: after the last count before it (「行政处罚决定56件和行政强制决定7件」 is of 行政强制 alone). */
const kindsCountedTogether = (item: string) =>
  item
    .replace(/\d+件$/, '')
    .split(/\d+件/)
    .pop()!;

/**
 * A part of the year's documents or decisions (「以市政府名义制发…」「其中…」「涉及…」「生态环境领域行政处罚决定」「撤销行政许可决定」
 * 「被复议的」), a running total (「累计」), a plan (「拟废止1件」), or more bodies' (「县政府及部门」「全市」「下属单位」) — not table 2's number. A field named in a
 * clause of its own before (「在生态环境领域，市政府印发…」) makes the clauses after it that field's too.
 */
const aSubset = (clause: string, sentence = '') =>
  /(?:^|[，,])在[^。；;，,]{1,20}领域[，,]/.test(sentence.slice(0, sentence.indexOf(clause)).split(/[；;]/).pop()!) ||
  /名义|其中|涉及|领域|累计|拟|计划|单独|联合|修订|重新|宣布失效|审核|备案|撤销|撤回|变更|注销|纠正|复议|诉讼|听证|准予|不予|简易程序|普通程序|一般程序|当场/.test(
    clause,
  ) ||
  (MORE_BODIES.test(clause) && !ownPartFollows(sentence.slice(sentence.indexOf(clause) + clause.length)));
/** More bodies' count; the body's own part right after it (「全县共作出行政处罚决定200件，其中本机关3件」) is checked (checkClaims). */
const MORE_BODIES = /[各及和与](?:部门|单位|地区|乡镇|街道)|全[省市县区]|下属|所属/;

/** The claims hold no report's words: built once, on first use (the patterns are many); the decisions' serve both templates. */
let claims: Claim[] | undefined;
let decisions: Claim[] | undefined;
const decisionClaimsOnce = () =>
  (decisions ??= [...decisionClaims('licensing', '行政许可'), ...decisionClaims('penalty', '行政处罚'), ...decisionClaims('coercion', '行政强制')]);

export const proseProactive: ReportRule = {
  kind: 'report',
  id: 'prose-proactive',
  severity: 'error',
  title: { zh: '正文主动公开数据与表格不符', en: 'Stated proactive-disclosure figures ≠ table 2' },
  description: {
    zh: `正文所述本年制发、废止、现行有效的规章和行政规范性文件件数，以及行政许可、行政处罚、行政强制的处理决定件数，应与第二部分表格一致；正文所述的行政事业性收费金额（以万元或元计）应与表格的本年收费金额（万元）一致（「未收取行政事业性收费」时应为 0），按两者中较少的小数位比较（表格 12.53、正文 12.5 万元不算矛盾，小数点错位则是）；「未制定规章」「没有作出行政强制决定」时该格应为 0。只核对说明了是哪一类文件（或哪一种决定）的全年件数；以某一名义制发的、「其中」的、涉及某一领域的、单独或联合印发的、修订后重新印发的、听证或专项检查中的、累计的件数是其中一部分，一句中已有与表格相符的同类件数时旁边的其他件数也是，不核对；2019 年版表格只核对行政许可、行政处罚、行政强制的「处理决定数量」（与 2021 年版的本年处理决定数量含义相同），其余各列含义不同，不核对。表格有空白时按不小于 0 计。${ROUGH_NOTE.zh}`,
    en: `Counts of rules and normative documents issued, repealed and in force this year, and of licensing, penalty and coercion decisions, stated in the prose must match table 2 (「未制定规章」: 0), and a stated 行政事业性收费 amount (in 万元 or 元; 「未收取」: 0) its 本年收费金额 in 万元, compared to the fewer decimals either gives (a moved decimal point shows, rounding does not). Only a whole year’s count of a named kind is checked; a part (「以…名义」「其中」, joint or reissued documents, decisions after a hearing or an inspection, other counts beside the table’s own in one sentence), a running total (「累计」) is not; in the 2019 table only the decisions (处理决定数量, the same count as the 2021 table’s) are checked, its other columns meaning other things. Blanks count as unknowns ≥ 0. ${ROUGH_NOTE.en}`,
  },
  basis: '《政府信息公开条例》第二十条、第五十条；《中华人民共和国政府信息公开工作年度报告格式》第二部分',
  example: '正文「制发行政规范性文件8件」，表格「行政规范性文件·本年制发件数」为 7。',
  check(report) {
    if (!report.tables.t2) return [];
    // The 2019 table's 处理决定数量 counts the year's decisions as the 2021 table does; its documents' columns (本年新制作,
    // 对外公开总数量) and its fees (items, no amount) are other counts.
    if (layoutFamily(tableLayout(report, 't2')) === '2019') return [...checkClaims(report, decisionClaimsOnce()), ...denials(report, true)];
    return [
      ...checkClaims(report, (claims ??= [...DOCUMENTS.flatMap((d) => documentClaims(d.row, d.what, d.words)), ...decisionClaimsOnce()])),
      ...denials(report),
      ...feeClaims(report),
    ];
  },
};

/** 「收取行政事业性收费12.5万元」「行政事业性收费金额为125000元」「行政事业性收费项目3项，收费金额12.5万元」: the year's amount, in 万元 or 元. */
const FEE = /行政事业性收费(?:项目\d+项[，,、]?(?:收费)?)?(?:金额|总额|收入)?(?:共计|合计|共|计|为)?(\d+(?:\.\d+)?)(万元|元)/g;
/** 「未收取行政事业性收费」「无行政事业性收费项目」: none this year; not 「无行政事业性收费项目调整」, no change to the items charged. */
const NO_FEE = /(?:未|没有|无)(?:收取|发生)?(?:任何)?行政事业性收费(?!(?:项目|标准)?的?(?:调整|变动|变化|增减|新增|增加|减少|取消|减免|优惠))/;
const decimals = (n: string) => n.split('.')[1]?.length ?? 0;

/**
 * The fee amount the prose states against table 2's 本年收费金额（单位：万元）, a decimal amount: equal once both are rounded
 * to the fewer decimals either gives (a table's 12.53 is the prose's 12.5万元), so a moved decimal point (125, 1.25) shows.
 * A part (「其中」「涉及」), a reduction (「减免」「退还」), another year's or body's amount is not the table's.
 */
function feeClaims(report: Report): Problem[] {
  const cell = ref('t2', 'fees', 'amount');
  const table = valueAt(report, 't2', 'fees', 'amount');
  if (table === null) return [];
  const out: Problem[] = [];
  for (const { s, c } of proseSentences(report)) {
    if (!c.includes('事业性收费')) continue;
    const none = NO_FEE.exec(c);
    if (none && table > 0) {
      const before = c.slice(0, none.index);
      if (!aboutOtherYear(report, before) && !aboutOtherBody(before) && !aSubset(clauseBefore(c, none.index + none[0].length), c))
        out.push({ section: s.section, cells: [cell], excerpt: s.text, expected: table, actual: 0, message: `正文称${none[0]}，但表格为 ${table} 万元` });
    }
    for (const m of c.matchAll(FEE)) {
      const before = c.slice(0, m.index);
      const clause = clauseBefore(c, m.index + m[0].length);
      if (aboutOtherYear(report, before) || aboutOtherBody(before) || aSubset(clause, c) || /减免|免收|退还|退费|返还/.test(clause)) continue;
      const stated = m[2] === '元' ? Number(m[1]) / 10000 : Number(m[1]);
      const places = Math.min(decimals(String(table)), m[2] === '元' ? decimals(m[1]!) + 4 : decimals(m[1]!));
      if (table.toFixed(places) === stated.toFixed(places)) continue;
      out.push({
        section: s.section,
        cells: [cell],
        excerpt: s.text,
        expected: table,
        actual: stated,
        message: `正文称行政事业性收费 ${m[1]}${m[2]}，表格为 ${table} 万元`,
      });
    }
  }
  return out;
}

/** 「本年度未制定政府规章」「未废止规范性文件」: none issued (or repealed) this year. */
const NO_DOCUMENT = /(?:未|没有|无)(?:新)?(制发|制定|出台|印发|废止)(?:任何)?(?:政府|部门)?(规章|(?:行政)?规范性文件)/;
/** 「没有作出行政强制决定」: no decision of that kind this year. */
const NO_DECISION = /(?:未|没有|无)(?:作出|做出)?(?:任何)?行政(许可|处罚|强制)(?:处理)?决定/;
const DECISION_ROWS: Readonly<Record<string, string>> = { 许可: 'licensing', 处罚: 'penalty', 强制: 'coercion' };

/** The cell a denial says is 0: the documents issued or repealed, or the decisions of a kind. */
function deniedCell(c: string): { at: number; said: string; cell: CellRef } | undefined {
  const doc = NO_DOCUMENT.exec(c);
  if (doc) return { at: doc.index, said: doc[0], cell: ref('t2', /规章/.test(doc[2]!) ? 'rules' : 'normative', doc[1] === '废止' ? 'repealed' : 'issued') };
  const decision = NO_DECISION.exec(c);
  if (decision) return { at: decision.index, said: decision[0], cell: ref('t2', DECISION_ROWS[decision[1]!]!, 'decisions') };
  return undefined;
}

/**
 * Denials of documents or decisions (none this year) against table 2's cells, unless the sentence puts them elsewhere (aSubset);
 * `decisionsOnly`: the 2019 table, whose documents' columns are other counts.
 */
function denials(report: Report, decisionsOnly = false): Problem[] {
  const out: Problem[] = [];
  for (const { s, c } of proseSentences(report)) {
    const denied = deniedCell(c);
    if (!denied || (decisionsOnly && denied.cell.column !== 'decisions')) continue;
    const before = c.slice(0, denied.at);
    const clause = clauseBefore(c, denied.at + denied.said.length);
    // 「对7起首次轻微违法行为依法未作出行政处罚决定」: none for some cases, not none at all.
    if (aboutOtherYear(report, before) || aboutOtherBody(before) || aSubset(clause, c) || /^对/.test(clause)) continue;
    const n = atLeast(report, [denied.cell]);
    if (n > 0)
      out.push({ section: s.section, cells: [denied.cell], excerpt: s.text, expected: n, actual: 0, message: `正文称${denied.said}，但表格为 ${n} 件` });
  }
  return out;
}
