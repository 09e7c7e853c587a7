// What `casepulse start` does; its definition (commands/start.ts) loads this when it runs.
import { parseEnv, reportEnvSchema } from "@casepulse/config";
import { createLogger } from "@casepulse/logging";
import { createMetrics, startOpsServer, type Service } from "@casepulse/ops";
import { pendingJobs } from "@casepulse/queues";
import { startReporter } from "@casepulse/reporter";
import type { Role } from "../commands/start.ts";
import { openContext, loadEnv, type Context } from "../context.ts";
import { startIngestRole, startStoreRole } from "../roles.ts";
import { serveQueries } from "../reading/serve-queries.ts";
import { openStoreQueue, openStreamContext } from "../stream-context.ts";
import { casepulseVersion } from "../version.ts";

export async function start(roles: Role[]): Promise<void> {
  const storeEnv = loadEnv();
  const reportEnv = parseEnv(reportEnvSchema);
  const logger = createLogger({ name: "casepulse", level: storeEnv.LOG_LEVEL });
  const stream = openStreamContext(logger);
  const { env, names } = stream;
  const metrics = createMetrics({ version: casepulseVersion() });
  const queue = openStoreQueue(stream, { logger });
  const needsStore = roles.includes("store") || roles.includes("reporter");
  const ctx: Context | null = needsStore ? await openContext(storeEnv) : null;
  // The read-only commands of other processes, answered while this one holds the embedded folder.
  const queries = ctx?.store.embedded ? serveQueries(ctx.store, storeEnv.CASEPULSE_DATA, env.CASEPULSE_HTTP_HOST, logger) : null;
  const services: Service[] = [];
  const byRole = new Map<Role, Service>();
  const add = (role: Role, s: Service) => (services.push(s), byRole.set(role, s));

  const ops = await startOpsServer({
    host: env.CASEPULSE_HTTP_HOST,
    port: env.CASEPULSE_HTTP_PORT,
    registry: metrics.registry,
    services: () => services,
    routes: queries?.routes,
    beforeScrape: async () => {
      metrics.queueDepth.set(await pendingJobs(queue));
      metrics.failedJobs.set(await queue.getFailedCount());
      if (roles.includes("ingest")) metrics.consumerLag.set(await stream.kafka.lag(names.consumerGroup, Object.values(names.topics)));
    },
  });

  await queries?.publish(ops.port);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight work");
    await byRole.get("ingest")?.close();
    if (byRole.has("store")) {
      const deadline = Date.now() + env.CASEPULSE_DRAIN_TIMEOUT_MS;
      while (Date.now() < deadline && (await pendingJobs(queue)) > 0) await new Promise((r) => setTimeout(r, 200));
    }
    for (const s of services) await s.close();
    await queue.close();
    await queries?.close();
    await ctx?.store.close();
    await ops.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  if (ctx && roles.includes("store")) {
    add("store", await startStoreRole({ stream, logger, metrics }, ctx.store));
  }
  if (ctx && roles.includes("reporter")) {
    add("reporter", await startReporter({
      store: ctx.store,
      redisUrl: env.REDIS_URL,
      queueName: names.reportsQueue,
      logger,
      metrics,
      reportsDir: env.CASEPULSE_REPORTS_DIR,
      cron: env.CASEPULSE_REPORT_CRON,
      webhook: env.ALERT_WEBHOOK_URL ? { url: env.ALERT_WEBHOOK_URL, kind: env.ALERT_WEBHOOK_KIND } : undefined,
      acceptHours: reportEnv.CASEPULSE_ACCEPT_HOURS,
      defaultStreet: reportEnv.CASEPULSE_DEFAULT_STREET,
      orgName: reportEnv.CASEPULSE_ORG_NAME,
      streets: env.CASEPULSE_REPORT_STREETS,
      streetWebhooks: { urls: env.CASEPULSE_STREET_WEBHOOKS, kind: env.ALERT_WEBHOOK_KIND },
    }));
  }
  if (roles.includes("ingest")) {
    add("ingest", await startIngestRole({ stream, logger, metrics }, queue, storeEnv.CASEPULSE_PII_KEY));
  }
  logger.info({ roles, http: `${env.CASEPULSE_HTTP_HOST}:${ops.port}`, prefix: env.CASEPULSE_PREFIX }, "casepulse started");
}
