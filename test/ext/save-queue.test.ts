import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue, type SaveStatus } from '@/lib/app/save-queue';

class Unreachable extends Error {}

/** A background that stores by write id, like store/reports.ts, and can drop its answers. */
function fakeBackground() {
  const applied = new Map<string, string>();
  const stored: string[] = [];
  let failNext: 'before' | 'after' | undefined;
  return {
    stored,
    applied,
    /** The next send fails: before the write lands, or after it (only the answer is lost). */
    fail(when: 'before' | 'after') {
      failNext = when;
    },
    send: vi.fn(async (value: string, writeId: string) => {
      const when = failNext;
      failNext = undefined;
      if (when === 'before') throw new Unreachable('worker stopped');
      if (!applied.has(writeId)) {
        applied.set(writeId, value);
        stored.push(value);
      }
      if (when === 'after') throw new Unreachable('message port closed');
    }),
  };
}

let statuses: SaveStatus[];
let ids: number;
const queueFor = (bg: ReturnType<typeof fakeBackground>, send = bg.send) =>
  new SaveQueue<string>({
    send,
    retryable: (e) => e instanceof Unreachable,
    onStatus: (s) => statuses.push(s),
    newWriteId: () => `w${++ids}`,
    debounceMs: 500,
    retryDelayMs: () => 100,
  });

beforeEach(() => {
  vi.useFakeTimers();
  statuses = [];
  ids = 0;
});

describe('saving a note', () => {
  it('waits for typing to pause, then saves the last text once', async () => {
    const bg = fakeBackground();
    const q = queueFor(bg);
    q.edit('已');
    await vi.advanceTimersByTimeAsync(300);
    q.edit('已核');
    await vi.advanceTimersByTimeAsync(300);
    expect(bg.send).not.toHaveBeenCalled();
    q.edit('已核实');
    await vi.advanceTimersByTimeAsync(500);
    expect(bg.stored).toEqual(['已核实']);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
    expect(q.busy).toBe(false);
  });

  it('saves at once on flush (blur, a status change)', async () => {
    const bg = fakeBackground();
    const q = queueFor(bg);
    q.edit('已核实');
    q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.stored).toEqual(['已核实']);
  });

  it('retries with the same write id until acknowledged, and never says it failed', async () => {
    const bg = fakeBackground();
    const q = queueFor(bg);
    bg.fail('before');
    q.edit('备注');
    q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toEqual({ kind: 'retrying', attempt: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(bg.send.mock.calls.map((c) => c[1])).toEqual(['w1', 'w1']);
    expect(bg.stored).toEqual(['备注']);
    expect(statuses.some((s) => s.kind === 'refused')).toBe(false);
    expect(statuses.at(-1)).toEqual({ kind: 'saved' });
  });

  it('a save that landed but lost its answer is retried, applied once, and reported saved', async () => {
    const bg = fakeBackground();
    const q = queueFor(bg);
    bg.fail('after');
    q.edit('备注');
    q.flush();
    await vi.advanceTimersByTimeAsync(100);
    expect(bg.send).toHaveBeenCalledTimes(2);
    expect(bg.stored).toEqual(['备注']);
    expect(statuses.map((s) => s.kind)).toEqual(['pending', 'saving', 'retrying', 'saved']);
  });

  it('an edit made while retrying replaces the retried one', async () => {
    const bg = fakeBackground();
    const q = queueFor(bg);
    bg.fail('before');
    q.edit('旧');
    q.flush();
    await vi.advanceTimersByTimeAsync(0);
    q.edit('新');
    await vi.advanceTimersByTimeAsync(100);
    expect(bg.stored).toEqual(['新']);
    expect(bg.send.mock.calls.at(-1)).toEqual(['新', 'w2']);
  });

  it('says why when the background refuses, and does not retry', async () => {
    const bg = fakeBackground();
    const q = queueFor(
      bg,
      vi.fn(async () => Promise.reject(new Error('找不到这份报告的审计记录'))),
    );
    q.edit('备注');
    q.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toEqual({ kind: 'refused', error: '找不到这份报告的审计记录' });
  });

  it('sends what was typed at once when the page goes away, even with a save in flight', async () => {
    const bg = fakeBackground();
    let release!: () => void;
    const slow = vi.fn((value: string, writeId: string) => new Promise<void>((r) => (release = r)).then(() => bg.send(value, writeId)));
    const q = queueFor(bg, slow);
    q.edit('第一稿');
    q.flush();
    q.edit('第二稿'); // typed, the debounce not yet over, and the panel is closed
    q.leave();
    expect(slow.mock.calls.map((c) => c[0])).toEqual(['第一稿', '第二稿']);
    q.leave(); // nothing left to send
    expect(slow).toHaveBeenCalledTimes(2);
    release();
  });
});
