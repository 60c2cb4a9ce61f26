import { describe, expect, it } from 'vitest';
import { Finding } from '@/lib/engine/model';

describe('Finding model', () => {
  const finding = { rule: 'r', severity: 'error', message: 'm' };

  it('accepts a known severity', () => {
    expect(Finding.parse(finding)).toEqual(finding);
  });

  it('rejects an unknown severity', () => {
    expect(Finding.safeParse({ ...finding, severity: 'fatal' }).success).toBe(false);
  });
});
