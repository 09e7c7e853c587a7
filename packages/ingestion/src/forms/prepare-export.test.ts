import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { Feed } from "@casepulse/feeds";
import { createPiiProtector } from "@casepulse/normalize";
import { prepareExport, preparedAsIs } from "./prepare-export.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-prepare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pii = createPiiProtector("prepare-export-test-key-01");

async function read(name: string, content: Buffer | string, feed: Feed, extra: { encoding?: "utf-8" | "gb18030" } = {}) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const p = await prepareExport({ path, name, feed, pii, tmpDir: dir, ...extra });
  try {
    const lines = readFileSync(p.path, "utf8").split("\n").filter((l) => l !== "");
    return { records: lines.map((l) => JSON.parse(l) as Record<string, unknown>), rows: [...(p.lineRows ?? [])], ignored: p.ignored, encoding: p.encoding, same: p.path === path };
  } finally {
    p.remove();
  }
}

const CSV = '\ufeff案件编号,纠纷类型,当事人数,备注\nTJ1,"物业纠纷,噪音",3,"两行\n备注"\n\nTJ2,邻里纠纷,,\n';

describe("prepareExport: CSV", () => {
  it("UTF-8 with BOM, quoted commas and newlines, a blank row: each record keeps its row", async () => {
    const r = await read("a.csv", CSV, "mediation");
    expect(r.encoding).toBe("utf-8");
    expect(r.records.map(({ msg_id: _, ...rest }) => rest)).toStrictEqual([
      { case_id: "TJ1", dispute_type: "物业纠纷,噪音", parties: 3 },
      { case_id: "TJ2", dispute_type: "邻里纠纷" },
    ]);
    expect(r.rows).toStrictEqual([2, 4]);
    expect(r.ignored).toStrictEqual(["备注"]);
  });
  it("GB18030 (Excel on Chinese Windows) is detected; the same rows come out", async () => {
    const gbk = await read("b.csv", iconv.encode(CSV.slice(1).replaceAll("\n", "\r\n"), "gb18030"), "mediation");
    const utf8 = await read("a2.csv", CSV, "mediation");
    expect(gbk.encoding).toBe("gb18030");
    expect(gbk.records).toStrictEqual(utf8.records);
  });
  it("--encoding utf-8 forced on a GB18030 file reads no header", async () => {
    await expect(read("c.csv", iconv.encode(CSV, "gb18030"), "mediation", { encoding: "utf-8" })).rejects.toThrow(/names no key/);
  });
  it(".csv.gz is decompressed", async () => {
    const r = await read("d.csv.gz", gzipSync(CSV), "mediation");
    expect(r.records).toHaveLength(2);
  });
  it("plain JSON lines are read where they are", async () => {
    const r = await read("e.jsonl", '{"msg_id":"x"}\n', "mediation");
    expect(r.same).toBe(true);
  });
});

describe("prepareExport: .xlsx", () => {
  it("date cells as Shanghai wall time, numbers in text keys as decimal text, Chinese values, sheet row numbers", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("案件列表");
    sheet.addRow(["案号", "收案日期", "案件状态", "负责人出庭", "开庭时间"]);
    // Excel's serial 45383.4375 with a date format: 2024-04-01 10:30 (exceljs writes a Date as that serial).
    const hearing = sheet.addRow([123, new Date(Date.UTC(2024, 3, 1, 10, 30)), "已决定", "否", 45383.4375]);
    hearing.getCell(2).numFmt = "yyyy/m/d h:mm";
    hearing.getCell(5).numFmt = "yyyy-mm-dd hh:mm:ss";
    sheet.getRow(4).values = ["(2024)粤0305行初5号", "2024-03-01 09:00:00", "审理中", true];
    const path = join(dir, "book.xlsx");
    await book.xlsx.writeFile(path);
    const r = await read("book.xlsx", readFileSync(path), "litigation");
    expect(r.records.map(({ msg_id: _, ...rest }) => rest)).toStrictEqual([
      { case_id: "123", filed_at: "2024-04-01 10:30:00", status: "decided", head_appeared: false, hearing_at: "2024-04-01 10:30:00" },
      { case_id: "(2024)粤0305行初5号", filed_at: "2024-03-01 09:00:00", status: "hearing", head_appeared: true },
    ]);
    expect(r.rows).toStrictEqual([2, 4]);
  });
  it("a streamed workbook (archive order: worksheet first) with shared strings reads the same", async () => {
    const path = join(dir, "streamed.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const sheet = writer.addWorksheet("x");
    sheet.addRow(["工单编号", "登记时间", "诉求类别", "所属社区", "办结时限"]).commit();
    const row = sheet.addRow(["GD1", new Date(Date.UTC(2024, 3, 1, 10, 30)), "城乡建设/违法建设", "湾厦社区", "2024-04-10 18:00:00"]);
    row.getCell(2).numFmt = "yyyy-mm-dd hh:mm:ss";
    row.commit();
    sheet.commit();
    await writer.commit();
    const r = await read("streamed.xlsx", readFileSync(path), "hotline");
    expect(r.records).toStrictEqual([
      {
        msg_id: "GD1:登记:2024-04-01 10:30:00",
        order_id: "GD1",
        event: "登记",
        event_time: "2024-04-01 10:30:00",
        category: "城乡建设/违法建设",
        community: "湾厦社区",
        deadline: "2024-04-10 18:00:00",
      },
    ]);
  });
});

describe("prepareExport: a site's own headers through --mapping (samples/mapping-example.json)", () => {
  it("its names and values become the contract's; unmapped columns are ignored", async () => {
    const csv = [
      "案件字号,案件类别,案由,立案日期,最后更新,审理阶段,开庭日期,行政机关负责人是否出庭,裁判结果,裁判日期,承办法官",
      "(2024)粤0305行初7号,行政诉讼案件,信息公开,2024-03-01 09:00:00,2024-05-01 10:00:00,已判决,2024-04-02 09:30:00,未出庭,判决撤销,2024-05-01 10:00:00,王某",
    ].join("\n");
    const path = join(dir, "court.csv");
    writeFileSync(path, csv);
    const mappingPath = new URL("../../../../samples/mapping-example.json", import.meta.url).pathname;
    const p = await prepareExport({ path, name: "court.csv", feed: "litigation", pii, tmpDir: dir, mappingPath });
    try {
      const [record] = readFileSync(p.path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(record).toMatchObject({
        case_id: "(2024)粤0305行初7号",
        kind: "litigation",
        cause: "信息公开",
        status: "decided",
        head_appeared: false,
        outcome: "revoked",
        hearing_at: "2024-04-02 09:30:00",
      });
      expect(p.ignored).toStrictEqual(["承办法官"]);
    } finally {
      p.remove();
    }
  });
});

describe("preparedAsIs: what the main thread decides before a thread converts", () => {
  const at = (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return { path, name, feed: "mediation" as Feed, tmpDir: dir };
  };
  it("plain JSON lines are the export itself", async () => {
    const o = at("f.jsonl", '{"msg_id":"x"}\n');
    expect(await preparedAsIs(o)).toMatchObject({ path: o.path, form: "jsonl", lineRows: null, ignored: [] });
  });
  it("gzip-compressed JSON lines, a CSV and a workbook are left to prepareExport", async () => {
    expect(await preparedAsIs(at("g.jsonl.gz", gzipSync('{"msg_id":"x"}\n')))).toBeNull();
    expect(await preparedAsIs(at("h.csv", CSV))).toBeNull();
    const book = new ExcelJS.Workbook();
    book.addWorksheet("s").addRow(["案件编号"]);
    expect(await preparedAsIs(at("i.xlsx", Buffer.from(await book.xlsx.writeBuffer())))).toBeNull();
  });
  it("refuses what prepareExport refuses, with the same message", async () => {
    for (const [name, content, extra] of [
      ["j.jsonl", "案件编号,纠纷类型\nTJ1,物业纠纷\n", {}],
      ["k.jsonl", '{"msg_id":"x"}\n', { mappingPath: join(dir, "none.json") }],
      ["l.jsonl", '{"msg_id":"x"}\n', { encoding: "utf-8" as const }],
      ["m.txt", '{"msg_id":"x"}\n', {}],
    ] as const) {
      const o = { ...at(name, content), ...extra };
      const expected = await prepareExport({ ...o, pii }).then(() => "no error", (err: Error) => err.message);
      expect(expected).not.toBe("no error");
      await expect(preparedAsIs(o)).rejects.toThrow(expected);
    }
  });
});
