import { describe, expect, it } from "vitest";
import type { Alert, Report } from "@casepulse/reporting";
import { fileSafe, reportBaseName, streetsToReport } from "./street-files.ts";
import { webhookBody } from "./webhook.ts";

const report = (street: string | null, streets?: string[]) =>
  ({ period: "2024-03", scope: { street }, ...(streets ? { streets: streets.map((s) => ({ street: s })) } : {}) }) as unknown as Report;
const ALERTS: Alert[] = [{ rule: "lost_case", metric: "litigation.lost", value: 1, message: "本期行政复议、诉讼败诉案件1件" }];

describe("a district's files: the district's name, each street's after it", () => {
  it.each([
    [null, "casepulse-2024-03"],
    ["招商街道", "casepulse-2024-03-招商街道"],
    ["a/b:c*?", "casepulse-2024-03-a_b_c__"],
    [".hidden", "casepulse-2024-03-_hidden"],
  ])("%s → %s", (street, name) => {
    expect(reportBaseName(report(street))).toBe(name);
  });

  it("a street's name keeps every character a file name takes", () => {
    expect(fileSafe("粤海街道 (南山)")).toBe("粤海街道 (南山)");
  });

  it("CASEPULSE_REPORT_STREETS: all is every street of the district's table; a list is itself, data or not", () => {
    const district = report(null, ["招商街道", "粤海街道"]);
    expect(streetsToReport(district, "all")).toStrictEqual(["招商街道", "粤海街道"]);
    expect(streetsToReport(district, ["前海街道"])).toStrictEqual(["前海街道"]);
    expect(streetsToReport(district, [])).toStrictEqual([]);
    expect(streetsToReport(report(null), "all")).toStrictEqual([]);
  });
});

describe("a street's alerts name the street", () => {
  it.each([
    ["wecom", { msgtype: "markdown", markdown: { content: "### casepulse 2024-03 招商街道 预警（1条）\n- 本期行政复议、诉讼败诉案件1件" } }],
    ["json", { period: "2024-03", street: "招商街道", alerts: ALERTS }],
  ] as const)("%s", (kind, body) => {
    expect(webhookBody(kind, "2024-03", ALERTS, "招商街道")).toStrictEqual(body);
  });

  it("the district's keep their form", () => {
    expect(webhookBody("json", "2024-03", ALERTS)).toStrictEqual({ period: "2024-03", alerts: ALERTS });
  });
});
