import { z } from "zod";
import { LITIGATION_OUTCOMES, LITIGATION_STATUSES, type LitigationSnapshot } from "./model.ts";
import {
  acceptObject,
  acceptOneOf,
  acceptOptionalBoolean,
  acceptOptionalOneOf,
  acceptOptionalTimestamp,
  acceptText,
  acceptTimestamp,
  DEFER,
  oneOf,
  optionalBoolean,
  optionalOneOf,
  optionalTimestamp,
  text,
  timestamp,
  type Accept,
  type CrossFieldIssue,
} from "./fields.ts";

const KIND_SYNONYMS = {
  reconsideration: "reconsideration",
  行政复议: "reconsideration",
  litigation: "litigation",
  行政诉讼: "litigation",
} as const;
const KINDS = ["reconsideration", "litigation", "行政复议", "行政诉讼"] as const;

const kind = oneOf(KINDS).transform((k) => KIND_SYNONYMS[k]);

function litigationRules(r: Pick<LitigationSnapshot, "hearing_at" | "head_appeared" | "status" | "outcome" | "decided_at">): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  if (r.hearing_at !== null && r.head_appeared === null) issues.push({ path: "head_appeared", message: "required with hearing_at" });
  if (r.status === "decided" && r.outcome === null) issues.push({ path: "outcome", message: "required when status is decided" });
  if (r.outcome !== null && r.decided_at === null) issues.push({ path: "decided_at", message: "required with outcome" });
  return issues;
}

export const litigationSchema = z
  .object({
    msg_id: text,
    case_id: text,
    kind,
    cause: text,
    filed_at: timestamp,
    updated_at: timestamp,
    status: oneOf(LITIGATION_STATUSES),
    hearing_at: optionalTimestamp,
    head_appeared: optionalBoolean,
    outcome: optionalOneOf(LITIGATION_OUTCOMES),
    decided_at: optionalTimestamp,
  })
  .superRefine((r, ctx) => {
    for (const { path, message } of litigationRules(r)) ctx.addIssue({ code: "custom", path: [path], message });
  });

const acceptKindName = acceptOneOf(KINDS);
const acceptKind: Accept<LitigationSnapshot["kind"]> = (v) => {
  const k = acceptKindName(v);
  return k === DEFER ? DEFER : KIND_SYNONYMS[k];
};

/** litigationSchema's result for the records it accepts without help (fields.ts says why). */
export const acceptLitigation = acceptObject<LitigationSnapshot>(
  {
    msg_id: acceptText,
    case_id: acceptText,
    kind: acceptKind,
    cause: acceptText,
    filed_at: acceptTimestamp,
    updated_at: acceptTimestamp,
    status: acceptOneOf(LITIGATION_STATUSES),
    hearing_at: acceptOptionalTimestamp,
    head_appeared: acceptOptionalBoolean,
    outcome: acceptOptionalOneOf(LITIGATION_OUTCOMES),
    decided_at: acceptOptionalTimestamp,
  },
  litigationRules,
);
