export { createMetrics, type PipelineMetrics } from "./metrics.ts";
export { once, type Service } from "./service.ts";
export { startOpsServer, startRouteServer, type OpsServer, type Route } from "./http-server.ts";
export { privateRoute, type Reply } from "./private-route.ts";
