// Configuration of the figures themselves, read by every command and service that builds or
// explains a report, so that they all count the same way.
import { z } from "zod";

export const reportEnvSchema = z.object({
  /**
   * hotline.accepted_in_time: an order accepted (签收) at most this many hours after its
   * registration. Unset means REPORT.md's default (24), which @casepulse/reporting applies, so the
   * default lives in one place.
   */
  CASEPULSE_ACCEPT_HOURS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ message: "must be a number of hours" })
      .positive({ message: "must be more than 0 hours" })
      .max(8_784, { message: "must be at most 8784 hours (a leap year)" })
      .optional(),
  ),
});

export type ReportEnv = z.infer<typeof reportEnvSchema>;
