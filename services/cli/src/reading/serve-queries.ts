// The query endpoint of a `casepulse start` that holds the embedded folder, and the ops file that
// tells the other commands where it is. It answers on loopback only: on the ops server when
// CASEPULSE_HTTP_HOST is a loopback address, else on a listener of its own at 127.0.0.1 (the ops
// server then faces a network, for Prometheus; the queries never do). See docs/security.md.
import { isIP } from "node:net";
import type { Logger } from "@casepulse/logging";
import { startRouteServer, type OpsServer, type Route } from "@casepulse/ops";
import type { Store } from "@casepulse/store";
import { newToken, opsFilePath, writeOpsFile } from "./ops-file.ts";
import { queryRoute } from "./query-endpoint.ts";

const LOOPBACK = "127.0.0.1";

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return isIP(bare) === 6 && (bare === "::1" || /^::ffff:127\./i.test(bare));
}

export interface QueryServing {
  /** Routes to mount on the ops server (none when it does not listen on loopback). */
  routes: Record<string, Route>;
  /** Once the ops server listens: opens the own listener if needed and writes the ops file. */
  publish(opsPort: number): Promise<void>;
  /** Removes the ops file and closes the own listener; first in a shutdown, before the store closes. */
  close(): Promise<void>;
}

export function serveQueries(store: Store, dataDir: string, opsHost: string, logger: Logger): QueryServing {
  const token = newToken();
  const route = queryRoute(store, token);
  const onOps = isLoopback(opsHost);
  let own: OpsServer | null = null;
  let remove = () => {};
  return {
    routes: onOps ? { "/query": route } : {},
    async publish(opsPort) {
      if (!onOps) own = await startRouteServer(LOOPBACK, 0, { "/query": route });
      const host = onOps ? opsHost : LOOPBACK;
      const port = own?.port ?? opsPort;
      remove = writeOpsFile(dataDir, { host, port, token });
      logger.info({ query: `${host}:${port}`, ops_file: opsFilePath(dataDir) }, "answering read-only commands on the data folder (sql, report, explain, dlq list)");
    },
    async close() {
      remove();
      await own?.close();
    },
  };
}
