/** Cross-year matching over many stored reports: the index against comparing every pair. */
import { previousFinder, sameBody, type YearFacts } from '../lib/engine/cross-year';

const PLACES = ['示范市', '洛阳市', '孟津区', '开封市', '某县', '湛河区', '阜新市', '平顶山市'];
const ORGANS = ['司法局', '公安局', '交通运输局', '教育局', '卫生健康委员会', '住房和城乡建设局', '市场监督管理局', '人民政府办公室'];

/** `count` reports: bodies × years 2019–2023, some with a place prefix, as a province's archive holds. */
export function storedFacts(count: number): YearFacts[] {
  const out: YearFacts[] = [];
  for (let i = 0; out.length < count; i++) {
    const body = `${PLACES[i % PLACES.length]}${i}号${ORGANS[(i >> 3) % ORGANS.length]}`;
    for (let year = 2019; year <= 2023 && out.length < count; year++)
      out.push({ source: `https://www.demo.gov.cn/${i}/${year}.html`, agency: i % 7 === 0 && year === 2022 ? `河南省${body}` : body, year, layout: '2021', values: {} });
  }
  return out;
}

function ms(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export function benchCrossYear(count: number): void {
  const facts = storedFacts(count);
  const indexed = ms(() => {
    const find = previousFinder(facts);
    for (const f of facts) find(f);
  });
  console.log(`  index by year and body 按年度与机关索引   ${count} reports: ${indexed.toFixed(1)} ms`);
  // The former way, every candidate for every report, on a sample to keep the bench short.
  const sample = facts.slice(0, 200);
  const pairwise = ms(() => {
    for (const f of sample) facts.filter((c) => c.year === f.year! - 1 && sameBody(f.agency, c.agency) !== 'no');
  });
  console.log(`  every pair 逐对比较 (extrapolated)        ${count} reports: ${((pairwise * count) / sample.length).toFixed(0)} ms`);
}
