export { startReporter, requestReport, writeReportFiles, type ReporterOptions } from "./reporter-service.ts";
export { deliverAlerts, webhookBody, type WebhookKind, type DeliveryOptions } from "./webhook.ts";
