// Names are ordered by Unicode code point (= UTF-8 byte order, what ClickHouse does). JS `<` on
// strings compares UTF-16 code units, which puts astral characters (surrogates D800–DFFF) before
// BMP characters like U+FF08 （ — so we cannot use it.

export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(j) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return 0;
}

/** "largest first, ties by name" */
export function byCountThenName<T>(count: (x: T) => number, name: (x: T) => string): (x: T, y: T) => number {
  return (x, y) => count(y) - count(x) || compareCodePoints(name(x), name(y));
}
