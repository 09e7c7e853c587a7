// `casepulse start`: the chosen roles in one process, with health, readiness and metrics, and a
// SIGTERM that drains in-flight work before exiting 0.
import { Command } from "commander";
import { UsageError } from "../usage-error.ts";

const ROLES = ["ingest", "normalizer", "reporter"] as const;
export type Role = (typeof ROLES)[number];

export function parseRoles(text: string): Role[] {
  const roles = text.split(",").map((r) => r.trim()).filter(Boolean);
  const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad !== undefined || roles.length === 0) throw new UsageError(`--roles ${text}: expected a comma-separated subset of ${ROLES.join(",")}`);
  return [...new Set(roles)] as Role[];
}

export const startCommand = new Command("start")
  .description("run the pipeline roles (Kafka → BullMQ → ClickHouse, and the report scheduler) in one process")
  .option("--roles <list>", "comma-separated roles: ingest, normalizer, reporter", ROLES.join(","))
  // Roles checked before the pipeline's packages load: a typo fails at once.
  .action(async (opts: { roles: string }) => {
    const roles = parseRoles(opts.roles);
    await (await import("../actions/start.ts")).start(roles);
  });
