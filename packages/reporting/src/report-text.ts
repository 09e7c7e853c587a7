// Which text a period gets: the annual report for a year, the concise monthly report for a month.
import { annualDocument } from "./annual-text.ts";
import { monthlyDocument } from "./monthly-text.ts";
import type { TextOptions } from "./district-text.ts";
import type { ReportDocument } from "./report-document.ts";
import type { Report } from "./report-types.ts";

export function reportDocument(report: Report, text: TextOptions = {}): ReportDocument {
  return report.period.includes("-") ? monthlyDocument(report, text) : annualDocument(report, text);
}
