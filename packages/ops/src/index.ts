export { createMetrics, type PipelineMetrics } from "./metrics.ts";
export { once, type Service } from "./service.ts";
export { startOpsServer, type OpsServer } from "./http-server.ts";
