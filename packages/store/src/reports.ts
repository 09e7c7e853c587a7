import type { Store } from "./client.ts";

export type ReportTrigger = "scheduled" | "on_demand" | "cli";

export async function saveReport(store: Store, period: string, trigger: ReportTrigger, report: object): Promise<void> {
  await store.insert("reports", [{ period, trigger, report: JSON.stringify(report) }]);
}
