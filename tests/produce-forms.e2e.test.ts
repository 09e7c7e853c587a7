// `casepulse produce --file` takes the forms `ingest` takes (FEEDS.md "Files"), on the real
// broker: a 12345 order list .xlsx is published as its steps' records, each keyed by its order;
// a CSV's rows as their records; an unreadable file publishes nothing.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topicVariable } from "@casepulse/config";
import { runCli } from "./support/cli.ts";
import { ensureServices, type Services } from "./support/services.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-produce-forms-"));
const id = `pf${randomBytes(4).toString("hex")}`;
let services: Services;
let env: Record<string, string>;

beforeAll(async () => {
  services = await ensureServices();
  env = { KAFKA_BROKERS: services.kafkaBrokers, [topicVariable("hotline")]: `${id}.hotline`, [topicVariable("mediation")]: `${id}.mediation`, NODE_ENV: "test" };
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await services?.stop();
});

/** Every message of a topic, from its start. */
async function messages(topic: string, expected: number): Promise<{ key: string | null; value: Record<string, unknown> }[]> {
  const kafka = new Kafka({ brokers: services.kafkaBrokers.split(","), clientId: `${id}-check`, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `${id}-${topic}` });
  const got: { key: string | null; value: Record<string, unknown> }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${got.length} of ${expected} messages on ${topic}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          got.push({ key: message.key?.toString() ?? null, value: JSON.parse(message.value!.toString()) as Record<string, unknown> });
          if (got.length >= expected) (clearTimeout(timer), resolve());
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

async function topicOffsets(topic: string): Promise<number | null> {
  const admin = new Kafka({ brokers: services.kafkaBrokers.split(","), clientId: `${id}-admin`, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return null;
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

describe("produce --file in every form", () => {
  it("a 12345 order list .xlsx: one message per step, keyed by order, msg_id order:event:time", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("工单");
    sheet.addRow(["工单编号", "登记时间", "诉求类别", "所属社区", "办结时限", "派发时间", "承办单位", "办结时间"]);
    const row = sheet.addRow(["GD9001", new Date(Date.UTC(2024, 3, 1, 9, 0)), "城乡建设/违法建设", "湾厦社区", "2024-04-10 18:00:00", new Date(Date.UTC(2024, 3, 1, 10, 0)), "执法队", null]);
    row.getCell(2).numFmt = "yyyy-mm-dd hh:mm:ss";
    row.getCell(6).numFmt = "yyyy-mm-dd hh:mm:ss";
    sheet.addRow(["GD9002", "2024-04-02 08:00:00", "环境保护/噪音扰民", "渔一社区", "2024-04-07 18:00:00", null, null, "2024-04-03 12:00:00"]);
    await book.xlsx.writeFile(join(work, "orders.xlsx"));
    const r = await runCli(["produce", "--source", "hotline", "--file", join(work, "orders.xlsx")], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("4 messages published");
    // Partitions are consumed in no set order: compared by order and time.
    const at = (m: { key: string | null; value: Record<string, unknown> }) => `${m.key} ${String(m.value.event_time)}`;
    const got = (await messages(`${id}.hotline`, 4)).sort((a, b) => (at(a) < at(b) ? -1 : 1));
    expect(got.map((m) => [m.key, m.value.msg_id])).toStrictEqual([
      ["GD9001", "GD9001:登记:2024-04-01 09:00:00"],
      ["GD9001", "GD9001:派发:2024-04-01 10:00:00"],
      ["GD9002", "GD9002:登记:2024-04-02 08:00:00"],
      ["GD9002", "GD9002:办结:2024-04-03 12:00:00"],
    ]);
    expect(got.find((m) => m.value.event === "派发")!.value).toStrictEqual({ msg_id: "GD9001:派发:2024-04-01 10:00:00", order_id: "GD9001", event: "派发", event_time: "2024-04-01 10:00:00", unit: "执法队" });
  });

  it("an unreadable file (gzip named .csv) publishes nothing: one line, exit 2", async () => {
    writeFileSync(join(work, "register.csv"), gzipSync("案件编号,更新时间\nTJ1,2024-04-01 10:00:00\n"));
    const r = await runCli(["produce", "--source", "mediation", "--file", join(work, "register.csv")], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/gzip-compressed/);
    expect(await topicOffsets(`${id}.mediation`)).toBeNull();
  });

  it("a mediation register CSV without msg_ids: each row's record with its derived id, keyed by case", async () => {
    const csv = "案件编号,更新时间,受理日期,调解类型,纠纷类型,案件状态,当事人数\nTJ1,2024-04-01 10:00:00,2024-04-01 09:00:00,人民调解,物业纠纷,受理,2\n";
    writeFileSync(join(work, "register2.csv"), csv);
    const r = await runCli(["produce", "--source", "mediation", "--file", join(work, "register2.csv")], env);
    expect(r.code, r.stderr).toBe(0);
    const [m] = await messages(`${id}.mediation`, 1);
    expect(m!.key).toBe("TJ1");
    expect(m!.value).toMatchObject({ case_id: "TJ1", parties: 2, kind: "人民调解" });
    expect(m!.value.msg_id).toMatch(/^row-[0-9a-f]{32}$/);
  });
});
