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

/**
 * The embedded engine's folder (CASEPULSE_DATA) cannot be used: a file is there, it cannot be
 * made, or it is read-only. Configuration, not a store failure: the command cannot run until the
 * folder is changed.
 */
export class DataFolderError extends Error {
  override readonly name = "DataFolderError";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`data folder ${path}: ${problem}`);
  }
}

const RETRYABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "UND_ERR_SOCKET"]);
// ClickHouse codes for overload and transient states: TOO_MANY_PARTS, TIMEOUT_EXCEEDED, SOCKET_TIMEOUT,
// NETWORK_ERROR, TOO_MANY_SIMULTANEOUS_QUERIES, MEMORY_LIMIT_EXCEEDED, TABLE_IS_READ_ONLY.
const RETRYABLE_CLICKHOUSE = new Set(["252", "159", "209", "210", "202", "241", "242"]);
/** A full disk, as the engine reserves space for a part (NOT_ENOUGH_SPACE, 243) or as a write fails (ENOSPC). */
const DISK_FULL = /NOT_ENOUGH_SPACE|No space left on device|\bENOSPC\b|Cannot reserve [^,]*, not enough space/;

/**
 * `where`: the disk a full-disk error is about (the embedded engine's data folder, or the
 * server's); such an error is retryable (the store worker must keep its job until space is
 * freed) and names that place.
 */
export function toStoreError(err: unknown, what: string, where?: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: unknown; message?: unknown };
  const code = String(e?.code ?? "");
  const detail = err instanceof Error ? err.message : String(err);
  if (DISK_FULL.test(detail) || code === "ENOSPC" || code === "243") {
    const reserve = /Cannot reserve [^,]*/.exec(detail)?.[0];
    return new StoreError(`no space left on the disk of ${where ?? "the ClickHouse server"}: ${what} (${reserve ?? "no space left on device"}); free space there, then run the same command again`, true, { cause: err });
  }
  const retryable = RETRYABLE_CODES.has(code) || RETRYABLE_CLICKHOUSE.has(code) || /socket hang up|timeout/i.test(String(e?.message));
  return new StoreError(`${what}: ${detail}`, retryable, { cause: err });
}
