import { z } from "zod";
import { LITIGATION_OUTCOMES, LITIGATION_STATUSES } from "./model.ts";
import { oneOf, optionalBoolean, optionalOneOf, optionalTimestamp, text, timestamp } from "./fields.ts";

const KIND_SYNONYMS = {
  reconsideration: "reconsideration",
  行政复议: "reconsideration",
  litigation: "litigation",
  行政诉讼: "litigation",
} as const;

const kind = oneOf(["reconsideration", "litigation", "行政复议", "行政诉讼"]).transform((k) => KIND_SYNONYMS[k]);

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
    if (r.hearing_at !== null && r.head_appeared === null) {
      ctx.addIssue({ code: "custom", path: ["head_appeared"], message: "required with hearing_at" });
    }
    if (r.status === "decided" && r.outcome === null) {
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "required when status is decided" });
    }
    if (r.outcome !== null && r.decided_at === null) {
      ctx.addIssue({ code: "custom", path: ["decided_at"], message: "required with outcome" });
    }
  });
