import { describe, expect, it } from 'vitest';
import { compact, toHalfWidth } from '../../lib/engine/text';

/** The definition, character by character: full-width ASCII U+FF01–FF5E to U+0021–007E, the wide spaces to a space. */
const halfOf = (s: string) =>
  Array.from(s, (c) => {
    const n = c.charCodeAt(0);
    if (n >= 0xff01 && n <= 0xff5e) return String.fromCharCode(n - 0xfee0);
    return n === 0x3000 || n === 0xa0 || (n >= 0x2002 && n <= 0x200b) ? ' ' : c;
  }).join('');

/** toHalfWidth folds short texts with a replace and long ones in one pass: both ways give the same text. */
describe('toHalfWidth', () => {
  const unit = '２０２３年ＡＢ（一）：\u3000收到申请\u00a0１２件，\u200b办结。';
  it.each([unit.length, 4_000, 12_000, 16_383, 16_384, 40_000])('folds a %i-character text as the definition says', (length) => {
    const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    expect(toHalfWidth(text)).toBe(halfOf(text));
    expect(compact(text)).toBe(halfOf(text).replace(/\s+/g, ''));
  });
  it('returns a text without wide characters unchanged', () => {
    expect(toHalfWidth('2023年收到申请12件。')).toBe('2023年收到申请12件。');
  });
});
