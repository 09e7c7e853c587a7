export { startReporter, requestReport, type ReporterOptions } from "./reporter-service.ts";
export { writeReportFiles, reportBaseName, fileSafe, type ReportStreets } from "./street-files.ts";
export { deliverAlerts, webhookBody, WebhookError, type WebhookKind, type DeliveryOptions } from "./webhook.ts";
