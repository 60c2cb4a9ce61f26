/**
 * Builds a complete 2021-layout report as tab-separated text (the shape Word and PDF copies
 * give), from values a test chooses. Defaults are a consistent report with non-zero numbers,
 * so each rule test changes exactly the thing it is about.
 */
import { T3_ROWS } from '../../lib/engine/parse/table-specs';

export type T3Values = Record<string, (number | string)[]>;

/** Natural persons and two companies applied; the numbers satisfy every identity. */
export function cleanT3(): T3Values {
  const rows: T3Values = {};
  for (const r of T3_ROWS) if (r.layouts.includes('2021')) rows[r.key] = [0, 0, 0, 0, 0, 0, 0];
  rows['1'] = [10, 2, 0, 0, 0, 0, 12];
  rows['2'] = [1, 0, 0, 0, 0, 0, 1];
  rows['3.1'] = [5, 1, 0, 0, 0, 0, 6];
  rows['3.2'] = [1, 0, 0, 0, 0, 0, 1];
  rows['3.3.4'] = [1, 0, 0, 0, 0, 0, 1];
  rows['3.4.1'] = [2, 1, 0, 0, 0, 0, 3];
  rows['3.7'] = [9, 2, 0, 0, 0, 0, 11];
  rows['4'] = [2, 0, 0, 0, 0, 0, 2];
  return rows;
}

/** Two reviews (one upheld, one pending), one suit upheld. */
export function cleanT4(): (number | string)[] {
  return [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
}

export interface ReportParts {
  title: string;
  s1: string;
  s5: string;
  s6: string;
  t3: T3Values;
  t4: (number | string)[];
  /** Section keys to leave out. */
  omit: string[];
  /** t3 row keys to leave out. */
  omitRows: string[];
  /** Print the 2019 layout's t2 block and single (六)其他处理 row. */
  layout2019: boolean;
  /** t2 行政规范性文件: issued, repealed, in force. */
  normative: (number | string)[];
}

export const DEFAULT_S1 = [
  '（一）主动公开',
  '2023年，我局通过门户网站发布信息120条，其中工作动态80条，通知公告30条，政策解读10条。',
  '（二）依申请公开',
  '2023年，我局共收到政府信息公开申请12件，上年结转1件。',
].join('\n');
export const DEFAULT_S5 = '一是公开内容不够丰富。针对上一年度存在的问题，已完成整改。下一步将加强培训。';
export const DEFAULT_S6 = '本年度未收取信息处理费。';

const LABEL_OF: Record<string, string> = Object.fromEntries(T3_ROWS.map((r) => [r.key, r.label]));

export function makeReport(over: Partial<ReportParts> = {}): string {
  const p: ReportParts = {
    title: '示范市测试局2023年政府信息公开工作年度报告',
    s1: DEFAULT_S1,
    s5: DEFAULT_S5,
    s6: DEFAULT_S6,
    t3: cleanT3(),
    t4: cleanT4(),
    omit: [],
    omitRows: [],
    layout2019: false,
    normative: [1, 0, 5],
    ...over,
  };
  const t3 = { ...p.t3 };
  if (p.layout2019) {
    // The 2019 table has one (六)其他处理 row instead of three numbered ones.
    t3['3.6'] ??= [0, 0, 0, 0, 0, 0, 0];
    for (const k of ['3.6.1', '3.6.2', '3.6.3']) delete t3[k];
  }
  const t3Keys = Object.keys(t3).filter((k) => !p.omitRows.includes(k));
  const order = ['1', '2', ...T3_ROWS.map((r) => r.key).filter((k) => k.startsWith('3.') && k !== '3.7'), '3.7', '4'];
  const t3Lines = order.filter((k) => t3Keys.includes(k)).map((k) => `${LABEL_OF[k]}\t${t3[k]!.join('\t')}`);
  const t2 = p.layout2019
    ? [
        '第二十条第（一）项\t\t\t',
        '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
        '规章\t0\t0\t0',
        '规范性文件\t1\t1\t5',
        '第二十条第（五）项\t\t\t',
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
        '行政许可\t12\t-1\t30',
        '其他对外管理服务事项\t4\t0\t9',
        '第二十条第（六）项\t\t\t',
        '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
        '行政处罚\t20\t2\t15',
        '行政强制\t3\t0\t1',
        '第二十条第（八）项\t\t\t',
        '信息内容\t上一年项目数量\t本年增/减\t',
        '行政事业性收费\t2\t0\t',
        '第二十条第（九）项\t\t\t',
        '信息内容\t采购项目数量\t采购总金额\t',
        '政府集中采购\t6\t35.5\t',
      ]
    : [
        '第二十条第（一）项\t\t\t',
        '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '规章\t0\t0\t0',
        `行政规范性文件\t${p.normative.join('\t')}`,
        '第二十条第（五）项\t\t\t',
        '信息内容\t本年处理决定数量\t\t',
        '行政许可\t3\t\t',
        '第二十条第（六）项\t\t\t',
        '信息内容\t本年处理决定数量\t\t',
        '行政处罚\t2\t\t',
        '行政强制\t0\t\t',
        '第二十条第（八）项\t\t\t',
        '信息内容\t本年收费金额（单位：万元）\t\t',
        '行政事业性收费\t1.25\t\t',
      ];
  const sections: [string, string[]][] = [
    ['s1', ['一、总体情况', p.s1]],
    ['s2', ['二、主动公开政府信息情况', ...t2]],
    [
      's3',
      [
        '三、收到和处理政府信息公开申请情况',
        '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况\t\t\t\t\t\t总计',
        '\t自然人\t法人或其他组织\t\t\t\t\t',
        '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
        ...t3Lines,
      ],
    ],
    [
      's4',
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
        '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
        '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
        p.t4.join('\t'),
      ],
    ],
    ['s5', ['五、存在的主要问题及改进情况', p.s5]],
    ['s6', ['六、其他需要报告的事项', p.s6]],
  ];
  return [p.title, '', ...sections.filter(([k]) => !p.omit.includes(k)).flatMap(([, lines]) => [...lines, ''])].join('\n');
}
