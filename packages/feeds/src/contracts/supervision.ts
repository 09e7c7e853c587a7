// FEEDS.md section 4: supervision items (建议提案、司法建议) the sub-district must answer.
import { defineFeed } from "../contract.ts";
import { COLUMN, STREET } from "./columns.ts";

export const SUPERVISION_KINDS = ["人大建议", "政协提案", "司法建议", "检察建议"] as const;
/** The kinds that come from a congress or CPPCC of a level (市 or 区); the others have none. */
export const SUPERVISION_LEVELED_KINDS = ["人大建议", "政协提案"] as const;
export const SUPERVISION_LEVELS = ["市", "区"] as const;
export const SUPERVISION_STATUSES = ["办理中", "已答复", "已办结"] as const;
export const SUPERVISION_REPLIED_STATUSES = ["已答复", "已办结"] as const;

export const supervisionContract = defineFeed({
  feed: "supervision",
  key: "item_id",
  latest: "updated_at",
  topic: "raw.supervision",
  table: "supervision_snapshots",
  msgIdTable: "supervision_msg_ids",
  fields: {
    msg_id: { type: "text", required: true, column: COLUMN.id },
    item_id: { type: "text", required: true, column: COLUMN.id },
    kind: { type: "enum", values: SUPERVISION_KINDS, required: true, column: COLUMN.name },
    level: { type: "enum", values: SUPERVISION_LEVELS, column: COLUMN.optionalName },
    received_at: { type: "timestamp", required: true, column: COLUMN.time },
    due_at: { type: "timestamp", required: true, column: COLUMN.time },
    updated_at: { type: "timestamp", required: true, column: COLUMN.time },
    status: { type: "enum", values: SUPERVISION_STATUSES, required: true, column: COLUMN.name },
    replied_at: { type: "timestamp", column: COLUMN.optionalTime },
    street: STREET,
  },
  rules: [
    { keys: ["level"], when: { key: "kind", in: SUPERVISION_LEVELED_KINDS } },
    { keys: ["replied_at"], when: { key: "status", in: SUPERVISION_REPLIED_STATUSES } },
  ],
});
