export { createKafkaGateway, type KafkaGateway, type KafkaSettings } from "./kafka.ts";
export { namesFor, dlqTopic, type Names } from "./names.ts";
export { storeBatchJob, reportJob, NORMALIZE_JOB, REPORT_JOB, type StoreBatchJob, type ReportJob } from "./jobs.ts";
export { createMetrics, type PipelineMetrics } from "./metrics.ts";
export { once, type Service } from "./service.ts";
export { redisConnection, openQueue, storeJobOptions, pendingJobs, type RedisOptions } from "./queues.ts";
export { startOpsServer, type OpsServer } from "./http-server.ts";
