import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Alert } from "@casepulse/reporting";
import { alertMarkdown, deliverAlerts, WebhookError, webhookBody, type WebhookKind } from "./webhook.ts";

const ALERTS: Alert[] = [
  { rule: "yoy_increase", metric: "litigation.reconsideration.filed", value: 0.75, message: "行政复议案件同比上升75%" },
  { rule: "new_cause", metric: "litigation.new_causes", value: 2, message: "新增案由：信息公开" },
];

/** One scripted answer: HTTP status and body (a robot's JSON or anything). */
type Answer = [status: number, body: string];
const OK = '{"errcode":0,"errmsg":"ok"}';

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A receiver on 127.0.0.1 that answers from the script in turn (the last answer repeats) and keeps the bodies. */
async function receiver(script: Answer[]) {
  const bodies: unknown[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.setEncoding("utf8").on("data", (d: string) => (text += d));
    req.on("end", () => {
      bodies.push(JSON.parse(text));
      const [status, body] = script[Math.min(bodies.length - 1, script.length - 1)]!;
      res.writeHead(status, { "content-type": "application/json" }).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=SECRET-KEY`, bodies };
}

const fast = { backoffMs: 5, maxBackoffMs: 20, timeoutMs: 2000 };

describe("deliverAlerts against a local receiver", () => {
  it.each<{ kind: WebhookKind; script: Answer[]; used: number }>([
    { kind: "wecom", script: [[200, OK]], used: 1 },
    { kind: "wecom", script: [[500, "busy"], [502, ""], [200, OK]], used: 3 },
    { kind: "dingtalk", script: [[503, ""], [429, ""], [200, OK]], used: 3 },
    { kind: "wecom", script: [[200, '{"errcode":45009,"errmsg":"api freq out of limit"}'], [200, '{"errcode":-1,"errmsg":"system busy"}'], [200, OK]], used: 3 },
    { kind: "dingtalk", script: [[200, '{"errcode":130101,"errmsg":"send too fast"}'], [200, OK]], used: 2 },
    { kind: "json", script: [[500, ""], [500, ""], [204, ""]], used: 3 },
  ])("$kind: fails twice at most then succeeds → $used attempts", async ({ kind, script, used }) => {
    const hook = await receiver(script);
    expect(await deliverAlerts({ url: hook.url, kind, attempts: 5, ...fast }, "2024", ALERTS)).toBe(used);
    expect(hook.bodies).toHaveLength(used);
    // Every attempt posts the same message.
    expect(new Set(hook.bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it.each<{ kind: WebhookKind; answer: Answer; reason: RegExp }>([
    { kind: "wecom", answer: [500, "down"], reason: /failed after 4 attempts: HTTP 500/ },
    { kind: "dingtalk", answer: [200, '{"errcode":130101,"errmsg":"send too fast"}'], reason: /failed after 4 attempts: errcode 130101 send too fast/ },
    { kind: "wecom", answer: [200, "<html>proxy error</html>"], reason: /not JSON/ },
  ])("$kind: a receiver that always fails → WebhookError after every attempt ($reason)", async ({ kind, answer, reason }) => {
    const hook = await receiver([answer]);
    const err = await deliverAlerts({ url: hook.url, kind, attempts: 4, ...fast }, "2024", ALERTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookError);
    expect(err).toMatchObject({ retryable: true, attempts: 4 });
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).not.toContain("SECRET-KEY");
    expect(hook.bodies).toHaveLength(4);
  });

  it.each<{ kind: WebhookKind; answer: Answer; reason: RegExp }>([
    { kind: "wecom", answer: [200, '{"errcode":93000,"errmsg":"invalid webhook url"}'], reason: /refused the message: errcode 93000/ },
    { kind: "dingtalk", answer: [200, '{"errcode":310000,"errmsg":"keywords not in content"}'], reason: /errcode 310000 keywords not in content/ },
    { kind: "json", answer: [404, ""], reason: /refused the message: HTTP 404/ },
    { kind: "json", answer: [400, ""], reason: /HTTP 400/ },
  ])("$kind: a refusal is not retried ($reason)", async ({ kind, answer, reason }) => {
    const hook = await receiver([answer]);
    const err = await deliverAlerts({ url: hook.url, kind, attempts: 5, ...fast }, "2024", ALERTS).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "WebhookError", retryable: false, attempts: 1 });
    expect((err as Error).message).toMatch(reason);
    expect(hook.bodies).toHaveLength(1);
  });

  it("a receiver that is not there: retried, then a retryable WebhookError", async () => {
    const hook = await receiver([[200, OK]]);
    servers.splice(0).forEach((s) => s.close());
    const err = await deliverAlerts({ url: hook.url, kind: "wecom", attempts: 2, ...fast }, "2024", ALERTS).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "WebhookError", retryable: true, attempts: 2 });
    expect((err as Error).message).toMatch(/ECONNREFUSED/);
  });
});

describe("webhookBody: the robots' markdown messages and plain JSON", () => {
  it.each<{ kind: WebhookKind; expected: object }>([
    { kind: "wecom", expected: { msgtype: "markdown", markdown: { content: "### casepulse 2024 预警（2条）\n- 行政复议案件同比上升75%\n- 新增案由：信息公开" } } },
    {
      kind: "dingtalk",
      expected: { msgtype: "markdown", markdown: { title: "casepulse 2024 预警（2条）", text: "### casepulse 2024 预警（2条）\n- 行政复议案件同比上升75%\n- 新增案由：信息公开" } },
    },
    { kind: "json", expected: { period: "2024", alerts: ALERTS } },
  ])("$kind", ({ kind, expected }) => {
    expect(webhookBody(kind, "2024", ALERTS)).toStrictEqual(expected);
  });
});

describe("alertMarkdown: cut to the robot's size limit, saying how many were left out", () => {
  const many = (n: number): Alert[] => Array.from({ length: n }, (_, i) => ({ rule: "new_cause", metric: "litigation.new_causes", value: 1, message: `新增案由：案由${i}` }));
  // By hand: "### T" is 5 bytes; a line "\n- 新增案由：案由N" is 3 + 7 × 3 + digits bytes, and the closing
  // "\n- ……另有R条预警，详见报告" 39 + digits. 300 alerts: 5 + 10 × 25 + 90 × 26 = 2595 bytes for the first
  // 100, then 27 each: 54 more fit with a 42-byte closing line (2595 + 1458 + 42 = 4095).
  it.each([
    { n: 3, max: 4096, lines: 4, last: "- 新增案由：案由2" },
    { n: 300, max: 4096, lines: 156, last: "- ……另有146条预警，详见报告" },
    { n: 5, max: 80, lines: 3, last: "- ……另有4条预警，详见报告" },
  ])("$n alerts within $max bytes → $lines lines", ({ n, max, lines, last }) => {
    const text = alertMarkdown("T", many(n), max);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(max);
    const got = text.split("\n");
    expect(got).toHaveLength(lines);
    expect(got.at(-1)).toBe(last);
    // Lines kept plus the count left out make all the alerts.
    const left = Number(/另有(\d+)条/.exec(last)?.[1] ?? 0);
    expect(got.length - 1 - (left > 0 ? 1 : 0) + left).toBe(n);
  });
});
