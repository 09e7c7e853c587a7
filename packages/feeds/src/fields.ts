// Field types shared by the three feed schemas. Each one turns the wire value into the
// canonical value or adds an issue whose message says what is wrong.
import { z } from "zod";
import { parseTimestamp } from "./timestamp.ts";

/** A required, non-blank string (ids, names). */
export const text = z
  .string()
  .refine((s) => s.trim().length > 0, { message: "must not be empty" })
  .refine((s) => s.isWellFormed(), { message: "contains an unpaired UTF-16 surrogate" });

/** An optional string: absent, null or blank all mean "not given" (upstream exports write all three). */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === "" ? null : v))
  .pipe(text.nullable());

const PATH_MESSAGE = "must be a path of at least two levels, e.g. 城乡建设/违法建设";
const isPath = (s: string) => s.split("/").length >= 2 && s.split("/").every((p) => p.trim() !== "");

/** Text of at least two non-blank `/`-separated levels (a hotline category). */
export const path = text.refine(isPath, { message: PATH_MESSAGE });

export const optionalPath = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === "" ? null : v))
  .pipe(path.nullable());

export const timestamp = z.string().transform((s, ctx) => {
  const ms = parseTimestamp(s);
  if (ms === null) {
    ctx.addIssue({
      code: "custom",
      message: `not a valid timestamp (ISO-8601 with offset, or YYYY-MM-DD HH:mm:ss): ${JSON.stringify(s.slice(0, 40))}`,
    });
    return z.NEVER;
  }
  return ms;
});

export const optionalTimestamp = timestamp.nullish().transform((v) => v ?? null);

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: `must be one of ${values.join(", ")}` });
}

export function optionalOneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return oneOf(values)
    .nullish()
    .transform((v) => v ?? null);
}

// At most 15 integer digits, like the numeric form: what Decimal(38, 6) and a float report hold.
const AMOUNT_TEXT = /^(?:\d{1,3}(?:,\d{3}){0,4}|\d{1,15})(?:\.\d{1,6})?$/;

/** Yuan as a number or a string with thousands separators; kept as an exact decimal string. */
export const amountYuan = z
  .union([z.number(), z.string()], { message: "must be a number or a numeric string" })
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    if (typeof v === "number") {
      if (!Number.isFinite(v) || v < 0 || v >= 1e15) {
        ctx.addIssue({ code: "custom", message: "must be a non-negative amount below 10^15" });
        return z.NEVER;
      }
      return String(Number(v.toFixed(6)));
    }
    if (!AMOUNT_TEXT.test(v)) {
      ctx.addIssue({ code: "custom", message: `not an amount: ${JSON.stringify(v.slice(0, 40))}` });
      return z.NEVER;
    }
    return v.replaceAll(",", "");
  });

/** What the UInt32 column holds; a larger count was stored wrapped (4294967296 became 0). */
const MAX_COUNT = 4_294_967_295;

export const optionalCount = z
  .number()
  .int({ message: "must be an integer" })
  .nonnegative()
  .max(MAX_COUNT, { message: `must be at most ${MAX_COUNT}` })
  .nullish()
  .transform((v) => v ?? null);

export const optionalBoolean = z
  .boolean()
  .nullish()
  .transform((v) => v ?? null);

// ---- The same rules as plain functions, for the common case ---------------------------------
// zod spends most of a feed's validation time on its machinery, not on these checks. Each
// function below takes a wire value and returns the canonical value exactly as the zod field
// above does, or DEFER for anything it does not accept; validateRecord then lets the zod schema
// decide, so every rejection and its reason still come from zod. fast-accept.test.ts holds the
// two equal: valid records changed in one key at a time to each of about 90 values, both asked.

export const DEFER = Symbol("defer to the zod schema");
export type Accept<T> = (value: unknown) => T | typeof DEFER;

const isText = (s: string) => s.trim().length > 0 && s.isWellFormed();

export const acceptText: Accept<string> = (v) => (typeof v === "string" && isText(v) ? v : DEFER);

export const acceptOptionalText: Accept<string | null> = (v) => {
  if (v == null) return null;
  if (typeof v !== "string") return DEFER;
  if (v.trim() === "") return null;
  return v.isWellFormed() ? v : DEFER;
};

export const acceptPath: Accept<string> = (v) => (typeof v === "string" && isText(v) && isPath(v) ? v : DEFER);

export const acceptOptionalPath: Accept<string | null> = (v) => {
  const value = acceptOptionalText(v);
  return typeof value === "string" && !isPath(value) ? DEFER : value;
};

export const acceptTimestamp: Accept<number> = (v) => {
  const ms = typeof v === "string" ? parseTimestamp(v) : null;
  return ms === null ? DEFER : ms;
};

export const acceptOptionalTimestamp: Accept<number | null> = (v) => (v == null ? null : acceptTimestamp(v));

export function acceptOneOf<const T extends readonly string[]>(values: T): Accept<T[number]> {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return (v) => (allowed.has(v) ? (v as T[number]) : DEFER);
}

export function acceptOptionalOneOf<const T extends readonly string[]>(values: T): Accept<T[number] | null> {
  const one = acceptOneOf(values);
  return (v) => (v == null ? null : one(v));
}

export const acceptAmountYuan: Accept<string | null> = (v) => {
  if (v == null) return null;
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 && v < 1e15 ? String(Number(v.toFixed(6))) : DEFER;
  if (typeof v === "string") return AMOUNT_TEXT.test(v) ? v.replaceAll(",", "") : DEFER;
  return DEFER;
};

export const acceptOptionalCount: Accept<number | null> = (v) => {
  if (v == null) return null;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT ? v : DEFER;
};

export const acceptOptionalBoolean: Accept<boolean | null> = (v) => (v == null ? null : typeof v === "boolean" ? v : DEFER);

/** A string, absent or null, kept as it came (null when absent). */
export const acceptOptionalString: Accept<string | null> = (v) => (v == null ? null : typeof v === "string" ? v : DEFER);
