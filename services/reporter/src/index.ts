export { startReporter, requestReport, writeReportFiles, type ReporterOptions } from "./reporter-service.ts";
export { deliverAlerts, webhookBody, WebhookError, type WebhookKind, type DeliveryOptions } from "./webhook.ts";
