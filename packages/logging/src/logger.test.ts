import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

const PHONE = "13800138000";
const TEXT = "楼顶违建，张三投诉";

/** A logger writing into an array of lines. */
function capture(level = "info") {
  const lines: string[] = [];
  const logger = createLogger({ name: "test", level, destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines };
}

function logOnce(obj: Record<string, unknown>): { raw: string; parsed: Record<string, unknown> } {
  const { logger, lines } = capture();
  logger.info(obj, "hello");
  expect(lines).toHaveLength(1);
  const raw = lines[0]!;
  return { raw, parsed: JSON.parse(raw) as Record<string, unknown> };
}

describe("createLogger: personal data is redacted wherever it is in the logged object", () => {
  it.each([
    { where: "top level", obj: { caller_phone: PHONE, content: TEXT }, paths: [["caller_phone"], ["content"]] },
    { where: "one level down", obj: { record: { caller_phone: PHONE, content: TEXT } }, paths: [["record", "caller_phone"], ["record", "content"]] },
    {
      where: "two levels down",
      obj: { job: { record: { caller_phone: PHONE, content: TEXT } } },
      paths: [["job", "record", "caller_phone"], ["job", "record", "content"]],
    },
    {
      where: "in an array of records",
      obj: { records: [{ caller_phone: PHONE, content: TEXT }] },
      paths: [["records", "0", "caller_phone"], ["records", "0", "content"]],
    },
    {
      where: "three levels down",
      obj: { batch: { job: { record: { caller_phone: PHONE, content: TEXT } } } },
      paths: [["batch", "job", "record", "caller_phone"], ["batch", "job", "record", "content"]],
    },
    {
      where: "in an array inside a job",
      obj: { job: { data: { records: [{ caller_phone: PHONE, content: TEXT }] } } },
      paths: [["job", "data", "records", "0", "caller_phone"], ["job", "data", "records", "0", "content"]],
    },
  ])("$where", ({ obj, paths }) => {
    const { raw, parsed } = logOnce(obj);
    expect(raw).not.toContain(PHONE);
    expect(raw).not.toContain("违建");
    for (const path of paths) {
      const value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], parsed);
      expect(value).toBe("[redacted]");
    }
  });

  it.each([
    { key: "password", value: "pw-123456" },
    { key: "CASEPULSE_PII_KEY", value: "pii-key-0123456789" },
    { key: "CLICKHOUSE_PASSWORD", value: "ch-pw-987654" },
    { key: "authorization", value: "Bearer tok-abcdef" },
  ])("secret $key is redacted at top level and nested", ({ key, value }) => {
    const top = logOnce({ [key]: value });
    expect(top.raw).not.toContain(value);
    expect(top.parsed[key]).toBe("[redacted]");
    const nested = logOnce({ config: { [key]: value } });
    expect(nested.raw).not.toContain(value);
  });

  it("other fields and the message are kept", () => {
    const { parsed } = logOnce({ msg_id: "h-1", feed: "hotline", record: { order_id: "GD1", caller_phone: PHONE } });
    expect(parsed).toMatchObject({ msg: "hello", name: "test", msg_id: "h-1", feed: "hotline", record: { order_id: "GD1" } });
  });

  it("the logged object itself is not modified", () => {
    const obj = { record: { caller_phone: PHONE } };
    logOnce(obj);
    expect(obj.record.caller_phone).toBe(PHONE);
  });

  it("a child logger's bindings are redacted too", () => {
    const { logger, lines } = capture();
    logger.child({ caller_phone: PHONE, msg_id: "h-1" }).info("bound");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(PHONE);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg_id: "h-1", msg: "bound" });
  });
});

describe("createLogger: level", () => {
  it.each([
    { level: "info", debugShown: false, infoShown: true },
    { level: "debug", debugShown: true, infoShown: true },
    { level: "warn", debugShown: false, infoShown: false },
  ])("level $level", ({ level, debugShown, infoShown }) => {
    const { logger, lines } = capture(level);
    logger.debug("d");
    logger.info("i");
    expect(lines.some((l) => JSON.parse(l).msg === "d")).toBe(debugShown);
    expect(lines.some((l) => JSON.parse(l).msg === "i")).toBe(infoShown);
  });
});
