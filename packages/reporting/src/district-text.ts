// The district's report to read (REPORT.md "Streets"): who the text speaks of, the comparison of
// the streets (the unscoped report's `streets` table) and each street's own alerts under its name,
// taken from that street's scoped report.
import { DEFAULT_STREET } from "@casepulse/config";
import { rateText } from "./prose.ts";
import type { Block, Section } from "./report-document.ts";
import type { Report, StreetEntry } from "./report-types.ts";

export interface TextOptions {
  /** CASEPULSE_ORG_NAME: the name an unscoped report's title gives the deployment; the default street when unset. */
  orgName?: string | undefined;
  /** Each street's own report (report --street): the district's text lists each one's alerts under its name. */
  streetReports?: readonly Report[] | undefined;
}

/** A report of several streets: the district's, with its comparison of them. */
export const isDistrict = (r: Report) => r.scope.street === null && (r.streets?.length ?? 0) > 1;

/**
 * The title's name (the street of a street's report, else the deployment's name) and the subject of
 * the sentences (街道受理工单…): 街道 for one street's report, the deployment's name for a district's.
 */
export function textNames(r: Report, text: TextOptions = {}): { name: string; subject: string } {
  const org = text.orgName ?? DEFAULT_STREET;
  if (r.scope.street !== null) return { name: r.scope.street, subject: "街道" };
  return { name: org, subject: isDistrict(r) ? org : "街道" };
}

const rate = (x: number | null) => (x === null ? "—" : rateText(x));

/** The streets table as the reader sees it: every street, in the report's (code-point) order. */
export const STREET_COLUMNS: [head: string, value: (s: StreetEntry) => string | number][] = [
  ["街道", (s) => s.street],
  ["热线工单", (s) => s.hotline_orders],
  ["按时办结率", (s) => rate(s.on_time_close_rate)],
  ["满意率", (s) => rate(s.satisfaction_rate)],
  ["调解受理", (s) => s.mediation_registered],
  ["调解成功率", (s) => rate(s.mediation_success_rate)],
  ["行政复议", (s) => s.reconsideration_filed],
  ["行政诉讼", (s) => s.litigation_filed],
  ["败诉", (s) => s.lost],
  ["建议提案交办", (s) => s.supervision_received],
];

/** The comparison of the streets, or none for a report of one street. */
export function streetsSection(r: Report, title: string): Section[] {
  if (!isDistrict(r)) return [];
  const streets = r.streets!;
  return [{
    topic: "streets",
    title,
    blocks: [
      { kind: "paragraph", text: `辖区${streets.length}个街道的主要数据如下，各街道数据只计其所属的工单、案件和事项（所属街道以最新记录为准）。` },
      { kind: "table", head: STREET_COLUMNS.map(([head]) => head), rows: streets.map((s) => STREET_COLUMNS.map(([, value]) => value(s))) },
    ],
  }];
}

/** Under the district's alerts: each street's own, by name, in the streets table's order. */
export function streetAlertBlocks(r: Report, text: TextOptions, none: string): Block[] {
  if (!isDistrict(r) || !text.streetReports?.length) return [];
  const byStreet = new Map(text.streetReports.map((s) => [s.scope.street, s]));
  return [
    { kind: "heading", text: "各街道预警" },
    ...r.streets!.flatMap((s): Block[] => {
      const own = byStreet.get(s.street);
      if (own === undefined) return [];
      return [{ kind: "heading", text: s.street }, own.alerts.length ? { kind: "alerts", items: own.alerts.map((a) => a.message) } : { kind: "paragraph", text: none }];
    }),
  ];
}
