// A feed's contract as data (FEEDS.md, one table per feed): its keys, their types and lists,
// which are required and when, which hold personal data and how each is stored. Everything that
// used to restate a feed's rules is made from this: the zod schema and its rejection reasons
// (zod-schema.ts), the plain accepter (fast-accept.ts), the engine's SQL accepter
// (sql-accept.ts), the stored row in Node and SQL (@casepulse/normalize), the column lists and
// table names (@casepulse/store). Migrations stay hand-written; tests/contract-tables.test.ts
// checks each table against its contract.

/** How a key's wire value is checked and what it becomes. */
export type FieldType =
  /**
   * A non-blank string (ids, names); optional: absent, null or blank mean "not given", unless
   * `nonBlank` says a blank value is refused (FEEDS.md: a `street`, when present, is not blank).
   */
  | { type: "text"; nonBlank?: true }
  /** Text of at least two non-blank `/`-separated levels (`城乡建设/违法建设`). */
  | { type: "path" }
  /** One of `values`; `synonyms` maps other accepted spellings to one of them. */
  | { type: "enum"; values: readonly string[]; synonyms?: Readonly<Record<string, string>> }
  /** FEEDS.md "Timestamps": UTC epoch milliseconds once parsed. */
  | { type: "timestamp" }
  /** Yuan as a number or a string with thousands separators; an exact decimal string once parsed. */
  | { type: "amount" }
  /** A non-negative integer that fits UInt32. */
  | { type: "count" }
  | { type: "boolean" }
  /** Any string, kept as written (personal data, before it is hashed or dropped). */
  | { type: "string" };

/** How a personal key is stored: never in clear. */
export type PersonalStorage =
  /** As the keyed HMAC of the canonical phone number, in `column` (repeat callers stay countable). */
  | { as: "phone_hmac"; column: string }
  /** Only whether it was given (non-empty), in `column`. */
  | { as: "presence"; column: string };

export type FieldSpec = FieldType & {
  /** Required on every record (else optional: null when absent). */
  required?: true;
  /** Personal data: how it is stored instead of the value. */
  personal?: PersonalStorage;
  /** The ClickHouse type of the stored column (checked against the migrations). */
  column: string;
};

/** A rule across keys: `keys` are required when `when` holds (FEEDS.md "required" column). */
export interface RequiredWhen {
  keys: readonly string[];
  when: { key: string; in: readonly string[] } | { key: string; present: true };
  /** How the reason names the condition: `on 登记` (a hotline step) or `when status is decided`. */
  phrase?: "on";
}

export interface FeedContract {
  feed: string;
  /** The order, case or item id: the Kafka key, the current state's key. */
  key: string;
  /** The key whose latest value makes a record the current one (FEEDS.md). */
  latest: string;
  /** The default topic (CASEPULSE_TOPIC_<FEED> overrides it). */
  topic: string;
  /** The table of its accepted records, and of their msg_ids. */
  table: string;
  msgIdTable: string;
  /** The keys in the contract's order, which is the stored columns' order. */
  fields: Readonly<Record<string, FieldSpec>>;
  rules: readonly RequiredWhen[];
}

/** A contract as declared, with its literal types kept for the record types below. */
export function defineFeed<const C extends FeedContract>(contract: C): C {
  for (const rule of contract.rules) {
    for (const key of [...rule.keys, rule.when.key]) {
      if (!(key in contract.fields)) throw new Error(`${contract.feed}: rule names ${key}, which is not a key of the contract`);
    }
  }
  return contract;
}

type ValueOf<S> = S extends { type: "enum"; values: readonly (infer V)[] }
  ? V
  : S extends { type: "timestamp" | "count" }
    ? number
    : S extends { type: "boolean" }
      ? boolean
      : string;

/** The canonical record of a contract: every key, null where an optional key was not given. */
export type RecordOf<C extends FeedContract> = {
  -readonly [K in keyof C["fields"]]: C["fields"][K] extends { required: true } ? ValueOf<C["fields"][K]> : ValueOf<C["fields"][K]> | null;
};

type StoredKey<K, S> = S extends { personal: { column: infer Col extends string } } ? Col : K;
type StoredValueOf<S> = S extends { personal: { as: "presence" } } ? boolean : S extends { personal: { as: "phone_hmac" } } ? string | null : never;

/** The row a contract's record becomes once its personal keys are hashed or dropped (timestamps still epoch ms). */
export type RowOf<C extends FeedContract> = {
  -readonly [K in keyof C["fields"] as StoredKey<K, C["fields"][K]>]: C["fields"][K] extends { personal: object }
    ? StoredValueOf<C["fields"][K]>
    : RecordOf<C>[K];
};

/** The stored columns of a contract, in order (a personal key by the column that stands for it). */
export function storedColumns(contract: FeedContract): string[] {
  return Object.entries(contract.fields).map(([key, spec]) => spec.personal?.column ?? key);
}

/** The keys holding personal data. */
export function personalKeys(contract: FeedContract): string[] {
  return Object.entries(contract.fields).filter(([, spec]) => spec.personal).map(([key]) => key);
}

/** The wire values an enum accepts: its values, then its synonyms (the order of its reasons). */
export function acceptedValues(spec: { values: readonly string[]; synonyms?: Readonly<Record<string, string>> }): string[] {
  return [...spec.values, ...Object.keys(spec.synonyms ?? {}).filter((s) => !spec.values.includes(s))];
}

/** The reason a rule gives when `key` is missing, for the condition's value `value`. */
export function ruleMessage(rule: RequiredWhen, value: unknown): string {
  if ("present" in rule.when) return `required with ${rule.when.key}`;
  return rule.phrase === "on" ? `required on ${String(value)}` : `required when ${rule.when.key} is ${String(value)}`;
}
