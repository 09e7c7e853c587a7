// A local webhook receiver that answers like a WeCom robot (errcode 0) and keeps what it got.
import { createServer } from "node:http";

export interface WebhookReceiver {
  url: string;
  bodies: unknown[];
  close(): Promise<unknown>;
}

export async function webhookReceiver(): Promise<WebhookReceiver> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let body = "";
    // Decoded as a stream: a chunk can end inside a character of an alert's Chinese text.
    req.setEncoding("utf8").on("data", (d: string) => (body += d));
    req.on("end", () => {
      bodies.push(JSON.parse(body));
      res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/robot`, bodies, close: () => new Promise((r) => server.close(r)) };
}
