// BullMQ job payloads: each job name has a zod schema, checked by the worker before it acts.
import { z } from "zod";
import { FEEDS } from "@casepulse/feeds";

export const STORE_BATCH_JOB = "store-batch";
export const REPORT_JOB = "report";
/** The form of the rows a store job carries since they are arrays (encodeEvents). */
export const COMPACT_ROWS = "compact";

/**
 * A slice of one Kafka batch: validated, personal data already hashed or sealed, and its new
 * rows already encoded as the store writes them (with each line's msg_id and order/case id), so
 * the worker only hands them to the engine: it neither parses nor re-encodes a row. `rowForm`
 * "compact": the lines are JSONCompactEachRow rows (encodeEvents); absent, they are the JSONEachRow
 * objects the releases before wrote, which a job waiting in Redis across an upgrade still holds.
 */
export const storeBatchJob = z.object({
  feed: z.enum(FEEDS),
  batchId: z.string().min(1),
  source: z.string(),
  received: z.number().int().nonnegative(),
  rowForm: z.literal(COMPACT_ROWS).optional(),
  msgIds: z.array(z.string()),
  keys: z.array(z.string()),
  lines: z.array(z.string()),
  rejected: z.array(
    z.object({
      feed: z.enum(FEEDS),
      source: z.string(),
      receivedAt: z.number(),
      reason: z.string(),
      msgId: z.string().nullable(),
      byteSize: z.number(),
      preview: z.string().nullable(),
      sealed: z.string(),
    }),
  ),
}).refine((job) => job.msgIds.length === job.lines.length && job.keys.length === job.lines.length, { message: "msgIds, keys and lines must be as long as each other" });
export type StoreBatchJob = z.infer<typeof storeBatchJob>;

export const reportJob = z.object({
  /** YYYY or YYYY-MM; absent means the month before the job runs (the monthly schedule). */
  period: z.string().regex(/^\d{4}(-\d{2})?$/).optional(),
  trigger: z.enum(["scheduled", "on_demand"]).default("scheduled"),
});
export type ReportJob = z.infer<typeof reportJob>;
