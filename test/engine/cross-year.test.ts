import { describe, expect, it } from 'vitest';
import { sameBody } from '../../lib/engine/cross-year';

describe('matching the same body', () => {
  it('is sure for equal names, likely for a place prefix, no otherwise', () => {
    expect(sameBody('示范市 司法局', '示范市司法局')).toBe('same');
    expect(sameBody('洛阳市孟津区司法局', '孟津区司法局')).toBe('likely');
    expect(sameBody('示范市司法局', '示范市公安局')).toBe('no');
    expect(sameBody('司法局', '示范市司法局')).toBe('no');
  });
});
