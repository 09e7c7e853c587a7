// Alert delivery to a group robot (WeCom, DingTalk: markdown messages) or any endpoint (JSON).
import type { Alert } from "@casepulse/reporting";

export type WebhookKind = "json" | "wecom" | "dingtalk";

export function webhookBody(kind: WebhookKind, period: string, alerts: readonly Alert[]): object {
  const title = `casepulse ${period} 预警（${alerts.length}条）`;
  const text = [`### ${title}`, ...alerts.map((a) => `- ${a.message}`)].join("\n");
  if (kind === "wecom") return { msgtype: "markdown", markdown: { content: text } };
  if (kind === "dingtalk") return { msgtype: "markdown", markdown: { title, text } };
  return { period, alerts };
}

export interface DeliveryOptions {
  url: string;
  kind: WebhookKind;
  attempts?: number;
  /** First retry delay; doubles each time. */
  backoffMs?: number;
  timeoutMs?: number;
}

/** Posts the alerts; retries on network errors and 5xx/429 answers. Returns the attempts used. */
export async function deliverAlerts(o: DeliveryOptions, period: string, alerts: readonly Alert[]): Promise<number> {
  const attempts = o.attempts ?? 5;
  let delay = o.backoffMs ?? 500;
  let lastError = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(o.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(webhookBody(o.kind, period, alerts)),
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      if (res.ok) return attempt;
      lastError = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429) break;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, delay));
    delay *= 2;
  }
  throw new Error(`alert webhook failed: ${lastError}`);
}
