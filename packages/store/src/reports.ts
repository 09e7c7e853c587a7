import type { Store } from "./client.ts";

export type ReportTrigger = "scheduled" | "on_demand" | "cli";

export async function saveReport(store: Store, period: string, trigger: ReportTrigger, report: object): Promise<void> {
  await store.insert("reports", [{ period, trigger, report: JSON.stringify(report) }]);
}

/** When the latest report of this trigger was stored, in ms since the epoch; null before the first. */
export async function lastReportAt(store: Store, trigger: ReportTrigger): Promise<number | null> {
  const [row] = await store.query<{ at: number | null }>(
    `SELECT if(count() = 0, NULL, toUnixTimestamp64Milli(max(generated_at))) AS at FROM ${store.database}.reports WHERE trigger = {trigger:String}`,
    { trigger },
  );
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}
