// The read-only commands' answers from the running `casepulse start` that holds the embedded
// folder: one POST to its query endpoint (query-endpoint.ts) with the token of its ops file.
import { NotReadOnlyError, StoreError } from "@casepulse/store";
import { UsageError } from "../usage-error.ts";
import type { OpsFile } from "./ops-file.ts";
import type { Reader } from "./reader.ts";

/** The error a refused request carries: {error: {name, message, retryable?}}. */
export interface ErrorBody {
  error: { name: string; message: string; retryable?: boolean };
}

const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

/** The same error the command would have met on its own: a usage mistake stays exit 2. */
function asError(body: ErrorBody["error"], who: string): Error {
  if (body.name === "NotReadOnlyError") return new NotReadOnlyError(body.message);
  if (body.name === "UsageError") return new UsageError(body.message);
  if (body.name === "StoreError") return new StoreError(body.message, body.retryable === true);
  return new StoreError(`${who} refused the query: ${body.message}`, false);
}

/** The answer's text as chunks of whole lines, as the store gives them. */
async function* lines(body: AsyncIterable<Uint8Array>, who: string): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let rest = "";
  try {
    for await (const chunk of body) {
      const parts = (rest + decoder.decode(chunk, { stream: true })).split("\n");
      rest = parts.pop()!;
      for (const part of parts) yield `${part}\n`;
    }
  } catch (err) {
    throw new StoreError(`${who} stopped answering half-way (${(err as Error).message})`, true);
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

export function remoteReader(start: OpsFile, database: string): Reader {
  const who = `casepulse start (pid ${start.pid})`;
  const url = `http://${urlHost(start.host)}:${start.port}/query`;
  async function ask(request: object): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${start.token}`, "content-type": "application/json" },
        body: JSON.stringify({ ...request, database }),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new StoreError(`${who} holds the data folder but does not answer on ${start.host}:${start.port} (${cause})`, true);
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as ErrorBody | null;
      throw asError(body?.error ?? { name: "Error", message: `HTTP ${res.status}` }, who);
    }
    return res;
  }
  const json = async <T>(request: object) => (await (await ask(request)).json()) as T;
  return {
    sql: async (sql, params, format) => lines((await ask({ op: "sql", sql, params, format })).body!, who),
    report: (request) => json({ op: "report", ...request }),
    explain: (request) => json({ op: "explain", ...request }),
    dlqList: (request) => json({ op: "dlq-list", ...request }),
  };
}
