#!/usr/bin/env -S node --max-semi-space-size=2 --import tsx
// casepulse: one command line for the file path, reports, and (later) the stream services.
// Every command here is only its definition (commander alone); what it does, and the packages it
// needs, are imported when it runs: `--help`, a usage error or `ingest` does not pay for Kafka,
// BullMQ and the reports.
import { Command } from "commander";
import { demoCommand } from "./commands/demo.ts";
import { dlqCommand } from "./commands/dlq.ts";
import { generateCommand } from "./commands/generate.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { jobsCommand } from "./commands/jobs.ts";
import { produceCommand } from "./commands/produce.ts";
import { startCommand } from "./commands/start.ts";
import { statusCommand } from "./commands/status.ts";
import { reportCommand } from "./commands/report.ts";
import { explainCommand } from "./commands/explain.ts";
import { requestReportCommand } from "./commands/request-report.ts";
import { sqlCommand } from "./commands/sql.ts";
import { asConfigError, asStoreError } from "./known-errors.ts";
import { UsageError } from "./usage-error.ts";
import { casepulseVersion } from "./version.ts";
import { CommanderError, oneLine, oneLineUsageErrors, usageExitCode } from "./usage-exit.ts";

const program = new Command("casepulse")
  .description("12345 hotline, mediation and litigation feeds into ClickHouse; monthly and annual rule-of-law figures")
  .version(casepulseVersion(), "-V, --version", "print the version")
  .addCommand(ingestCommand)
  .addCommand(reportCommand)
  .addCommand(explainCommand)
  .addCommand(sqlCommand)
  .addCommand(generateCommand)
  .addCommand(demoCommand)
  .addCommand(dlqCommand)
  .addCommand(startCommand)
  .addCommand(produceCommand)
  .addCommand(statusCommand)
  .addCommand(jobsCommand)
  .addCommand(requestReportCommand);

oneLineUsageErrors(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(usageExitCode(err));
  const usageError = err instanceof UsageError ? err : await asConfigError(err);
  if (usageError) {
    console.error(`casepulse: ${oneLine(usageError.message)}`);
    process.exit(2);
  }
  const storeError = await asStoreError(err);
  if (storeError) {
    console.error(`casepulse: ${oneLine(storeError.message)}${storeError.retryable ? " (temporary: retrying may help)" : ""}`);
    process.exit(1);
  }
  // Not Node's default printout: it shows every property of the error, and a client's error can
  // carry its request (ioredis puts AUTH's password in err.command.args).
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(`casepulse: ${oneLine(`${e.name}: ${e.message}`)}`);
  if (/^(debug|trace)$/.test(process.env.LOG_LEVEL ?? "")) console.error(e.stack);
  process.exit(1);
}
