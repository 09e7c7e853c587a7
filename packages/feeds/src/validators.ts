// A contract's validators: the zod schema, which decides every rejection and says why, and the
// plain accepter, which gives the schema's result for the records it takes without zod's
// machinery (fields.ts says why both exist; fast-accept.test.ts holds them equal).
import { z } from "zod";
import { acceptedValues, ruleMessage, type FeedContract, type FieldSpec } from "./contract.ts";
import {
  acceptAmountYuan,
  acceptOneOf,
  acceptOptionalBoolean,
  acceptOptionalCount,
  acceptOptionalOneOf,
  acceptOptionalPath,
  acceptOptionalString,
  acceptOptionalText,
  acceptOptionalTimestamp,
  acceptPath,
  acceptText,
  acceptTimestamp,
  amountYuan,
  DEFER,
  oneOf,
  optionalBoolean,
  optionalCount,
  optionalOneOf,
  optionalPath,
  optionalText,
  optionalTimestamp,
  path,
  text,
  timestamp,
  type Accept,
} from "./fields.ts";

/** A broken rule across keys: which key, and the reason. */
export interface CrossFieldIssue {
  path: string;
  message: string;
}

type Canonical = Record<string, unknown>;

/** The contract's required-when rules over a canonical record, in the contract's order. */
export function ruleChecker(contract: FeedContract): (record: Canonical) => CrossFieldIssue[] {
  const rules = contract.rules.map((rule) => {
    const { key } = rule.when;
    const values: ReadonlySet<unknown> = new Set("in" in rule.when ? rule.when.in : []);
    const holds = "present" in rule.when ? (r: Canonical) => r[key] !== null : (r: Canonical) => values.has(r[key]);
    return { rule, holds };
  });
  return (record) => {
    const issues: CrossFieldIssue[] = [];
    for (const { rule, holds } of rules) {
      if (!holds(record)) continue;
      for (const key of rule.keys) if (record[key] === null) issues.push({ path: key, message: ruleMessage(rule, record[rule.when.key]) });
    }
    return issues;
  };
}

/** Amounts, counts, booleans and free strings are optional wherever FEEDS.md has them. */
function optionalOnly<T>(feed: string, key: string, spec: FieldSpec, value: T): T {
  if (spec.required) throw new Error(`${feed}.${key}: a required ${spec.type} has no validator`);
  return value;
}

function synonymsOf(spec: FieldSpec): ((v: string | null) => string | null) | null {
  if (spec.type !== "enum" || !spec.synonyms) return null;
  const synonyms = spec.synonyms;
  return (v) => (v === null ? null : (synonyms[v] ?? v));
}

/** A key's two validators: zod's, which also says why not, and the plain one (fields.ts). */
interface FieldForms {
  zod: z.ZodType;
  accept: Accept<unknown>;
}

function fieldForms(feed: string, key: string, spec: FieldSpec): FieldForms {
  const required = spec.required === true;
  const optional = <T>(forms: T) => optionalOnly(feed, key, spec, forms);
  switch (spec.type) {
    case "text":
      if (required) return { zod: text, accept: acceptText };
      return spec.nonBlank
        ? { zod: text.nullish().transform((v) => v ?? null), accept: (v) => (v == null ? null : acceptText(v)) }
        : { zod: optionalText, accept: acceptOptionalText };
    case "path":
      return required ? { zod: path, accept: acceptPath } : { zod: optionalPath, accept: acceptOptionalPath };
    case "enum": {
      const values = acceptedValues(spec);
      const forms = required
        ? { zod: oneOf(values as [string, ...string[]]), accept: acceptOneOf(values) }
        : { zod: optionalOneOf(values as [string, ...string[]]), accept: acceptOptionalOneOf(values) };
      const canonical = synonymsOf(spec);
      if (!canonical) return forms;
      return { zod: forms.zod.transform(canonical), accept: (v) => ((v = forms.accept(v)) === DEFER ? DEFER : canonical(v as string | null)) };
    }
    case "timestamp":
      return required ? { zod: timestamp, accept: acceptTimestamp } : { zod: optionalTimestamp, accept: acceptOptionalTimestamp };
    case "amount":
      return optional({ zod: amountYuan, accept: acceptAmountYuan });
    case "count":
      return optional({ zod: optionalCount, accept: acceptOptionalCount });
    case "boolean":
      return optional({ zod: optionalBoolean, accept: acceptOptionalBoolean });
    case "string":
      return optional({ zod: z.string().nullish().transform((v) => v ?? null), accept: acceptOptionalString });
  }
}

/** The contract's zod schema: each key's type, then the rules across keys. */
export function zodSchema(contract: FeedContract) {
  const shape = Object.fromEntries(Object.entries(contract.fields).map(([key, spec]) => [key, fieldForms(contract.feed, key, spec).zod]));
  const rules = ruleChecker(contract);
  return z.object(shape).superRefine((r, ctx) => {
    for (const { path, message } of rules(r)) ctx.addIssue({ code: "custom", path: [path], message });
  });
}

/**
 * The contract's plain accepter: each key through its field accepter (keys outside the contract
 * are dropped, as zod's object drops them), then the rules; null leaves the record to zod.
 */
export function plainAccepter<T>(contract: FeedContract): (input: Record<string, unknown>) => T | null {
  const fields = Object.entries(contract.fields).map(([key, spec]) => [key, fieldForms(contract.feed, key, spec).accept] as const);
  const rules = ruleChecker(contract);
  return (input) => {
    const out: Canonical = {};
    for (const [key, accept] of fields) {
      const value = accept(Object.hasOwn(input, key) ? input[key] : undefined);
      if (value === DEFER) return null;
      out[key] = value;
    }
    return rules(out).length === 0 ? (out as T) : null;
  };
}
