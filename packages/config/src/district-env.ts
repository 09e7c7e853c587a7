// The reporter service of a district deployment (REPORT.md "Streets"): which streets get their own
// report files beside the district's, and where each street's alerts go.
import { z } from "zod";
import { streetNameProblem } from "./street-name.ts";

/** Every street that any stored order, case or item belongs to when the report is made. */
export const ALL_STREETS = "all";

/**
 * CASEPULSE_REPORT_STREETS: `all`, or streets separated by commas (blanks around each are not part
 * of it); unset means the district's report only ([]).
 */
export const reportStreets = z
  .preprocess((v) => (v === undefined ? "" : v), z.string())
  .transform((text, ctx): typeof ALL_STREETS | string[] => {
    if (text.trim() === ALL_STREETS) return ALL_STREETS;
    if (text.trim() === "") return [];
    const names = text.split(",").map((s) => s.trim());
    const blank = names.findIndex((s) => s === "");
    if (blank >= 0) {
      ctx.addIssue({ code: "custom", message: `street ${blank + 1} of the list is blank (\`${ALL_STREETS}\`, or streets separated by commas)` });
      return z.NEVER;
    }
    return [...new Set(names)];
  });

const webhookUrl = (s: string) => URL.canParse(s) && ["http:", "https:"].includes(new URL(s).protocol);

/**
 * CASEPULSE_STREET_WEBHOOKS: a JSON object of street → webhook URL; unset means none. The messages
 * never quote a URL: a robot's URL carries its access key.
 */
export const streetWebhooks = z
  .preprocess((v) => (v === undefined || v === "" ? "{}" : v), z.string())
  .transform((text, ctx): Record<string, string> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON object of street → webhook URL, e.g. {"<street>": "https://…"}' });
      return z.NEVER;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      ctx.addIssue({ code: "custom", message: "must be a JSON object of street → webhook URL" });
      return z.NEVER;
    }
    for (const [street, url] of Object.entries(parsed)) {
      const problem = streetNameProblem(street);
      if (problem) ctx.addIssue({ code: "custom", message: `key ${JSON.stringify(street)} ${problem}` });
      else if (typeof url !== "string" || !webhookUrl(url)) ctx.addIssue({ code: "custom", message: `the webhook of ${street} must be a URL (http: or https:)` });
    }
    return parsed as Record<string, string>;
  });

/** A webhook for a street whose report the reporter is not asked to make would never be used. */
export function unusedWebhooks(streets: typeof ALL_STREETS | string[], webhooks: Record<string, string>): string[] {
  if (streets === ALL_STREETS) return [];
  return Object.keys(webhooks).filter((street) => !streets.includes(street));
}
