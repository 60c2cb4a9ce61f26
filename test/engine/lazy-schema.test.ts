import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { lazySchema } from '@/lib/engine/lazy-schema';
import { Finding } from '@/lib/engine/model';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    const build = vi.fn(() => z.object({ n: z.number() }));
    const S = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(S.safeParse({ n: 1 }).success).toBe(true);
    expect(S.safeParse({ n: '1' }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('does not build what is only nested in a schema nobody used', () => {
    const inner = vi.fn(() => z.string());
    const Inner = lazySchema(inner);
    lazySchema(() => z.object({ s: Inner }));
    expect(inner).not.toHaveBeenCalled();
  });

  it('accepts and refuses as the schema it stands for, nested, optional, in unions, extended and picked', () => {
    const eager = z.object({ kind: z.literal('a'), n: z.optional(z.number()), tags: z.array(z.enum(['x', 'y'])) });
    const Kind = lazySchema(() => z.literal('a'));
    const N = lazySchema(() => z.optional(z.number()));
    const Tag = lazySchema(() => z.enum(['x', 'y']));
    const lazy = lazySchema(() => z.object({ kind: Kind, n: N, tags: z.array(Tag) }));
    const union = lazySchema(() => z.discriminatedUnion('kind', [lazy, z.object({ kind: z.literal('b') })]));
    const extended = lazySchema(() => z.extend(lazy, { extra: z.string() }));
    const picked = lazySchema(() => z.pick(lazy, { kind: true }));
    const inputs: unknown[] = [
      { kind: 'a', tags: [] },
      { kind: 'a', n: 2, tags: ['x', 'y'] },
      { kind: 'a', n: '2', tags: [] },
      { kind: 'a', tags: ['z'] },
      { kind: 'b' },
      null,
      'a',
    ];
    for (const input of inputs) {
      expect(lazy.safeParse(input).success).toBe(eager.safeParse(input).success);
      expect(union.safeParse(input).success).toBe(eager.safeParse(input).success || (input as { kind?: string } | null)?.kind === 'b');
      expect(extended.safeParse(input).success).toBe(false);
      expect(extended.safeParse({ ...(input as object), extra: 'e' }).success).toBe(eager.safeParse(input).success);
      expect(picked.safeParse(input).success).toBe((input as { kind?: string } | null)?.kind === 'a');
    }
  });

  it('keeps the parsed value and the schema’s own checks (the engine’s Finding)', () => {
    const f = { rule: 'r', severity: 'error', message: 'm', cells: [{ table: 't3', row: '1', column: 'total' }] };
    expect(Finding.parse(f)).toEqual(f);
    expect(Finding.safeParse({ ...f, severity: 'fatal' }).success).toBe(false);
    expect(Finding.safeParse({ ...f, cells: [{ table: 't9', row: '1', column: 'total' }] }).success).toBe(false);
  });
});
