// Ends a reliability run with the table of figures and writes it as JSON (OUT_DIR/
// reliability-report.json). Each row's result is its test's real outcome.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import type { FigureRow } from "./figures.ts";
import { OUT_DIR, PROFILE } from "./profile.ts";

interface ReportRow extends Omit<FigureRow, "notRun"> {
  result: "pass" | "fail" | "not run";
  reason?: string;
  test: string;
}

function format(value: unknown): string {
  return typeof value === "number" && !Number.isInteger(value) ? value.toFixed(2) : String(value);
}

export default class FiguresReporter implements Reporter {
  private started = Date.now();

  onTestRunStart(): void {
    this.started = Date.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows: ReportRow[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        for (const row of test.meta().reliability ?? []) {
          const result = row.notRun ? "not run" : state === "passed" ? "pass" : "fail";
          rows.push({ area: row.area, scenario: row.scenario, result, ...(row.notRun ? { reason: row.notRun } : {}), figures: row.figures, test: test.fullName });
        }
      }
    }
    const report = {
      profile: PROFILE.name,
      started_at: new Date(this.started).toISOString(),
      duration_s: Math.round((Date.now() - this.started) / 1000),
      machine: { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
      rows,
    };
    mkdirSync(OUT_DIR, { recursive: true });
    const file = join(OUT_DIR, "reliability-report.json");
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    const lines = [
      `casepulse reliability (${PROFILE.name}, ${report.duration_s} s, ${report.machine.cpus} cores)`,
      "| area | scenario | result | figures |",
      "| --- | --- | --- | --- |",
      ...rows.map((r) => {
        const figures = Object.entries(r.figures).map(([k, v]) => `${k} ${format(v)}`).join("; ");
        return `| ${r.area} | ${r.scenario} | ${r.result} | ${r.reason ? `${r.reason}. ` : ""}${figures} |`;
      }),
      `(figures also in ${file})`,
    ];
    writeFileSync(join(OUT_DIR, "reliability-report.md"), `${lines.join("\n")}\n`);
    // Under `pnpm test:reliability` the runner prints the table last, after vitest's summary.
    if (!process.env.RELIABILITY_RUNNER) console.log(`\n${lines.join("\n")}\n`);
  }
}
