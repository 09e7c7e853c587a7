// One fuzz case: a valid record of a feed, changed in exactly one way, as the bytes a Kafka
// message or JSONL line would carry, and what the model says validation must do with it.
import fc from "fast-check";
import { conditionallyMissing, fieldVerdict, SPEC, type Feed, type Verdict } from "./feed-spec.ts";
import { deepArray, serialize } from "./raw-json.ts";
import { validValueFor, valueFor, type Classified } from "./values.ts";

export const LIMIT = 262_144;

export interface FuzzCase {
  feed: Feed;
  bytes: Buffer;
  mutation: string;
  verdict: Verdict & {
    /** Words one of which the reason must contain: field names, or what is wrong with the whole record. */
    reasonTokens: string[];
  };
  /** The known keys' final values (for checks on accepted records and dedup counts). */
  fields: Record<string, Classified>;
  /** The mutated key, when a key was mutated. */
  key?: string;
}

type Fields = Record<string, Classified>;

/** A valid record: required keys, some optional ones, and whatever the conditional rules demand. */
function baseRecord(feed: Feed): fc.Arbitrary<Fields> {
  const spec = SPEC[feed];
  const parts = Object.fromEntries(
    Object.entries(spec).map(([k, s]) => [k, s.required ? validValueFor(s) : fc.option(validValueFor(s), { freq: 2 })]),
  ) as Record<string, fc.Arbitrary<Classified | null>>;
  const extras = Object.fromEntries(Object.entries(spec).map(([k, s]) => [k, validValueFor(s)]));
  return fc.tuple(fc.record(parts), fc.record(extras)).map(([chosen, fill]) => {
    const fields: Fields = {};
    for (const [k, v] of Object.entries(chosen)) if (v) fields[k] = v;
    const present = () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));
    // Fill what the chosen values require (outcome → decided_at may follow status → outcome).
    for (let missing = conditionallyMissing(feed, present()); missing.length > 0; missing = conditionallyMissing(feed, present())) {
      for (const k of missing) fields[k] = fill[k]!;
    }
    return fields;
  });
}

const UNKNOWN_KEYS = ["caller_name", "id_card", "__proto__", "constructor", "toString", "备注", "msg_id ", "MSG_ID", "x".repeat(300)];

type Mutation =
  | { type: "set"; key: string; value: Classified }
  | { type: "delete"; key: string }
  | { type: "duplicate-key"; key: string; value: Classified }
  | { type: "unknown-key"; key: string; value: unknown }
  | { type: "size"; target: number; where: string; wide: boolean }
  | { type: "invalid-utf8"; bytes: number[] }
  | { type: "not-json"; how: string; at: number }
  | { type: "not-object"; how: string }
  | { type: "whitespace"; left: string; right: string }
  | { type: "bom" };

function mutation(feed: Feed): fc.Arbitrary<Mutation> {
  const keys = Object.keys(SPEC[feed]);
  const key = fc.constantFrom(...keys);
  const keyed = (make: (k: string) => fc.Arbitrary<Mutation>) => key.chain(make);
  return fc.oneof(
    { weight: 40, arbitrary: keyed((k) => valueFor(SPEC[feed][k]!).map((value): Mutation => ({ type: "set", key: k, value }))) },
    { weight: 8, arbitrary: key.map((k): Mutation => ({ type: "delete", key: k })) },
    { weight: 5, arbitrary: keyed((k) => valueFor(SPEC[feed][k]!).map((value): Mutation => ({ type: "duplicate-key", key: k, value }))) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...UNKNOWN_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 1000, max: 100_000 }).map(deepArray), fc.constant("13800138000")))
        .map(([k, value]): Mutation => ({ type: "unknown-key", key: k, value })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({
          target: fc.constantFrom(LIMIT - 1, LIMIT, LIMIT + 1, LIMIT + 5000, 400_000),
          where: fc.constantFrom("zz_pad", "content", "unit", "dispute_type", "cause"),
          wide: fc.boolean(),
        })
        .map((m): Mutation => ({ type: "size", ...m })),
    },
    {
      weight: 5,
      arbitrary: fc
        // a lone continuation byte, an overlong form, an encoded surrogate, beyond U+10FFFF, cut sequences
        .constantFrom<number[]>([0xff], [0xfe, 0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0xf0, 0x9f, 0x98])
        .map((bytes): Mutation => ({ type: "invalid-utf8", bytes })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom("truncate", "trailing-comma", "single-quotes", "garbage-after", "nan", "comment", "unquoted-key"), fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([how, at]): Mutation => ({ type: "not-json", how, at })),
    },
    { weight: 3, arbitrary: fc.constantFrom("array", "string", "number", "true", "null").map((how): Mutation => ({ type: "not-object", how })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom("", " ", "\t", " \t "), fc.constantFrom("", " ", "\t")).map(([left, right]): Mutation => ({ type: "whitespace", left, right })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ type: "bom" }) },
  );
}

const entriesOf = (fields: Fields) => Object.entries(fields).map(([k, f]) => [k, f.value] as const);
const BAD_UTF8_TOKEN = "@@not-utf8@@";

function build(feed: Feed, base: Fields, m: Mutation): FuzzCase {
  const fields: Fields = { ...base };
  let text: string;
  let whole: "ok" | "not-json" | "not-object" = "ok";
  let badUtf8: number[] | null = null;
  let label: string = m.type;
  let key: string | undefined;
  switch (m.type) {
    case "set":
      fields[m.key] = m.value;
      text = serialize(entriesOf(fields));
      label = `${m.key}:${m.value.label}`;
      key = m.key;
      break;
    case "delete":
      delete fields[m.key];
      text = serialize(entriesOf(fields));
      label = `${m.key}:deleted`;
      key = m.key;
      break;
    case "duplicate-key": {
      // JSON.parse keeps the last of repeated keys: the second value is the one that counts.
      text = serialize([...entriesOf(base), [m.key, m.value.value]]);
      fields[m.key] = m.value;
      label = `${m.key}:duplicate:${m.value.label}`;
      key = m.key;
      break;
    }
    case "unknown-key":
      text = serialize([...entriesOf(fields), [m.key, m.value]]);
      label = `unknown-key:${m.key.slice(0, 12)}`;
      break;
    case "size": {
      const unit = m.wide ? "中" : "x";
      const unitBytes = m.wide ? 3 : 1;
      const withPad = (n: number) => {
        const copy: Fields = { ...fields };
        copy[m.where] = { value: unit.repeat(n), cls: "valid", label: "pad" };
        return serialize(entriesOf(copy));
      };
      const empty = Buffer.byteLength(withPad(0));
      const n = Math.max(1, Math.floor((m.target - empty) / unitBytes));
      text = withPad(n);
      // The pad lands in a key of this feed (a valid value of a text kind) or in an unknown key.
      if (m.where in SPEC[feed]) fields[m.where] = { value: unit.repeat(n), cls: "valid", label: "pad" };
      label = `size:${m.target}:${m.where}`;
      const spec = SPEC[feed][m.where];
      if (spec && !["text", "optText", "personal", "id"].includes(spec.kind)) throw new Error("pad key must take text");
      break;
    }
    case "invalid-utf8":
      // The bad bytes replace a placeholder string value once the record is bytes.
      text = serialize([...entriesOf(fields), ["zz_raw", BAD_UTF8_TOKEN]]);
      badUtf8 = m.bytes;
      label = `invalid-utf8:${m.bytes.map((b) => b.toString(16)).join("")}`;
      break;
    case "not-json": {
      const ok = serialize(entriesOf(fields));
      whole = "not-json";
      label = `not-json:${m.how}`;
      const cut = 1 + Math.floor(m.at * (ok.length - 2));
      text = {
        truncate: ok.slice(0, cut),
        "trailing-comma": `${ok.slice(0, -1)},}`,
        "single-quotes": ok.replace('"', "'"),
        "garbage-after": `${ok}x`,
        nan: `${ok.slice(0, -1)},"zz":NaN}`,
        comment: `${ok.slice(0, -1)} /* note */}`,
        "unquoted-key": `{zz:1,${ok.slice(1)}`,
      }[m.how]!;
      break;
    }
    case "not-object": {
      const ok = serialize(entriesOf(fields));
      whole = "not-object";
      label = `not-object:${m.how}`;
      text = { array: `[${ok}]`, string: JSON.stringify(ok), number: "42", true: "true", null: "null" }[m.how]!;
      break;
    }
    case "whitespace":
      text = `${m.left}${serialize(entriesOf(fields))}${m.right}`;
      label = "whitespace-around";
      break;
    case "bom":
      // semantics.md: a byte order mark before the record is ignored (Windows exports write one).
      text = `\ufeff${serialize(entriesOf(fields))}`;
      label = "byte-order-mark";
      break;
  }
  let bytes = Buffer.from(text, "utf8");
  if (badUtf8) {
    const at = bytes.indexOf(BAD_UTF8_TOKEN);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(badUtf8), bytes.subarray(at + BAD_UTF8_TOKEN.length)]);
  }
  // Whole-record rules first; any that applies rejects, and the reason may name any of them.
  const wholeFaults: string[] = [];
  if (bytes.length > LIMIT) wholeFaults.push("bytes");
  if (badUtf8) wholeFaults.push("UTF-8");
  if (whole === "not-json") wholeFaults.push("JSON");
  if (whole === "not-object") wholeFaults.push("object");
  let verdict: FuzzCase["verdict"];
  if (wholeFaults.length > 0) {
    verdict = { accept: false, faultKeys: [], reasonTokens: wholeFaults };
  } else {
    const v = fieldVerdict(feed, fields);
    verdict = { ...v, reasonTokens: v.faultKeys };
  }
  return { feed, bytes, mutation: label, verdict, fields, key };
}

export function fuzzCase(feed: Feed): fc.Arbitrary<FuzzCase> {
  return fc.tuple(baseRecord(feed), mutation(feed)).map(([base, m]) => build(feed, base, m));
}
