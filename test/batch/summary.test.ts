import { describe, expect, it } from 'vitest';
import { finishedNotice } from '@/lib/app/batch/summary';

describe('finishedNotice', () => {
  it('says plainly that all were audited when none failed', () => {
    const n = finishedNotice({ total: 12, done: 12, failed: 0, pending: 0, reports: 12 });
    expect(n.ok).toBe(true);
    expect(n.zh).toContain('12 份报告均已审核');
  });

  it('says how many links failed instead of 已完成 when some did', () => {
    const n = finishedNotice({ total: 12, done: 10, failed: 2, pending: 0, reports: 10 });
    expect(n.ok).toBe(false);
    expect(n.zh).toContain('2 个链接失败');
    expect(n.zh).toContain('共 12 个，已审核 10 个');
    expect(n.zh).not.toContain('已完成');
    expect(n.en).toBe('Finished with 2 of 12 links failed.');
  });

  it('counts the reports of a compilation link, not only the links', () => {
    const n = finishedNotice({ total: 2, done: 2, failed: 0, pending: 0, reports: 5 });
    expect(n.ok).toBe(true);
    expect(n.zh).toContain('2 个链接、5 份报告均已审核');
    expect(finishedNotice({ total: 3, done: 2, failed: 1, pending: 0, reports: 5 }).zh).toContain('已审核 2 个，含 5 份报告');
  });

  it('counts a job whose every link failed as failed', () => {
    expect(finishedNotice({ total: 3, done: 0, failed: 3, pending: 0, reports: 0 }).ok).toBe(false);
  });
});
