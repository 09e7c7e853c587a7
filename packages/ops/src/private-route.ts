// A route for the process's own user only: POST with a JSON body and the bearer token that the
// process wrote where only that user can read it. Other methods, a missing or wrong token and an
// oversized or unreadable body are refused before the handler runs.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "./http-server.ts";

/** What the handler answers: a JSON value, or text chunks streamed as they come. */
export type Reply = { status: number; json: unknown } | { status: 200; text: AsyncIterable<string> };

const MAX_BODY_BYTES = 1 << 20;
const digest = (text: string) => createHash("sha256").update(text).digest();

/** A refusal, in the JSON shape the handler's own errors use: {error: {name, message}}. */
function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify({ error: { name: "RequestError", message } }));
}

async function body(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function privateRoute(token: string, handle: (request: unknown) => Promise<Reply>): Route {
  const expected = digest(`Bearer ${token}`);
  return async (req, res) => {
    if (req.method !== "POST") return refuse(res, 405, "POST only", { allow: "POST" });
    // Digests of equal length, compared in constant time: the answer's timing says nothing of the token.
    if (!timingSafeEqual(digest(req.headers.authorization ?? ""), expected)) return refuse(res, 401, "missing or wrong token");
    const text = await body(req);
    if (text === null) return refuse(res, 413, `request body over ${MAX_BODY_BYTES} bytes`);
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      return refuse(res, 400, "request body is not JSON");
    }
    const reply = await handle(request);
    if ("json" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.json));
      return;
    }
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    // A failure half-way cuts the answer off: the client sees a broken response, never a short one.
    for await (const chunk of reply.text) {
      if (res.destroyed) return; // the client has gone
      if (!res.write(chunk)) await new Promise((resolve) => (res.once("drain", resolve), res.once("close", resolve)));
    }
    res.end();
  };
}
