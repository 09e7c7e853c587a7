// Values for each kind of key, each with the class the model gives it (valid, absent, invalid),
// hostile ones included: wrong JSON types, deep nesting, control characters, SQL-looking text,
// unpaired surrogates, huge strings.
import fc from "fast-check";
import type { FieldSpec, ValueClass } from "./feed-spec.ts";
import { deepArray, deepObject } from "./raw-json.ts";
import { timestampValue, validTimestampValue } from "./timestamps.ts";

export interface Classified {
  value: unknown;
  cls: ValueClass;
  label: string;
  /** A valid timestamp's instant. */
  ms?: number;
}

const as = (cls: ValueClass, label: string) => (value: unknown): Classified => ({ value, cls, label });

/** JavaScript's trim() whitespace; semantics.md: required strings "non-empty after trimming". */
const isBlank = (s: string) => s.trim() === "";

const HOSTILE_TEXT = [
  "'; DROP TABLE casepulse.hotline_events; --",
  "1' OR '1'='1",
  "{db:String}",
  "${DB}",
  "\\' UNION SELECT sealed FROM casepulse.rejected_events --",
  "a\u0000b",
  "\u0001\u0007\u001b[31mred",
  "<script>alert(1)</script>",
  "\u202Eevil",
  "湾厦社区\r\n第二行",
  "🙂👍🏽",
  "\\u0000",
  '"quoted"',
];

const nonBlankText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 24, unit: "grapheme" }).filter((s) => !isBlank(s)) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 60_000 }).map((n) => "长".repeat(n)) },
);
const blankText = fc.constantFrom("", " ", "\t", " \n ", "\u3000", "\r\n");
const loneSurrogate = fc.constantFrom("\ud800", "a\udfffb", "\udc00x", "湾厦\ud83d");

/** Values of the wrong JSON type for a string key (and, minus numbers, for a number key). */
const nonString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 3 }),
  fc.integer({ min: 100, max: 100_000 }).map(deepArray),
  fc.integer({ min: 100, max: 20_000 }).map(deepObject),
);
const nonNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom("3", "", "三", "0x10"),
  fc.integer({ min: 100, max: 100_000 }).map(deepArray),
);

function stringKind(blank: ValueClass): fc.Arbitrary<Classified> {
  return fc.oneof(
    { weight: 5, arbitrary: nonBlankText.map(as("valid", "text")) },
    { weight: 2, arbitrary: blankText.map(as(blank, "blank")) },
    { weight: 1, arbitrary: loneSurrogate.map(as("invalid", "lone-surrogate")) },
    { weight: 2, arbitrary: nonString.map(as("invalid", "wrong-type")) },
  );
}

const categoryValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("城乡建设/违法建设", "市场监管/食品安全", "a/b", "a/b/c", " 交通 / 占道 ", "'; --/x").map(as("valid", "category")) },
  { weight: 3, arbitrary: fc.constantFrom("城乡建设", "a/", "/b", "a//b", "a/ /b", "/", "城乡建设／违法建设").map(as("invalid", "category-levels")) },
  { weight: 1, arbitrary: blankText.map(as("absent", "blank")) },
  { weight: 1, arbitrary: loneSurrogate.map((s) => `${s}/b`).map(as("invalid", "lone-surrogate")) },
  { weight: 1, arbitrary: nonString.map(as("invalid", "wrong-type")) },
);

function enumValue(values: readonly string[]): fc.Arbitrary<Classified> {
  const near = values.flatMap((v) => [`${v} `, ` ${v}`, v.toUpperCase() === v ? v.toLowerCase() : v.toUpperCase(), `${v}x`]).filter((v) => !values.includes(v));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values).map(as("valid", "listed")) },
    { weight: 3, arbitrary: fc.constantFrom(...near, "", "其他", "完成", "unknown").map(as("invalid", "not-listed")) },
    { weight: 1, arbitrary: nonString.map(as("invalid", "wrong-type")) },
  );
}

/** A decimal amount string of 1-15 integer digits, grouped or not, with 0-6 decimals. */
const amountText = fc.tuple(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.boolean(), fc.integer({ min: 0, max: 6 })).map(([n, grouped, decimals]) => {
  const digits = n.toString();
  const int = grouped ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : digits;
  return decimals === 0 ? int : `${int}.${"5".repeat(decimals)}`;
});

const amountValue = fc.oneof(
  { weight: 3, arbitrary: amountText.map(as("valid", "amount-text")) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 999_999_999_999_999, noNaN: true }).map(as("valid", "amount-number")) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom<unknown>(-0.01, -5, 1e15, 1e300, "-5", "12,50", "1,2345", "1234,567", "abc", "12.500.00", " 12", "12 ", "1e5", "", "１２", "12.", ".5",
        "1234567890123456", "1.1234567", "1,234,567,890,123,456", true, [], {})
      .map(as("invalid", "bad-amount")),
  },
);

const countValue = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(4_294_967_295)).map(as("valid", "count")) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(-1, 2.5, 4_294_967_296, 1e20, Number.MAX_SAFE_INTEGER).map(as("invalid", "bad-count")) },
  { weight: 1, arbitrary: nonNumber.map(as("invalid", "wrong-type")) },
);

const boolValue = fc.oneof(
  { weight: 2, arbitrary: fc.boolean().map(as("valid", "bool")) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("true", "false", 1, 0, "是", "").map(as("invalid", "bad-bool")) },
);

const personalValue = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(nonBlankText, blankText, loneSurrogate, fc.constantFrom("+86 138-0013-8000", "13800138000")).map(as("valid", "personal")) },
  { weight: 1, arbitrary: nonString.map(as("invalid", "wrong-type")) },
);

const timestampClassified: fc.Arbitrary<Classified> = timestampValue.map((t) => ({ value: t.value, cls: t.cls, label: t.label, ms: t.ms }));
const timestampKind = fc.oneof(
  { weight: 4, arbitrary: timestampClassified },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 0 }), fc.boolean(), fc.constant({})).map(as("invalid", "wrong-type")) },
);

/** Any value for a key of this spec, with its class; "absent" covers null too. */
export function valueFor(spec: FieldSpec): fc.Arbitrary<Classified> {
  const withNull = (a: fc.Arbitrary<Classified>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null).map(as("absent", "null")) });
  switch (spec.kind) {
    case "id":
    case "text":
      return withNull(stringKind("invalid"));
    case "optText":
      return withNull(stringKind("absent"));
    case "category":
      return withNull(categoryValue);
    case "enum":
      return withNull(enumValue(spec.values!));
    case "timestamp":
      return withNull(timestampKind);
    case "amount":
      return withNull(amountValue);
    case "count":
      return withNull(countValue);
    case "bool":
      return withNull(boolValue);
    case "personal":
      return withNull(personalValue);
  }
}

/** Only valid values, for the base records mutations start from (no huge strings: kept fast). */
export function validValueFor(spec: FieldSpec): fc.Arbitrary<Classified> {
  const short = fc.oneof(fc.string({ minLength: 1, maxLength: 16, unit: "grapheme" }).filter((s) => !isBlank(s)), fc.constantFrom(...HOSTILE_TEXT));
  switch (spec.kind) {
    case "id":
    case "text":
    case "optText":
    case "personal":
      return short.map(as("valid", "text"));
    case "category":
      return fc.constantFrom("城乡建设/违法建设", "市场监管/食品安全", "环境保护/噪声污染").map(as("valid", "category"));
    case "enum":
      return fc.constantFrom(...spec.values!).map(as("valid", "listed"));
    case "timestamp":
      return validTimestampValue.map((t) => ({ value: t.value, cls: t.cls, label: t.label, ms: t.ms }));
    case "amount":
      return amountText.map(as("valid", "amount-text"));
    case "count":
      return fc.integer({ min: 0, max: 20 }).map(as("valid", "count"));
    case "bool":
      return fc.boolean().map(as("valid", "bool"));
  }
}
