import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compact, memoizedText, toHalfWidth } from '../../lib/engine/text';

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

describe('memoizedText', () => {
  it('answers as the function does, for short and long texts, across many more texts than it keeps', () => {
    const f = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
    const remembered = memoizedText(f, 16, 8);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('２', '0', ' ', '\u3000', '年', 'Ａ', 'a') }), { maxLength: 60 }), (texts) => {
        for (const t of [...texts, ...texts]) expect(remembered(t)).toBe(f(t));
      }),
    );
    for (const t of ['１ ２', '', 'x'.repeat(300)]) expect(compact(t)).toBe(f(t));
  });
  it('calls the function once per short text while it is kept, every time for a long one', () => {
    const f = vi.fn((s: string) => s.length);
    const remembered = memoizedText(f, 2, 4);
    remembered('ab');
    remembered('ab');
    expect(f).toHaveBeenCalledTimes(1);
    remembered('abcdef');
    remembered('abcdef');
    expect(f).toHaveBeenCalledTimes(3);
    // Full at two: a third text empties it, so 'ab' is computed again.
    remembered('cd');
    remembered('ef');
    remembered('ab');
    expect(f).toHaveBeenCalledTimes(6);
  });
});
