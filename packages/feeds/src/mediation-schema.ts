import { z } from "zod";
import { MEDIATION_CLOSED_STATUSES, MEDIATION_KINDS, MEDIATION_STATUSES } from "./model.ts";
import { amountYuan, oneOf, optionalCount, optionalText, optionalTimestamp, text, timestamp } from "./fields.ts";

const closedStatuses: readonly string[] = MEDIATION_CLOSED_STATUSES;

export const mediationSchema = z
  .object({
    msg_id: text,
    case_id: text,
    updated_at: timestamp,
    registered_at: timestamp,
    kind: oneOf(MEDIATION_KINDS),
    dispute_type: text,
    status: oneOf(MEDIATION_STATUSES),
    closed_at: optionalTimestamp,
    community: optionalText,
    amount_yuan: amountYuan,
    parties: optionalCount,
    referral_order_id: optionalText,
  })
  .superRefine((r, ctx) => {
    if (closedStatuses.includes(r.status) && r.closed_at === null) {
      ctx.addIssue({ code: "custom", path: ["closed_at"], message: `required when status is ${r.status}` });
    }
  });
