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
      out.push({
        source: `https://www.demo.gov.cn/${i}/${year}.html`,
        agency: i % 7 === 0 && year === 2022 ? `河南省${body}` : body,
        year,
        layout: '2021',
        values: {},
      });
  }
  return out;
}

/** Median wall and CPU time of `fn` over five runs, in ms: CPU time stays meaningful on a busy machine. */
function ms(fn: () => void, runs = 5): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(wall), cpu: median(cpu) };
}

export function benchCrossYear(count: number): void {
  const facts = storedFacts(count);
  const indexed = ms(() => {
    const find = previousFinder(facts);
    for (const f of facts) find(f);
  });
  console.log(`  index by year and body 按年度与机关索引   ${count} reports: ${indexed.wall.toFixed(1)} ms (CPU ${indexed.cpu.toFixed(1)} ms)`);
  // The former way, every candidate for every report, on a sample to keep the bench short.
  const sample = facts.slice(0, 200);
  const pairwise = ms(() => {
    for (const f of sample) facts.filter((c) => c.year === f.year! - 1 && sameBody(f.agency, c.agency) !== 'no');
  }, 1);
  console.log(
    `  every pair 逐对比较 (extrapolated)        ${count} reports: ${((pairwise.wall * count) / sample.length).toFixed(0)} ms (CPU ${((pairwise.cpu * count) / sample.length).toFixed(0)} ms)`,
  );
}
