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
