import { z } from "zod";
import { HOTLINE_CHANNELS, HOTLINE_EVENTS, SATISFACTION, type HotlineEvent } from "./model.ts";
import {
  acceptObject,
  acceptOneOf,
  acceptOptionalOneOf,
  acceptOptionalString,
  acceptOptionalText,
  acceptOptionalTimestamp,
  acceptText,
  acceptTimestamp,
  DEFER,
  oneOf,
  optionalOneOf,
  optionalText,
  optionalTimestamp,
  text,
  timestamp,
  type Accept,
  type CrossFieldIssue,
} from "./fields.ts";
import { sqlAccepter } from "./sql-accept.ts";

const CATEGORY_MESSAGE = "must be a path of at least two levels, e.g. 城乡建设/违法建设";
const isCategoryPath = (s: string) => s.split("/").length >= 2 && s.split("/").every((p) => p.trim() !== "");

const categoryPath = text.refine(isCategoryPath, { message: CATEGORY_MESSAGE });

function hotlineRules(r: Pick<HotlineEvent, "event" | "category" | "community" | "deadline" | "satisfaction">): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  if (r.event === "登记") {
    for (const key of ["category", "community", "deadline"] as const) {
      if (r[key] === null) issues.push({ path: key, message: "required on 登记" });
    }
  }
  if (r.event === "回访" && r.satisfaction === null) issues.push({ path: "satisfaction", message: "required on 回访" });
  return issues;
}

export const hotlineSchema = z
  .object({
    msg_id: text,
    order_id: text,
    event: oneOf(HOTLINE_EVENTS),
    event_time: timestamp,
    category: z
      .string()
      .nullish()
      .transform((v) => (v == null || v.trim() === "" ? null : v))
      .pipe(categoryPath.nullable()),
    community: optionalText,
    deadline: optionalTimestamp,
    channel: optionalOneOf(HOTLINE_CHANNELS),
    repeat_of: optionalText,
    satisfaction: optionalOneOf(SATISFACTION),
    unit: optionalText,
    caller_phone: z.string().nullish().transform((v) => v ?? null),
    content: z.string().nullish().transform((v) => v ?? null),
  })
  .superRefine((r, ctx) => {
    for (const { path, message } of hotlineRules(r)) ctx.addIssue({ code: "custom", path: [path], message });
  });

const acceptCategory: Accept<string | null> = (v) => {
  const category = acceptOptionalText(v);
  return typeof category === "string" && !isCategoryPath(category) ? DEFER : category;
};

/** hotlineSchema's result for the records it accepts without help (fields.ts says why). */
export const acceptHotline = acceptObject<HotlineEvent>(
  {
    msg_id: acceptText,
    order_id: acceptText,
    event: acceptOneOf(HOTLINE_EVENTS),
    event_time: acceptTimestamp,
    category: acceptCategory,
    community: acceptOptionalText,
    deadline: acceptOptionalTimestamp,
    channel: acceptOptionalOneOf(HOTLINE_CHANNELS),
    repeat_of: acceptOptionalText,
    satisfaction: acceptOptionalOneOf(SATISFACTION),
    unit: acceptOptionalText,
    caller_phone: acceptOptionalString,
    content: acceptOptionalString,
  },
  hotlineRules,
);

/** hotlineSchema's rules in SQL, for bulk loads (sql-accept.ts says why and what it leaves out). */
export const hotlineSql = sqlAccepter(
  {
    msg_id: { kind: "text" },
    order_id: { kind: "text" },
    event: { kind: "oneOf", values: HOTLINE_EVENTS },
    event_time: { kind: "timestamp" },
    category: { kind: "textPath" },
    community: { kind: "optionalText" },
    deadline: { kind: "optionalTimestamp" },
    channel: { kind: "optionalOneOf", values: HOTLINE_CHANNELS },
    repeat_of: { kind: "optionalText" },
    satisfaction: { kind: "optionalOneOf", values: SATISFACTION },
    unit: { kind: "optionalText" },
    caller_phone: { kind: "optionalString" },
    content: { kind: "optionalString" },
  },
  (c) => [
    `(${c("event")} != '登记' OR (${c("category")} IS NOT NULL AND ${c("community")} IS NOT NULL AND ${c("deadline")} IS NOT NULL))`,
    `(${c("event")} != '回访' OR ${c("satisfaction")} IS NOT NULL)`,
  ],
);
