// FEEDS.md section 2: people's mediation case snapshots; the latest updated_at is the case.
import { defineFeed } from "../contract.ts";
import { COLUMN, STREET } from "./columns.ts";

export const MEDIATION_KINDS = ["人民调解", "诉前调解", "行政调解", "司法调解"] as const;
export const MEDIATION_STATUSES = ["受理", "调解中", "调解成功", "调解失败", "终止"] as const;
export const MEDIATION_CLOSED_STATUSES = ["调解成功", "调解失败", "终止"] as const;

export const mediationContract = defineFeed({
  feed: "mediation",
  key: "case_id",
  latest: "updated_at",
  topic: "raw.mediation",
  table: "mediation_snapshots",
  msgIdTable: "mediation_msg_ids",
  fields: {
    msg_id: { type: "text", required: true, column: COLUMN.id },
    case_id: { type: "text", required: true, column: COLUMN.id },
    updated_at: { type: "timestamp", required: true, column: COLUMN.time },
    registered_at: { type: "timestamp", required: true, column: COLUMN.time },
    kind: { type: "enum", values: MEDIATION_KINDS, required: true, column: COLUMN.name },
    dispute_type: { type: "text", required: true, column: COLUMN.name },
    status: { type: "enum", values: MEDIATION_STATUSES, required: true, column: COLUMN.name },
    closed_at: { type: "timestamp", column: COLUMN.optionalTime },
    community: { type: "text", column: COLUMN.optionalName },
    amount_yuan: { type: "amount", column: "Nullable(Decimal(38, 6))" },
    parties: { type: "count", column: "Nullable(UInt32)" },
    referral_order_id: { type: "text", column: COLUMN.optionalId },
    street: STREET,
  },
  rules: [{ keys: ["closed_at"], when: { key: "status", in: MEDIATION_CLOSED_STATUSES } }],
});
