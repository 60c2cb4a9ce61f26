/**
 * A schema built the first time something uses it, not when its module loads. zod builds a schema
 * as soon as it is declared, and the auditor content script imports far more schemas than a page
 * ever uses (the stored records', the requests it never sends): building them all cost ~8 ms of
 * every report page's main thread (issue 10). The proxy stands for the schema everywhere — nested
 * in other schemas, `.safeParse`, `z.infer` — and builds it on the first property read.
 *
 * No `ownKeys`/`getOwnPropertyDescriptor` traps: zod defines `_zod` non-configurable, which a proxy
 * over an empty target may not report; zod reads schemas by property, never by enumeration.
 */
export function lazySchema<S extends object>(build: () => S): S {
  let schema: S | undefined;
  const real = () => (schema ??= build());
  return new Proxy({} as S, {
    get: (_, key) => {
      const s = real();
      return Reflect.get(s, key, s);
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
