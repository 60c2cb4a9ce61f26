/**
 * A synthetic portal column 「政府信息公开年报」: eleven bodies × two years (2022, 2023), on two
 * list pages, with known cross-year defects. Reports are rendered from test/helpers/make-report as
 * ordinary portal pages (headings, paragraphs, plain tables).
 */
import { cleanT3, makeReport, type ReportParts } from '../helpers/make-report';

interface Body {
  slug: string;
  agency: string;
  /** Overrides per year. */
  y2022?: Partial<ReportParts>;
  y2023?: Partial<ReportParts>;
  /** The 2023 report's agency as printed, when it differs from the 2022 one. */
  agency2023?: string;
  published2023?: string;
  attachmentOnly2023?: boolean;
}

/** 2022 ends with 2 applications carried forward (row 4 = 2); a consistent 2023 carries 2 over. */
function t3With(row2: number[], row4: number[]) {
  const t3 = cleanT3();
  t3['2'] = [...row2, 0, 0, 0, 0, 0, row2[0]!];
  t3['4'] = [...row4, 0, 0, 0, 0, 0, row4[0]!];
  // Keep 1 + 2 = 3.7 + 4 in the natural and total columns.
  const natural = 9 + row4[0]! - row2[0]!;
  t3['1'] = [natural, 2, 0, 0, 0, 0, natural + 2];
  return t3;
}

const consistent = (slug: string, agency: string): Body => ({
  slug,
  agency,
  y2022: { t3: t3With([1], [2]), normative: [1, 0, 5] },
  y2023: { t3: t3With([2], [2]), normative: [2, 1, 6] },
});

export const BODIES: Body[] = [
  consistent('jyj', '示范市教育局'),
  consistent('gaj', '示范市公安局'),
  consistent('mzj', '示范市民政局'),
  consistent('czj', '示范市财政局'),
  consistent('rsj', '示范市人力资源和社会保障局'),
  consistent('zrzyj', '示范市自然资源局'),
  // The carry-over does not follow: 2022 forwarded 2, 2023 says 0 came over.
  { slug: 'sfj', agency: '示范市司法局', y2022: { t3: t3With([1], [2]), normative: [1, 0, 5] }, y2023: { t3: t3With([0], [2]), normative: [2, 1, 6] } },
  // 现行有效件数: 5 + 2 − 1 should be 6, not 9.
  {
    slug: 'zjj',
    agency: '示范市住房和城乡建设局',
    y2022: { t3: t3With([1], [2]), normative: [1, 0, 5] },
    y2023: { t3: t3With([2], [2]), normative: [2, 1, 9] },
  },
  // The same body, its name spaced differently in 2023: still matched, and its carry-over is wrong.
  {
    slug: 'jtj',
    agency: '示范市交通运输局',
    agency2023: '示范市 交通运输局',
    y2022: { t3: t3With([1], [3]), normative: [1, 0, 5] },
    y2023: { t3: t3With([1], [2]), normative: [2, 1, 6] },
  },
  // Published late.
  { ...consistent('wjw', '示范市卫生健康委员会'), published2023: '2024-03-02' },
  // 2023 only as a PDF attachment.
  { ...consistent('scjgj', '示范市市场监督管理局'), attachmentOnly2023: true },
];

const paths = (b: Body, year: number) => `/portal/${year}/${b.slug}/t${year + 1}0120_${b.slug.length}${year}.html`;

function pageShell(title: string, published: string, article: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_示范市人民政府</title></head>
<body><header><a href="/portal/list.html">政府信息公开年报</a></header>
<article><h1>${title}</h1><div class="info">发布时间：${published}　来源：示范市人民政府办公室</div>
${article}</article><footer>示范市人民政府 主办</footer></body></html>`;
}

/** Report text (tab tables) as a portal article: headings, paragraphs, tables. */
export function articleOf(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(`<table border="1">${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n').slice(1)) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else {
      flush();
      if (/^[一二三四五六]、/.test(line)) out.push(`<h2>${line}</h2>`);
      else if (line.trim()) out.push(`<p>${line}</p>`);
    }
  }
  flush();
  return out.join('\n');
}

function reportPage(b: Body, year: 2022 | 2023): string {
  const agency = year === 2023 && b.agency2023 ? b.agency2023 : b.agency;
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const published = year === 2023 && b.published2023 ? b.published2023 : `${year + 1}-01-20`;
  if (year === 2023 && b.attachmentOnly2023) return pageShell(title, published, `<p>附件：<a href="/files/${b.slug}-${year}.pdf">${title}.pdf</a></p>`);
  const text = makeReport({ title, ...(year === 2022 ? b.y2022 : b.y2023), s1: `${year}年，我局共收到政府信息公开申请若干件。` });
  return pageShell(title, published, articleOf(text));
}

const LINKS = BODIES.flatMap((b) =>
  [2023, 2022].map((y) => ({
    path: paths(b, y),
    title: `${y === 2023 && b.agency2023 ? b.agency2023 : b.agency}${y}年政府信息公开工作年度报告`,
    date: `${y + 1}-01-20`,
  })),
);

function listPage(page: number): string {
  const per = 12;
  const items = LINKS.slice(page * per, (page + 1) * per).map((l) => `<li><a href="${l.path}" target="_blank">${l.title}</a><span>${l.date}</span></li>`);
  const pages = Math.ceil(LINKS.length / per);
  const next = page + 1 < pages ? `<a href="/portal/list_${page + 1}.html">下一页</a>` : '';
  const prev = page > 0 ? `<a href="/portal/list${page - 1 ? `_${page - 1}` : ''}.html">上一页</a>` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府信息公开年报_示范市人民政府</title></head>
<body><nav><a href="/">首页</a> &gt; <a href="/portal/list.html">政府信息公开年报</a></nav>
<h2>政府信息公开年报</h2><ul class="list">${items.join('\n')}</ul><div class="page">${prev} 第 ${page + 1}/${pages} 页 ${next}</div></body></html>`;
}

export const SYNTHETIC_REPORT_COUNT = LINKS.length;

export const SYNTHETIC_PAGES: Record<string, () => string> = {
  '/portal/list.html': () => listPage(0),
  '/portal/list_1.html': () => listPage(1),
  ...Object.fromEntries(BODIES.flatMap((b) => ([2022, 2023] as const).map((y) => [paths(b, y), () => reportPage(b, y)]))),
};
