export { namesFor, dlqTopic, type Names } from "./names.ts";
export { storeBatchJob, reportJob, STORE_BATCH_JOB, REPORT_JOB, COMPACT_ROWS, type StoreBatchJob, type ReportJob } from "./jobs.ts";
export { redisConnection, openQueue, storeJobOptions, pendingJobs, type RedisOptions } from "./queues.ts";
