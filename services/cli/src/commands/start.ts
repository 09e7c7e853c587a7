// `casepulse start`: the chosen roles in one process, with health, readiness and metrics, and a
// SIGTERM that drains in-flight work before exiting 0.
import { Command } from "commander";
import { UsageError } from "../usage-error.ts";

const ROLES = ["ingest", "store", "reporter"] as const;
export type Role = (typeof ROLES)[number];

/** Old role names, accepted with a warning for one release so running deployments keep starting. */
const RENAMED_ROLES: ReadonlyMap<string, Role> = new Map([["normalizer", "store"]]);

export function parseRoles(text: string, warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Role[] {
  const roles = [...new Set(text.split(",").map((r) => r.trim()).filter(Boolean))].map((r) => {
    const renamed = RENAMED_ROLES.get(r);
    if (renamed) warn(`casepulse: warning: role ${r} is now called ${renamed}; the old name goes in the next release`);
    return renamed ?? r;
  });
  const bad = roles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad !== undefined || roles.length === 0) throw new UsageError(`--roles ${text}: expected a comma-separated subset of ${ROLES.join(",")}`);
  return [...new Set(roles)] as Role[];
}

export const startCommand = new Command("start")
  .description("run the pipeline roles (Kafka → BullMQ → ClickHouse, and the report scheduler) in one process")
  .option("--roles <list>", "comma-separated roles: ingest, store, reporter", ROLES.join(","))
  // Roles checked before the pipeline's packages load: a typo fails at once.
  .action(async (opts: { roles: string }) => {
    const roles = parseRoles(opts.roles);
    await (await import("../actions/start.ts")).start(roles);
  });
