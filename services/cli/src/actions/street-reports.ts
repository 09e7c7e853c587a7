// A district's report to read puts each street's own alerts under its name (REPORT.md "Streets"):
// with the unscoped report of several streets, the report of each street of its table, asked of
// the same reader (this process's store or the running `casepulse start`).
import { parseEnv, reportEnvSchema } from "@casepulse/config";
import { isDistrict, type Report, type TextOptions } from "@casepulse/reporting";
import type { BuiltReport, Reader, ReportRequest } from "../reading/reader.ts";

export interface DistrictReport extends BuiltReport {
  /** Each street's own report, in the streets table's order; none for JSON or a street's report. */
  streetReports: Report[];
}

/** The report, and each street's when `withStreets` (the formats that show each street's alerts). */
export async function districtReport(reader: Reader, request: ReportRequest, withStreets: boolean): Promise<DistrictReport> {
  const made = await reader.report(request);
  const streetReports: Report[] = [];
  if (withStreets && isDistrict(made.report)) {
    for (const { street } of made.report.streets!) {
      streetReports.push((await reader.report({ period: request.period, options: { ...request.options, street }, series: false })).report);
    }
  }
  return { ...made, streetReports };
}

/** How the text names the deployment (CASEPULSE_ORG_NAME), and each street's own report. */
export function textOptions(streetReports: readonly Report[] = []): TextOptions {
  return { orgName: parseEnv(reportEnvSchema).CASEPULSE_ORG_NAME, streetReports };
}
