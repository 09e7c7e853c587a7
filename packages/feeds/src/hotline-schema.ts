import { z } from "zod";
import { HOTLINE_CHANNELS, HOTLINE_EVENTS, SATISFACTION } from "./model.ts";
import { oneOf, optionalOneOf, optionalText, optionalTimestamp, text, timestamp } from "./fields.ts";

const categoryPath = text.refine((s) => s.split("/").length >= 2 && s.split("/").every((p) => p.trim() !== ""), {
  message: "must be a path of at least two levels, e.g. 城乡建设/违法建设",
});

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
    if (r.event === "登记") {
      for (const key of ["category", "community", "deadline"] as const) {
        if (r[key] === null) ctx.addIssue({ code: "custom", path: [key], message: "required on 登记" });
      }
    }
    if (r.event === "回访" && r.satisfaction === null) {
      ctx.addIssue({ code: "custom", path: ["satisfaction"], message: "required on 回访" });
    }
  });
