import { z } from "zod";
import { MEDIATION_CLOSED_STATUSES, MEDIATION_KINDS, MEDIATION_STATUSES, type MediationSnapshot } from "./model.ts";
import {
  acceptAmountYuan,
  acceptObject,
  acceptOneOf,
  acceptOptionalCount,
  acceptOptionalText,
  acceptOptionalTimestamp,
  acceptText,
  acceptTimestamp,
  amountYuan,
  oneOf,
  optionalCount,
  optionalText,
  optionalTimestamp,
  text,
  timestamp,
  type CrossFieldIssue,
} from "./fields.ts";

const closedStatuses: readonly string[] = MEDIATION_CLOSED_STATUSES;

function mediationRules(r: Pick<MediationSnapshot, "status" | "closed_at">): CrossFieldIssue[] {
  return closedStatuses.includes(r.status) && r.closed_at === null ? [{ path: "closed_at", message: `required when status is ${r.status}` }] : [];
}

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
    for (const { path, message } of mediationRules(r)) ctx.addIssue({ code: "custom", path: [path], message });
  });

/** mediationSchema's result for the records it accepts without help (fields.ts says why). */
export const acceptMediation = acceptObject<MediationSnapshot>(
  {
    msg_id: acceptText,
    case_id: acceptText,
    updated_at: acceptTimestamp,
    registered_at: acceptTimestamp,
    kind: acceptOneOf(MEDIATION_KINDS),
    dispute_type: acceptText,
    status: acceptOneOf(MEDIATION_STATUSES),
    closed_at: acceptOptionalTimestamp,
    community: acceptOptionalText,
    amount_yuan: acceptAmountYuan,
    parties: acceptOptionalCount,
    referral_order_id: acceptOptionalText,
  },
  mediationRules,
);
