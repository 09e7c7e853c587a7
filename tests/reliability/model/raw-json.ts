// JSON text put into a record as is: nesting too deep for JSON.stringify, duplicate keys.
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serializes a record the way an upstream system might: keys in order, RawJson verbatim. */
export function serialize(entries: readonly (readonly [string, unknown])[]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v instanceof RawJson ? v.text : JSON.stringify(v)}`).join(",")}}`;
}

export function deepArray(depth: number): RawJson {
  return new RawJson(`${"[".repeat(depth)}${"]".repeat(depth)}`);
}

export function deepObject(depth: number): RawJson {
  return new RawJson(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
}
