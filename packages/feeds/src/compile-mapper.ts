// A record mapper made from a contract: one object literal built key by key. Made once per feed
// (as ajv compiles a schema), so every row it builds has the same fast V8 shape: rows built by a
// loop of assignments or by spreading took twice as long to build and to encode.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface MappedKey {
  /** The output key (an identifier: contract keys and column names are). */
  key: string;
  /** A JavaScript expression over the input `r`, the per-call context `x` and the helpers. */
  value: string;
}

/**
 * `(r, x) => ({ key: value, … })`. The expressions come from the constant contracts, never from
 * input; keys and helper names are checked to be identifiers.
 */
export function compileMapper<In, Out, Context = undefined>(keys: readonly MappedKey[], helpers: Record<string, unknown> = {}): (r: In, x: Context) => Out {
  return compile(keys, helpers, `({ ${keys.map((k) => `${k.key}: ${k.value}`).join(", ")} })`);
}

/**
 * `(r, x) => [value, …]`: the same expressions as one array literal in the keys' order, a row of
 * JSONCompactEachRow (the insert names the keys once instead of every row).
 */
export function compileRowMapper<In, Context = undefined>(keys: readonly MappedKey[], helpers: Record<string, unknown> = {}): (r: In, x: Context) => unknown[] {
  return compile(keys, helpers, `[${keys.map((k) => k.value).join(", ")}]`);
}

function compile<F>(keys: readonly MappedKey[], helpers: Record<string, unknown>, literal: string): F {
  for (const name of [...keys.map((k) => k.key), ...Object.keys(helpers)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${JSON.stringify(name)}`);
  }
  return new Function(...Object.keys(helpers), `return (r, x) => ${literal};`)(...Object.values(helpers)) as F;
}
