// Configuration of the figures themselves, read by every command and service that builds or
// explains a report, so that they all count the same way.
import { z } from "zod";
import { DEFAULT_STREET, nonBlankName } from "./street-name.ts";

/** Empty means unset, as for every variable. */
const unsetWhenEmpty = (v: unknown) => (v === "" ? undefined : v);

export const reportEnvSchema = z
  .object({
    /**
     * hotline.accepted_in_time: an order accepted (签收) at most this many hours after its
     * registration. Unset means REPORT.md's default (24), which @casepulse/reporting applies, so the
     * default lives in one place.
     */
    CASEPULSE_ACCEPT_HOURS: z.preprocess(
      unsetWhenEmpty,
      z.coerce
        .number({ message: "must be a number of hours" })
        .positive({ message: "must be more than 0 hours" })
        .max(8_784, { message: "must be at most 8784 hours (a leap year)" })
        .optional(),
    ),
    /** FEEDS.md "All feeds": the street of every order, case and item whose records name none. */
    CASEPULSE_DEFAULT_STREET: z.preprocess(unsetWhenEmpty, nonBlankName().default(DEFAULT_STREET)),
    /** The deployment's own name in the titles of its (unscoped) reports; the default street's when unset. */
    CASEPULSE_ORG_NAME: z.preprocess(unsetWhenEmpty, nonBlankName("the deployment's name").optional()),
  })
  .transform((env) => ({ ...env, CASEPULSE_ORG_NAME: env.CASEPULSE_ORG_NAME ?? env.CASEPULSE_DEFAULT_STREET }));

export type ReportEnv = z.infer<typeof reportEnvSchema>;
