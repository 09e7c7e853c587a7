// FEEDS.md section 3: administrative reconsideration and litigation case snapshots.
import { defineFeed } from "../contract.ts";
import { COLUMN, STREET } from "./columns.ts";

export const LITIGATION_KINDS = ["reconsideration", "litigation"] as const;
export const LITIGATION_STATUSES = ["filed", "hearing", "decided", "closed", "withdrawn"] as const;
export const LITIGATION_OUTCOMES = ["upheld", "dismissed", "revoked", "confirmed_illegal", "ordered_to_perform", "withdrawn", "settled"] as const;
/** A case is lost (败诉) with one of these outcomes. */
export const LOST_OUTCOMES = ["revoked", "confirmed_illegal", "ordered_to_perform"] as const;

export const litigationContract = defineFeed({
  feed: "litigation",
  key: "case_id",
  latest: "updated_at",
  topic: "raw.litigation",
  table: "litigation_snapshots",
  msgIdTable: "litigation_msg_ids",
  fields: {
    msg_id: { type: "text", required: true, column: COLUMN.id },
    case_id: { type: "text", required: true, column: COLUMN.id },
    kind: { type: "enum", values: LITIGATION_KINDS, synonyms: { 行政复议: "reconsideration", 行政诉讼: "litigation" }, required: true, column: COLUMN.name },
    cause: { type: "text", required: true, column: COLUMN.name },
    filed_at: { type: "timestamp", required: true, column: COLUMN.time },
    updated_at: { type: "timestamp", required: true, column: COLUMN.time },
    status: { type: "enum", values: LITIGATION_STATUSES, required: true, column: COLUMN.name },
    hearing_at: { type: "timestamp", column: COLUMN.optionalTime },
    head_appeared: { type: "boolean", column: "Nullable(Bool)" },
    outcome: { type: "enum", values: LITIGATION_OUTCOMES, column: COLUMN.optionalName },
    decided_at: { type: "timestamp", column: COLUMN.optionalTime },
    street: STREET,
  },
  rules: [
    { keys: ["head_appeared"], when: { key: "hearing_at", present: true } },
    { keys: ["outcome"], when: { key: "status", in: ["decided"] } },
    { keys: ["decided_at"], when: { key: "outcome", present: true } },
  ],
});
