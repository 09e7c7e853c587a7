/** A store failure that says whether trying again can help (a server down) or not (bad SQL). */
export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const RETRYABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET"]);
// ClickHouse codes for overload and transient states: TOO_MANY_PARTS, TIMEOUT_EXCEEDED, SOCKET_TIMEOUT,
// NETWORK_ERROR, TOO_MANY_SIMULTANEOUS_QUERIES, MEMORY_LIMIT_EXCEEDED, TABLE_IS_READ_ONLY.
const RETRYABLE_CLICKHOUSE = new Set(["252", "159", "209", "210", "202", "241", "242"]);

export function toStoreError(err: unknown, what: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = String(e?.code ?? "");
  const retryable = RETRYABLE_CODES.has(code) || RETRYABLE_CLICKHOUSE.has(code) || /socket hang up|timeout/i.test(String(e?.message));
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError(`${what}: ${detail}`, retryable, { cause: err });
}
