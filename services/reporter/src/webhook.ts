// Alert delivery to a group robot (WeCom, DingTalk: markdown messages) or any endpoint (JSON).
// The robots answer HTTP 200 even when they refuse a message; their verdict is the body's errcode.
import type { Alert } from "@casepulse/reporting";

export type WebhookKind = "json" | "wecom" | "dingtalk";

/** Message size limits of the robots, in UTF-8 bytes (WeCom markdown 4096; DingTalk ~20000). */
const MAX_BYTES: Record<Exclude<WebhookKind, "json">, number> = { wecom: 4096, dingtalk: 20_000 };

/** Robot errcodes that mean "later": WeCom -1 system busy, 45009 rate limit; DingTalk 130101 too fast. */
const RETRYABLE_ERRCODES = new Set([-1, 45009, 130101]);

/** The markdown text: a title line and one bullet per alert, cut to `maxBytes` with a count of what was left out. */
export function alertMarkdown(title: string, alerts: readonly Alert[], maxBytes: number): string {
  const bytes = (s: string) => Buffer.byteLength(s, "utf8");
  const lines = [`### ${title}`];
  for (const [i, a] of alerts.entries()) {
    // Keep room for the closing "另有N条" line whenever alerts remain after this one.
    const rest = alerts.length - i - 1;
    const tail = rest > 0 ? `\n- ……另有${rest}条预警，详见报告` : "";
    const candidate = [...lines, `- ${a.message}`].join("\n");
    if (bytes(candidate + tail) > maxBytes) {
      lines.push(`- ……另有${alerts.length - i}条预警，详见报告`);
      break;
    }
    lines.push(`- ${a.message}`);
  }
  return lines.join("\n");
}

/** `street`: the street whose report raised the alerts (its name in the title); null for the whole deployment's. */
export function webhookBody(kind: WebhookKind, period: string, alerts: readonly Alert[], street: string | null = null): object {
  const title = `casepulse ${period}${street === null ? "" : ` ${street}`} 预警（${alerts.length}条）`;
  if (kind === "wecom") return { msgtype: "markdown", markdown: { content: alertMarkdown(title, alerts, MAX_BYTES.wecom) } };
  if (kind === "dingtalk") return { msgtype: "markdown", markdown: { title, text: alertMarkdown(title, alerts, MAX_BYTES.dingtalk) } };
  return street === null ? { period, alerts } : { period, street, alerts };
}

/** Delivery gave up. `retryable`: whether trying again later may help (not for a refused message). */
export class WebhookError extends Error {
  override readonly name = "WebhookError";
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly attempts: number,
  ) {
    super(message);
  }
}

export interface DeliveryOptions {
  url: string;
  kind: WebhookKind;
  /** Attempts in all, the first included. Default 5. */
  attempts?: number;
  /** First retry delay in ms; doubles each time, at most maxBackoffMs. Default 500. */
  backoffMs?: number;
  /** Cap of one wait, also of a Retry-After the server asks for. Default 30000. */
  maxBackoffMs?: number;
  /** Per attempt. Default 10000. */
  timeoutMs?: number;
}

type Verdict = { ok: true } | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number };

/** What one answer means. Never quotes the URL: robot URLs carry their access key. */
async function verdict(kind: WebhookKind, res: Response): Promise<Verdict> {
  const text = await res.text();
  if (!res.ok) {
    const seconds = Number(res.headers.get("retry-after"));
    const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
    return { ok: false, retryable, reason: `HTTP ${res.status}`, ...(seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  if (kind === "json") return { ok: true };
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return { ok: false, retryable: true, reason: "HTTP 200 with a body that is not JSON" };
  }
  const code = Number(answer.errcode);
  if (code === 0) return { ok: true };
  return { ok: false, retryable: RETRYABLE_ERRCODES.has(code), reason: `errcode ${String(answer.errcode)} ${String(answer.errmsg ?? "")}`.trim() };
}

/**
 * Posts the alerts; retries network errors, timeouts, 5xx/408/429 answers and the robots'
 * "busy / too fast" errcodes with exponential backoff. Returns the attempts used.
 */
export async function deliverAlerts(o: DeliveryOptions, period: string, alerts: readonly Alert[], street: string | null = null): Promise<number> {
  const attempts = o.attempts ?? 5;
  const maxWait = o.maxBackoffMs ?? 30_000;
  const body = JSON.stringify(webhookBody(o.kind, period, alerts, street));
  let delay = o.backoffMs ?? 500;
  let last: Verdict & { ok: false } = { ok: false, retryable: true, reason: "not tried" };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(o.url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const v = await verdict(o.kind, res);
      if (v.ok) return attempt;
      last = v;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      last = { ok: false, retryable: true, reason: e.name === "TimeoutError" ? "timed out" : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ""}` };
    }
    if (!last.retryable) throw new WebhookError(`alert webhook refused the message: ${last.reason}`, false, attempt);
    if (attempt < attempts) await new Promise((r) => setTimeout(r, Math.min(maxWait, Math.max(delay, last.retryAfterMs ?? 0))));
    delay *= 2;
  }
  throw new WebhookError(`alert webhook failed after ${attempts} attempts: ${last.reason}`, true, attempts);
}
