// The kinds of rejected record the generator plants, per feed (FEEDS.md "Rejected records" and
// the conditional requirements of docs/semantics.md).

export type FeedName = "hotline" | "mediation" | "litigation" | "supervision";

export const COMMON_MALFORMED = [
  "invalid_json",
  "json_array",
  "missing_required",
  "null_required",
  "wrong_type",
  "enum_value",
  "bad_timestamp",
  "empty_id",
] as const;

export const MALFORMED_BY_FEED = {
  hotline: [...COMMON_MALFORMED, "register_without_category", "visit_without_satisfaction", "category_one_level", "oversize"],
  mediation: [...COMMON_MALFORMED, "closed_status_without_closed_at", "negative_amount", "bad_amount_string", "parties_as_string"],
  litigation: [...COMMON_MALFORMED, "outcome_without_decided_at", "decided_without_outcome", "hearing_without_head_appeared", "head_appeared_as_string"],
  supervision: [...COMMON_MALFORMED, "replied_without_replied_at", "leveled_without_level", "bad_level"],
} as const;

/**
 * With `generate --streets` only (so that the feeds without streets stay as they were): a street
 * that is blank, or not a string (FEEDS.md: when present, a non-blank string), in every feed.
 */
export const STREET_MALFORMED = ["blank_street", "street_not_string"] as const;

export type MalformedKind = (typeof MALFORMED_BY_FEED)[FeedName][number] | (typeof STREET_MALFORMED)[number];

export interface MalformedEntry {
  feed: FeedName;
  kind: MalformedKind;
  /** the msg_id it carries, if any: never the msg_id of a valid record */
  msgId: string | null;
}

/** Share of a feed's valid lines that get a malformed sibling. */
export const MALFORMED_RATE = 0.02;
/** Share of a feed's valid lines that get a sibling with a malformed street (with streets only). */
export const STREET_MALFORMED_RATE = 0.002;

export const BAD_TIMESTAMPS = [
  "2024-02-30 10:00:00",
  "2024-13-01T00:00:00Z",
  "garbage",
  "2023-04-31 09:00:00",
  "2024-03-01 24:00:00",
  "2024/03/01 10:00:00",
  "2024-03-01T10:00:00",
  "1899-12-31T23:00:00Z",
  "昨天下午三点",
  "",
];
