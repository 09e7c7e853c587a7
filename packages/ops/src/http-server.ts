// /healthz (the process answers), /readyz (every role is ready), /metrics (Prometheus).
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";
import type { Service } from "./service.ts";

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

export async function startOpsServer(options: {
  host: string;
  port: number;
  registry: Registry;
  services: () => readonly Service[];
  /** Refreshes gauges (lag, queue depth) just before a scrape. */
  beforeScrape?: () => Promise<void>;
}): Promise<OpsServer> {
  const server: Server = createServer(async (req, res) => {
    try {
      if (req.url === "/healthz") {
        res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      } else if (req.url === "/readyz") {
        const states = await Promise.all(options.services().map(async (s) => [s.name, await s.ready()] as const));
        const ready = states.length > 0 && states.every(([, ok]) => ok);
        res.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(Object.fromEntries(states)));
      } else if (req.url === "/metrics") {
        await options.beforeScrape?.().catch(() => undefined);
        res.writeHead(200, { "content-type": options.registry.contentType }).end(await options.registry.metrics());
      } else {
        res.writeHead(404).end();
      }
    } catch (err) {
      res.writeHead(500).end(String((err as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
