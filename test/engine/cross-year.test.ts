import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { sameBody } from '../../lib/engine/cross-year';

/** Bodies' names with characters the engine's own words do not use (医疗, 卫生, 档案, 侨务, 粮食, 邮政). */
const NAMES = [
  '开封市医疗保障局',
  '郑州市卫生健康委员会',
  '洛阳市档案馆',
  '广东省人民政府侨务办公室',
  '示范县粮食和物资储备局',
  '示范市邮政管理局',
  '乾县人民政府',
];
const STANDARDS = ['t', 'tw', 'hk'] as const;

describe('matching the same body', () => {
  it('is sure for equal names, likely for a place prefix, no otherwise', () => {
    expect(sameBody('示范市 司法局', '示范市司法局')).toBe('same');
    expect(sameBody('洛阳市孟津区司法局', '孟津区司法局')).toBe('likely');
    expect(sameBody('示范市司法局', '示范市公安局')).toBe('no');
    expect(sameBody('司法局', '示范市司法局')).toBe('no');
  });

  it.each(STANDARDS)('is sure for a name a portal’s 繁 switch wrote (OpenCC cn → %s), and tells bodies apart as in simplified', (to) => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to });
    for (const name of NAMES) expect(sameBody(toTraditional(name), name)).toBe('same');
    expect(sameBody(toTraditional('洛阳市孟津区医疗保障局'), '孟津区医疗保障局')).toBe('likely');
    expect(sameBody(toTraditional('开封市医疗保障局'), '开封市卫生健康委员会')).toBe('no');
  });
});
