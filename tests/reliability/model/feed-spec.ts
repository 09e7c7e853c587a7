// An independent model of FEEDS.md + docs/semantics.md "Accepting a record": each key's kind and
// whether it is required, the conditional requirements, and the verdict for a record whose every
// value has been classified (valid, absent or invalid) by how the fuzzer made it. It restates the
// contract's lists instead of importing the implementation's.
export type Feed = "hotline" | "mediation" | "litigation";
export type Kind = "id" | "text" | "optText" | "category" | "enum" | "timestamp" | "amount" | "count" | "bool" | "personal";

export interface FieldSpec {
  kind: Kind;
  required: boolean;
  /** For kind "enum": the values FEEDS.md lists. */
  values?: readonly string[];
}

const req = (kind: Kind, values?: readonly string[]): FieldSpec => ({ kind, required: true, values });
const opt = (kind: Kind, values?: readonly string[]): FieldSpec => ({ kind, required: false, values });

export const MEDIATION_CLOSED = ["调解成功", "调解失败", "终止"] as const;

export const SPEC: Record<Feed, Record<string, FieldSpec>> = {
  hotline: {
    msg_id: req("id"),
    order_id: req("id"),
    event: req("enum", ["登记", "派发", "签收", "办结", "回访", "退回", "重启"]),
    event_time: req("timestamp"),
    category: opt("category"),
    community: opt("optText"),
    deadline: opt("timestamp"),
    channel: opt("enum", ["电话", "网站", "微信", "APP"]),
    repeat_of: opt("optText"),
    satisfaction: opt("enum", ["满意", "基本满意", "不满意"]),
    unit: opt("optText"),
    caller_phone: opt("personal"),
    content: opt("personal"),
  },
  mediation: {
    msg_id: req("id"),
    case_id: req("id"),
    updated_at: req("timestamp"),
    registered_at: req("timestamp"),
    kind: req("enum", ["人民调解", "诉前调解", "行政调解", "司法调解"]),
    dispute_type: req("text"),
    status: req("enum", ["受理", "调解中", ...MEDIATION_CLOSED]),
    closed_at: opt("timestamp"),
    community: opt("optText"),
    amount_yuan: opt("amount"),
    parties: opt("count"),
    referral_order_id: opt("optText"),
  },
  litigation: {
    msg_id: req("id"),
    case_id: req("id"),
    kind: req("enum", ["reconsideration", "litigation", "行政复议", "行政诉讼"]),
    cause: req("text"),
    filed_at: req("timestamp"),
    updated_at: req("timestamp"),
    status: req("enum", ["filed", "hearing", "decided", "closed", "withdrawn"]),
    hearing_at: opt("timestamp"),
    head_appeared: opt("bool"),
    outcome: opt("enum", ["upheld", "dismissed", "revoked", "confirmed_illegal", "ordered_to_perform", "withdrawn", "settled"]),
    decided_at: opt("timestamp"),
  },
};

/** Keys a present record needs because of other keys' values (semantics.md "Conditional requirements"). */
export function conditionallyMissing(feed: Feed, present: Record<string, unknown>): string[] {
  const has = (k: string) => k in present;
  const missing: string[] = [];
  if (feed === "hotline") {
    if (present.event === "登记") missing.push(...["category", "community", "deadline"].filter((k) => !has(k)));
    if (present.event === "回访" && !has("satisfaction")) missing.push("satisfaction");
  } else if (feed === "mediation") {
    if ((MEDIATION_CLOSED as readonly unknown[]).includes(present.status) && !has("closed_at")) missing.push("closed_at");
  } else {
    if (has("hearing_at") && !has("head_appeared")) missing.push("head_appeared");
    if (present.status === "decided" && !has("outcome")) missing.push("outcome");
    if (has("outcome") && !has("decided_at")) missing.push("decided_at");
  }
  return missing;
}

export type ValueClass = "valid" | "absent" | "invalid";

export interface Verdict {
  accept: boolean;
  /** Keys a rejection's reason may name (any one of them is right). */
  faultKeys: string[];
}

/** The verdict for a parsed JSON object whose known keys have these classes (missing keys: absent). */
export function fieldVerdict(feed: Feed, fields: Record<string, { cls: ValueClass; value: unknown }>): Verdict {
  const spec = SPEC[feed];
  const invalid = Object.keys(spec).filter((k) => fields[k]?.cls === "invalid");
  const missing = Object.keys(spec).filter((k) => spec[k]!.required && (fields[k]?.cls ?? "absent") === "absent");
  if (invalid.length > 0 || missing.length > 0) return { accept: false, faultKeys: [...invalid, ...missing] };
  const present = Object.fromEntries(Object.entries(fields).filter(([k, f]) => k in spec && f.cls === "valid").map(([k, f]) => [k, f.value]));
  const conditional = conditionallyMissing(feed, present);
  return conditional.length > 0 ? { accept: false, faultKeys: conditional } : { accept: true, faultKeys: [] };
}
