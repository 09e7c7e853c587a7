import { Command } from "commander";

export interface ExplainOptions {
  period: string;
  metric: string;
  json?: boolean;
  street?: string;
}

export const explainCommand = new Command("explain")
  .description("list the records (order, case or item ids, with the event or snapshot that counted) behind a count of the report")
  .requiredOption("--period <YYYY|YYYY-MM>", "the report's period")
  .requiredOption("--metric <name>", "a count's JSON path: hotline.orders, hotline.by_community:湾厦社区, hotline.by_unit:城管执法队.closed, mediation.by_kind.人民调解, litigation.causes:信息公开, supervision.by_kind:人大建议:市, …")
  .option("--street <name>", "the records behind the count of that sub-district's (街道) report (report --street)")
  .option("--json", "print {period, metric, count, records} as JSON")
  .action(async (opts: ExplainOptions) => (await import("../actions/explain.ts")).explain(opts));
