// /healthz (the process answers), /readyz (every role is ready), /metrics (Prometheus), and any
// routes the process adds (the read-only query endpoint of `casepulse start`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Service } from "./service.ts";

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Answers one request on its path (the URL without its query string). */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function startOpsServer(options: {
  host: string;
  port: number;
  registry: Registry;
  services: () => readonly Service[];
  /** Refreshes gauges (lag, queue depth) just before a scrape. */
  beforeScrape?: () => Promise<void>;
  routes?: Readonly<Record<string, Route>>;
}): Promise<OpsServer> {
  return startRouteServer(options.host, options.port, {
    "/healthz": async (_req, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("ok\n"),
    "/readyz": async (_req, res) => {
      const states = await Promise.all(options.services().map(async (s) => [s.name, await s.ready()] as const));
      const ready = states.length > 0 && states.every(([, ok]) => ok);
      res.writeHead(ready ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(Object.fromEntries(states)));
    },
    "/metrics": async (_req, res) => {
      await options.beforeScrape?.().catch(() => undefined);
      res.writeHead(200, { "content-type": options.registry.contentType }).end(await options.registry.metrics());
    },
    ...options.routes,
  });
}

/** An HTTP server of these routes only; 404 for any other path. */
export async function startRouteServer(host: string, port: number, routes: Readonly<Record<string, Route>>): Promise<OpsServer> {
  const server: Server = createServer(async (req, res) => {
    const route = Object.hasOwn(routes, path(req.url)) ? routes[path(req.url)] : undefined;
    try {
      if (route) await route(req, res);
      else res.writeHead(404).end();
    } catch (err) {
      if (res.headersSent) res.destroy(err as Error);
      else res.writeHead(500).end(String((err as Error).message));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // An idle keep-alive connection would hold the close until the client drops it.
        server.closeIdleConnections();
      }),
  };
}

const path = (url: string | undefined) => (url ?? "/").split("?")[0]!;
