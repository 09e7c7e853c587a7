// Prometheus and its alert rules (infra/prometheus), and the ops dashboard: every metric they name
// is one the code exports (packages/ops/src/metrics.ts, with Node's default metrics); promtool
// loads the configuration and rules, and runs alerts.test.yml's cases (when each alert fires and
// when it must not; alerts-days.test.yml for the rules over days). promtool comes from Debian's prometheus package (npm test installs it
// through infra/scripts/ensure-test-tools.sh); no Prometheus server runs here.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createMetrics } from "@casepulse/ops";
import { ROOT } from "./support/cli.ts";

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const rules = (parse(read("infra/prometheus/alerts.yml")) as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
const config = parse(read("infra/prometheus/prometheus.yml")) as {
  rule_files: string[];
  scrape_configs: { job_name: string; static_configs: { targets: string[]; labels?: Record<string, string> }[] }[];
};

/** Every series name the processes export: histograms as their _bucket, _sum and _count. */
async function exportedNames(): Promise<Set<string>> {
  const metrics = createMetrics({ version: "test" });
  const names = new Set<string>();
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    if (String(m.type) === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(`${m.name}${suffix}`);
    else names.add(m.name);
  }
  return names;
}

/** Metric names in a PromQL expression: identifiers that are not functions, keywords or labels. */
function metricNames(expr: string): string[] {
  const stripped = expr.replace(/\{[^}]*\}/g, "{}").replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, "[]");
  // Whole identifiers not followed by "(" (a function call or an aggregation).
  const words = [...stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].filter((m) => !/^\s*\(/.test(stripped.slice(m.index + m[0].length))).map((m) => m[0]);
  const grouped = [...stripped.matchAll(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()));
  const keywords = new Set(["and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool"]);
  // Aggregations may put their grouping between the name and "(": sum by (feed) (...).
  for (const a of ["sum", "min", "max", "avg", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values"]) keywords.add(a);
  return [...new Set(words.filter((w) => !keywords.has(w) && !grouped.includes(w) && !/^\d/.test(w)))];
}

function promtool(): string {
  const local = join(ROOT, ".casepulse/tools/promtool");
  if (existsSync(local)) return local;
  if (spawnSync("promtool", ["--version"], { stdio: "ignore" }).status === 0) return "promtool";
  throw new Error("promtool not found: run infra/scripts/ensure-test-tools.sh (npm test does)");
}

describe("alert rules", () => {
  it("cover what an operator must hear about, each with a severity, a summary and what to do", () => {
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        "CasepulseServiceDown",
        "CasepulseConsumerLagGrowing",
        "CasepulseStoreJobsFailing",
        "CasepulseFailedJobs",
        "CasepulseRejectRateSpike",
        "CasepulseDeadLettersRising",
        "CasepulseFeedSilent",
        "CasepulseReportNotProduced",
        "CasepulseAlertWebhookFailing",
      ]),
    );
    for (const r of rules) {
      expect(["critical", "warning"], r.alert).toContain(r.labels?.severity);
      expect(r.annotations?.summary, r.alert).toBeTruthy();
      expect(r.annotations?.description, r.alert).toBeTruthy();
    }
  });

  it("name only metrics the code exports", async () => {
    const exported = await exportedNames();
    exported.add("up"); // Prometheus' own, per target
    const used = rules.flatMap((r) => metricNames(r.expr).map((name) => ({ rule: r.alert, name })));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((u) => !exported.has(u.name))).toEqual([]);
  });

  it("load in promtool, and fire exactly when alerts.test.yml says", () => {
    const tool = promtool();
    const run = (args: string[]) => execFileSync(tool, args, { cwd: join(ROOT, "infra/prometheus"), encoding: "utf8", stdio: "pipe" });
    expect(run(["check", "rules", "alerts.yml"])).toContain("SUCCESS");
    expect(run(["check", "config", "prometheus.yml"])).toContain("SUCCESS");
    expect(run(["test", "rules", "alerts.test.yml", "alerts-days.test.yml"])).toMatch(/SUCCESS[\s\S]*SUCCESS/);
  });
});

describe("metric names", () => {
  it("follow Prometheus' conventions: Node's defaults unprefixed, units last, a build_info of 1", async () => {
    const metrics = createMetrics({ version: "9.9.9" });
    const text = await metrics.registry.metrics();
    const names = [...new Set([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => ({ name: m[1]!, type: m[2]! })))];
    expect(names.filter((n) => n.name.startsWith("casepulse_process") || n.name.startsWith("casepulse_nodejs"))).toEqual([]);
    expect(names.map((n) => n.name)).toEqual(expect.arrayContaining(["process_cpu_seconds_total", "nodejs_eventloop_lag_seconds", "casepulse_consumer_lag_messages", "casepulse_queue_depth_jobs"]));
    for (const n of names.filter((m) => m.type === "counter")) expect(n.name).toMatch(/_total$/);
    expect(text).toContain(`casepulse_build_info{version="9.9.9",node="${process.version}"} 1`);
    // Each feed's counters exist from the start, so a silent feed is an increase of 0.
    expect(text).toContain('casepulse_records_in_total{feed="supervision"} 0');
  });
});

describe("the ops dashboard and Prometheus' scrape targets", () => {
  it("the dashboard queries Prometheus for exported metrics only", async () => {
    const exported = await exportedNames();
    exported.add("up");
    const dashboard = JSON.parse(read("infra/grafana/dashboards/casepulse-ops.json")) as { panels: { title: string; targets: { expr: string }[] }[] };
    const used = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNames(t.expr).map((name) => ({ panel: p.title, name }))));
    expect(used.length).toBeGreaterThan(15);
    expect(used.filter((u) => !exported.has(u.name))).toEqual([]);
    const datasources = parse(read("infra/grafana/provisioning/datasources/prometheus.yaml")) as { datasources: { uid: string; url: string }[] };
    expect(datasources.datasources[0]).toMatchObject({ uid: "casepulse-prometheus", url: "http://prometheus:9090" });
  });

  it("scrapes every casepulse service of the compose file on its HTTP port, with its role", () => {
    const compose = parse(read("docker-compose.yml")) as { services: Record<string, { command?: string[]; environment?: Record<string, string> }>; "x-casepulse": unknown };
    const roles = Object.entries(compose.services)
      .filter(([, s]) => s.command?.[0] === "start")
      .map(([name, s]) => ({ target: `${name}:9464`, role: s.command![2]! }));
    expect(roles).toHaveLength(3);
    const job = config.scrape_configs.find((c) => c.job_name === "casepulse")!;
    const scraped = job.static_configs.flatMap((c) => c.targets.map((target) => ({ target, role: c.labels?.role })));
    expect(scraped.sort((a, b) => a.target.localeCompare(b.target))).toEqual(roles.sort((a, b) => a.target.localeCompare(b.target)));
    expect(config.rule_files).toEqual(["alerts.yml"]);
  });
});
