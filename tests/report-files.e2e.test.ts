// `report --format xlsx` and `--format pdf`: the workbook read back with exceljs holds every
// figure of the JSON report, numbers as numbers and rates as fractions shown in percent, a sheet
// per section; the PDF is the HTML page printed to A4 by Chromium, its figures in its text.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@casepulse/reporting";
import { cliJson, runCli } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";
import { workbookCells, type ReadCell, type ReadSheet } from "./support/workbook.ts";

let data: GeneratedData;
beforeAll(async () => {
  data = await generatedData("files", 20240817, 0.1);
  // A publication the later figures revise: the March report published before a late record.
  const published = await runCli(["report", "--period", "2024-03", "--publish"], data.env);
  expect(published.code, published.stderr).toBe(0);
  const late = join(data.work, "late.jsonl");
  const order = { msg_id: "late-order-1", order_id: "SZ24031100099", event: "登记", event_time: "2024-03-11T10:00:00+08:00", category: "城乡建设/违法建设", community: "湾厦社区", deadline: "2024-03-20T18:00:00+08:00" };
  writeFileSync(late, `${JSON.stringify(order)}\n`);
  const ingested = await runCli(["ingest", "--source", "hotline", "--file", late], data.env);
  expect(ingested.code, ingested.stderr).toBe(0);
});
afterAll(() => data?.cleanup());

type Value = ReadCell["value"];
const SHEETS = ["主要指标", "热线排行", "承办单位", "超期未办结", "矛盾调解", "复议诉讼", "建议提案", "预警", "数据修订"];
const isRate = (path: string) => /(_rate|\.yoy)$/.test(path);

/** Every number (or null rate) of the report outside its lists, by JSON path: what the figure tables must hold. */
function scalarFigures(report: Report): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value === "number") out.set(path, value);
    else if (typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  for (const block of ["hotline", "mediation", "litigation", "supervision", "quality"] as const) walk(report[block], block);
  return out;
}

/** The rows of the table titled `title` (the title row, then a header row, rows until a blank one). */
function table(sheet: ReadSheet, title: string): { head: Value[]; rows: ReadCell[][] } {
  const at = sheet.rows.findIndex((r) => r.length === 1 && r[0]!.value === title);
  expect(at, `${sheet.name}: table ${title}`).toBeGreaterThanOrEqual(0);
  // The blank row after the last table of a sheet is not stored.
  const blank = sheet.rows.findIndex((r, i) => i > at && r.length === 0);
  const rows = sheet.rows.slice(at + 2, blank < 0 ? undefined : blank);
  return { head: sheet.rows[at + 1]!.map((c) => c.value), rows: rows.length === 1 && rows[0]![0]!.value === "（无）" ? [] : rows };
}
const values = (rows: ReadCell[][]) => rows.map((r) => r.map((c) => c.value));
/** Read back, an empty cell is absent from the end of its row: the row padded to the width asked. */
const padded = (rows: ReadCell[][], width: number) => values(rows).map((r) => [...r, ...Array<Value>(Math.max(0, width - r.length)).fill(null)]);
/** A Shanghai time of the JSON as the workbook's date cell reads back: its wall time, as if UTC. */
const wallTime = (iso: string) => new Date(`${iso.replace(/(Z|[+-]\d\d:\d\d)$/, "")}Z`).toISOString();

describe("report --format xlsx", () => {
  for (const period of ["2024", "2024-03"]) {
    it(`${period}: every figure of the JSON, by path and in each section's tables`, async () => {
      const report = await cliJson<Report>(["report", "--period", period], data.env);
      const out = join(data.work, `report-${period}.xlsx`);
      const written = await runCli(["report", "--period", period, "--format", "xlsx", "--out", out], data.env);
      expect(written.code, written.stderr).toBe(0);
      const book = await workbookCells(out);
      const sheet = (name: string) => book.find((s) => s.name === name)!;
      expect(book.map((s) => s.name)).toEqual(SHEETS);

      // Every table of figures (字段 = the path) in every sheet gives the JSON's value, in its kind.
      const seen = new Set<string>();
      const scalars = scalarFigures(report);
      for (const s of book) {
        for (const row of s.rows) {
          const path = row[2]?.value;
          if (row.length !== 3 || typeof path !== "string" || !scalars.has(path)) continue;
          seen.add(path);
          expect(row[1]!.value ?? null, `${s.name} ${path}`).toBe(scalars.get(path));
          if (row[1]!.value !== null) expect(row[1]!.numFmt?.includes("%"), `${s.name} ${path} ${row[1]!.numFmt}`).toBe(isRate(path));
        }
      }
      expect([...seen].sort()).toEqual([...scalars.keys()].sort());

      const h = report.hotline;
      expect(padded(table(sheet("热线排行"), "按诉求类别").rows, 3)).toEqual(h.by_category.map((c, i) => [i + 1, c.category, c.orders]));
      expect(padded(table(sheet("热线排行"), "按社区").rows, 3)).toEqual(h.by_community.map((c, i) => [i + 1, c.community, c.orders]));
      const units = table(sheet("承办单位"), "承办单位办理情况");
      expect(units.head).toEqual(["承办单位", "受理工单", "办结", "按时办结", "按时办结率", "满意率"]);
      expect(padded(units.rows, 6)).toEqual(h.by_unit.map((u) => [u.unit, u.orders, u.closed, u.closed_on_time, u.on_time_close_rate, u.satisfaction_rate]));
      for (const row of units.rows) for (const c of row.slice(4)) if (c.value !== null) expect(c.numFmt).toBe("0.0%");
      expect(h.by_unit.length).toBeGreaterThan(0);
      const overdue = table(sheet("超期未办结"), "超期最久的工单（办结时限最早的在前）");
      expect(padded(overdue.rows, 6)).toEqual(h.overdue_list.map((o) => [o.order_id, wallTime(o.deadline), o.overdue_days, o.community, o.category, o.unit]));
      const m = report.mediation;
      expect(padded(table(sheet("矛盾调解"), "按纠纷类型").rows, 3)).toEqual(m.by_dispute_type.map((d) => [d.dispute_type, d.registered, d.succeeded]));
      const l = report.litigation;
      expect(padded(table(sheet("复议诉讼"), "按案由（收案）").rows, 2)).toEqual(l.causes.map((c) => [c.cause, c.filed]));
      expect(values(table(sheet("复议诉讼"), "新增案由").rows)).toEqual(l.new_causes.map((c) => [c]));
      expect(padded(table(sheet("建议提案"), "按类别和级别").rows, 6)).toEqual(
        report.supervision.by_kind.map((e) => [`${e.level ?? ""}${e.kind}`, e.kind, e.level, e.received, e.replied, e.replied_on_time]),
      );
      const alerts = table(sheet("预警"), "本期预警").rows;
      expect(alerts.map((r) => r.slice(1).map((c) => c.value))).toEqual(report.alerts.map((a) => [a.rule, a.metric, a.value, a.message]));
      for (const [i, a] of report.alerts.entries()) expect(alerts[i]![3]!.numFmt?.includes("%"), a.rule).toBe(["yoy_increase", "head_appearance", "sla", "unit_sla"].includes(a.rule));
      expect(report.alerts.length).toBeGreaterThan(0);

      const revisions = table(sheet("数据修订"), "自发布以来修订的数据（迟到记录和更正所致）").rows;
      const published = report.published;
      expect(padded(revisions, 4).map((r) => r.slice(1))).toEqual((published?.revisions ?? []).map((v) => [v.published, v.now, v.metric]));
      for (const [i, v] of (published?.revisions ?? []).entries()) expect(revisions[i]![1]!.numFmt?.includes("%"), v.metric).toBe(isRate(v.metric));
      expect(values(table(sheet("数据修订"), "发布").rows)[0]).toEqual(["发布时间", published?.at ?? "本期报告尚未发布"]);
      // The late order revised the published March figures; the year was never published.
      if (period === "2024-03") expect(published?.revisions.map((v) => v.metric)).toContain("hotline.orders");
      else expect(published).toBeNull();
    });
  }

  it("needs --out; a path it cannot write is named, exit code 2", async () => {
    const none = await runCli(["report", "--period", "2024", "--format", "xlsx"], data.env);
    expect([none.code, none.stderr]).toEqual([2, "casepulse: --format xlsx needs --out <file.xlsx>\n"]);
    const bad = await runCli(["report", "--period", "2024", "--format", "xlsx", "--out", join(data.work, "no-such-folder", "r.xlsx")], data.env);
    expect([bad.code, bad.stderr]).toEqual([2, `casepulse: --out ${join(data.work, "no-such-folder", "r.xlsx")}: cannot write (ENOENT)\n`]);
  });
});

describe("report --format pdf", () => {
  it("the HTML report printed to A4 pages, its figures in its text", async () => {
    const report = await cliJson<Report>(["report", "--period", "2024"], data.env);
    const out = join(data.work, "report.pdf");
    const written = await runCli(["report", "--period", "2024", "--format", "pdf", "--out", out], data.env);
    expect(written.code, written.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.subarray(-8).toString()).toMatch(/%%EOF\s*$/);
    const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false }).promise;
    // The header and the six sections, each from a new page.
    expect(doc.numPages).toBeGreaterThanOrEqual(7);
    let text = "";
    for (let i = 1; i <= doc.numPages; i += 1) {
      const page = await doc.getPage(i);
      const [, , width, height] = page.view;
      expect([Math.abs(width! - 595.28) < 1, Math.abs(height! - 841.89) < 1], `page ${i}: ${width} x ${height}`).toEqual([true, true]);
      text += (await page.getTextContent()).items.map((t) => ("str" in t ? t.str : "")).join("");
    }
    // The fonts map some characters to their Kangxi radical forms; NFKC folds them back.
    const plain = text.normalize("NFKC");
    expect(plain).toContain(`受理工单${report.hotline.orders}件`);
    expect(plain).toContain(`审结案件${report.litigation.decided}件`);
    await doc.destroy();
  });

  it("needs --out; without a Chromium, one line and exit code 2", async () => {
    const none = await runCli(["report", "--period", "2024", "--format", "pdf"], data.env);
    expect([none.code, none.stderr]).toEqual([2, "casepulse: --format pdf needs --out <file.pdf>\n"]);
    const missing = join(data.work, "no-chromium");
    const r = await runCli(["report", "--period", "2024", "--format", "pdf", "--out", join(data.work, "x.pdf")], { ...data.env, CASEPULSE_CHROMIUM: missing });
    expect([r.code, r.stderr]).toEqual([2, `casepulse: invalid environment variable CASEPULSE_CHROMIUM (${JSON.stringify(missing)}): not an executable file\n`]);
  });
});
