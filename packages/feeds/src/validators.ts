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

function zodField(feed: string, key: string, spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case "text":
      if (spec.required) return text;
      return spec.nonBlank ? text.nullish().transform((v) => v ?? null) : optionalText;
    case "path":
      return spec.required ? path : optionalPath;
    case "enum": {
      const values = acceptedValues(spec) as [string, ...string[]];
      const base = spec.required ? oneOf(values) : optionalOneOf(values);
      const canonical = synonymsOf(spec);
      return canonical ? base.transform(canonical) : base;
    }
    case "timestamp":
      return spec.required ? timestamp : optionalTimestamp;
    case "amount":
      return optionalOnly(feed, key, spec, amountYuan);
    case "count":
      return optionalOnly(feed, key, spec, optionalCount);
    case "boolean":
      return optionalOnly(feed, key, spec, optionalBoolean);
    case "string":
      return optionalOnly(feed, key, spec, z.string().nullish().transform((v) => v ?? null));
  }
}

function acceptField(feed: string, key: string, spec: FieldSpec): Accept<unknown> {
  switch (spec.type) {
    case "text":
      if (spec.required) return acceptText;
      return spec.nonBlank ? (v) => (v == null ? null : acceptText(v)) : acceptOptionalText;
    case "path":
      return spec.required ? acceptPath : acceptOptionalPath;
    case "enum": {
      const values = acceptedValues(spec);
      const base = spec.required ? acceptOneOf(values) : acceptOptionalOneOf(values);
      const canonical = synonymsOf(spec);
      return canonical ? (v) => ((v = base(v)) === DEFER ? DEFER : canonical(v as string | null)) : base;
    }
    case "timestamp":
      return spec.required ? acceptTimestamp : acceptOptionalTimestamp;
    case "amount":
      return optionalOnly(feed, key, spec, acceptAmountYuan);
    case "count":
      return optionalOnly(feed, key, spec, acceptOptionalCount);
    case "boolean":
      return optionalOnly(feed, key, spec, acceptOptionalBoolean);
    case "string":
      return optionalOnly(feed, key, spec, acceptOptionalString);
  }
}

/** The contract's zod schema: each key's type, then the rules across keys. */
export function zodSchema(contract: FeedContract) {
  const shape = Object.fromEntries(Object.entries(contract.fields).map(([key, spec]) => [key, zodField(contract.feed, key, spec)]));
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
  const fields = Object.entries(contract.fields).map(([key, spec]) => [key, acceptField(contract.feed, key, spec)] as const);
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
