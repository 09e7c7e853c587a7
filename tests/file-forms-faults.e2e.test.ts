// Exports that cannot be read at all (FEEDS.md "Files"; the faults users meet): each gets one line
// saying what it is and exit code 2, and stores nothing: no batch, no dead letter, no count.
// Rows that can be read but do not fit are kept with their reason and place, and replay.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliJson, runCli } from "./support/cli.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-form-faults-"));
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: "e2e_form_faults", NODE_ENV: "test" };
const at = (name: string) => join(work, name);

const LIT_HEADER = "案号,案件类型,案由,收案日期,更新时间,案件状态,开庭时间,负责人出庭,处理结果,决定日期";
const LIT_ROWS = [
  "(2024)粤0305行初1号,行政诉讼,信息公开,2024-03-01 09:00:00,2024-04-01 10:00:00,已决定,2024-03-20 09:30:00,是,驳回,2024-04-01 10:00:00",
  // decided without an outcome: rejected, kept with its place (row 3)
  "(2024)粤0305行初2号,行政复议,征收,2024-03-02 09:00:00,2024-03-02 09:00:00,已决定,,,,",
];
const MEDIATION_JSONL = Array.from({ length: 300 }, (_, i) =>
  JSON.stringify({ msg_id: `m-${i}`, case_id: `TJ${i}`, updated_at: "2024-04-01 10:00:00", registered_at: "2024-04-01 09:00:00", kind: "人民调解", dispute_type: "物业纠纷", status: "受理" }),
).join("\n");

type Quality = { received: number; accepted: number; duplicates: number; rejected: number };
const quality = async () => (await cliJson<{ quality: Quality }>(["report", "--period", "2024"], env)).quality;
const deadLetters = async () => {
  const r = await runCli(["dlq", "list", "--json", "--limit", "100000", "--status", "pending"], env);
  return r.stdout.trim() === "" ? [] : r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; source: string; reason: string; msg_id: string | null });
};

async function emptyWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("案件");
  await book.xlsx.writeFile(path);
}

/** A workbook of the litigation rows cut short (a download that broke off): its zip's end is missing. */
async function truncatedWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("案件");
  sheet.addRow(LIT_HEADER.split(","));
  for (let i = 0; i < 500; i += 1) sheet.addRow(LIT_ROWS[0]!.replace("行初1号", `行初${i + 100}号`).split(","));
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("exports that cannot be read at all", () => {
  let before: { quality: Quality; letters: number };
  beforeAll(async () => {
    writeFileSync(at("lit.csv"), `${LIT_HEADER}\n${LIT_ROWS.join("\n")}\n`);
    const r = await cliJson<{ received: number; rejected: number }>(["ingest", "--source", "litigation", "--file", at("lit.csv"), "--json"], env);
    expect(r).toMatchObject({ received: 2, rejected: 1 });
    before = { quality: await quality(), letters: (await deadLetters()).length };
    expect(before.letters).toBe(1);
  });

  const cases: { name: string; feed: string; file: string; make: (path: string) => void | Promise<void>; says: RegExp; args?: string[] }[] = [
    { name: "a UTF-16 JSON-lines export (with BOM)", feed: "mediation", file: "m16.jsonl", make: (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MEDIATION_JSONL, "utf16le")])), says: /UTF-16/ },
    { name: "a UTF-16 CSV without BOM", feed: "litigation", file: "l16.csv", make: (p) => writeFileSync(p, Buffer.from(`${LIT_HEADER}\n${LIT_ROWS[0]}\n`, "utf16le")), says: /UTF-16/ },
    { name: "a gzip mediation export named .jsonl", feed: "mediation", file: "m.jsonl", make: (p) => writeFileSync(p, gzipSync(MEDIATION_JSONL)), says: /gzip-compressed.*\.gz/ },
    { name: "a gzip CSV named .csv", feed: "litigation", file: "l.csv", make: (p) => writeFileSync(p, gzipSync(`${LIT_HEADER}\n${LIT_ROWS[0]}\n`)), says: /gzip-compressed/ },
    { name: "a .gz that is not gzip", feed: "mediation", file: "m2.jsonl.gz", make: (p) => writeFileSync(p, MEDIATION_JSONL), says: /not gzip-compressed/ },
    { name: "a truncated .jsonl.gz", feed: "mediation", file: "m3.jsonl.gz", make: (p) => writeFileSync(p, gzipSync(MEDIATION_JSONL).subarray(0, 400)), says: /decompress/ },
    { name: "binary data", feed: "mediation", file: "bin.jsonl", make: (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), says: /binary/ },
    { name: "a file that is not JSON lines at all", feed: "mediation", file: "page.jsonl", make: (p) => writeFileSync(p, "<html>\n<body>502 Bad Gateway</body>\n</html>\n"), says: /not JSON lines/ },
    { name: "a CSV named .jsonl", feed: "litigation", file: "lit.jsonl", make: (p) => writeFileSync(p, `${LIT_HEADER}\n${LIT_ROWS[0]}\n`), says: /not JSON lines.*--format csv/ },
    { name: "a CSV named .xlsx (the wrong format)", feed: "litigation", file: "lit-text.xlsx", make: (p) => writeFileSync(p, `${LIT_HEADER}\n${LIT_ROWS[0]}\n`), says: /not an \.xlsx workbook/ },
    { name: "an .xlsx given as --format csv", feed: "litigation", file: "book.xlsx", make: (p) => emptyWorkbook(p), says: /zip archive/, args: ["--format", "csv"] },
    {
      name: "a password-protected (encrypted) workbook",
      feed: "litigation",
      file: "locked.xlsx",
      make: (p) => writeFileSync(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)])),
      says: /password-protected/,
    },
    { name: "a truncated .xlsx (half of its bytes)", feed: "litigation", file: "cut.xlsx", make: (p) => truncatedWorkbook(p), says: /not a readable \.xlsx workbook/ },
    { name: "an empty first worksheet", feed: "litigation", file: "empty.xlsx", make: (p) => emptyWorkbook(p), says: /empty first worksheet/ },
    { name: "an empty CSV", feed: "litigation", file: "empty.csv", make: (p) => writeFileSync(p, ""), says: /empty/ },
    { name: "a header naming no key", feed: "litigation", file: "nokey.csv", make: (p) => writeFileSync(p, "序号,姓名,备注\n1,张三,无\n"), says: /names no key of the litigation feed/ },
    { name: "two columns giving one key", feed: "hotline", file: "twice.csv", make: (p) => writeFileSync(p, "工单编号,街道,所属街道\nGD1,蛇口街道,蛇口街道\n"), says: /both give street/ },
    { name: "a name that says no form", feed: "litigation", file: "lit.txt", make: (p) => writeFileSync(p, `${LIT_HEADER}\n`), says: /--format/ },
    {
      name: "a mapping to a key the feed does not have",
      feed: "litigation",
      file: "mapped.csv",
      make: (p) => (writeFileSync(p, `${LIT_HEADER}\n`), writeFileSync(at("bad-map.json"), JSON.stringify({ columns: { 序号: "serial" } }))),
      says: /--mapping .*"serial" is not a key/,
      args: ["--mapping", at("bad-map.json")],
    },
  ];

  it.each(cases)("$name: one line, exit 2, nothing stored", async ({ feed, file, make, says, args = [] }) => {
    await make(at(file));
    const r = await runCli(["ingest", "--source", feed, "--file", at(file), ...args], env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^casepulse: --(file|mapping) /);
    expect(lines[0]).toMatch(says);
  });

  it("the store is as it was: no batch, no dead letter, no count", async () => {
    expect(await quality()).toEqual(before.quality);
    expect((await deadLetters()).length).toBe(before.letters);
  });

  it("a GB18030 CSV standard input with --format csv is read", async () => {
    const bytes = iconv.encode(`${LIT_HEADER}\r\n${LIT_ROWS[0]!.replace("行初1号", "行初9号")}\r\n`, "gb18030");
    const { spawn } = await import("node:child_process");
    const { ROOT } = await import("./support/cli.ts");
    const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}/services/cli/src/main.ts`, "ingest", "--source", "litigation", "--file", "-", "--format", "csv", "--json"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stdin.end(bytes);
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ received: 1, accepted: 1, rejected: 0 });
  });
});

describe("rows that do not fit: kept with reason and place, replayed", () => {
  it("dlq list shows file:row; replay as stored is rejected again; --fixed stores the corrected record", async () => {
    const letters = await deadLetters();
    const letter = letters.find((l) => l.source === "file:lit.csv:3");
    expect(letter, JSON.stringify(letters)).toBeDefined();
    expect(letter!.reason).toMatch(/outcome/);
    expect(letter!.msg_id).toMatch(/^row-[0-9a-f]{32}$/);
    const again = await runCli(["dlq", "replay", "--source", "litigation"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/1 still rejected/);
    // Still rejected, so still pending (under its id or a new one): the sealed row replays as it was.
    const retried = (await deadLetters()).find((l) => l.msg_id === letter!.msg_id && l.reason === letter!.reason);
    expect(retried).toBeDefined();
    const fixed = {
      msg_id: letter!.msg_id,
      case_id: "(2024)粤0305行初2号",
      kind: "行政复议",
      cause: "征收",
      filed_at: "2024-03-02 09:00:00",
      updated_at: "2024-03-02 09:00:00",
      status: "decided",
      outcome: "revoked",
      decided_at: "2024-03-02 09:00:00",
    };
    writeFileSync(at("fixed.json"), JSON.stringify(fixed));
    const before = await cliJson<{ litigation: { reconsideration: { filed: number; corrected: number } } }>(["report", "--period", "2024"], env);
    const r = await runCli(["dlq", "replay", "--id", retried!.id, "--fixed", at("fixed.json")], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 accepted/);
    const after = await cliJson<{ litigation: { reconsideration: { filed: number; corrected: number } } }>(["report", "--period", "2024"], env);
    expect(after.litigation.reconsideration).toMatchObject({ filed: before.litigation.reconsideration.filed + 1, corrected: before.litigation.reconsideration.corrected + 1 });
  });
});
