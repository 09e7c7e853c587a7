// The image's ENTRYPOINT (infra/docker/Dockerfile), read from the Dockerfile: the command line a
// container runs, so tests can run what the image runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.ts";

/** The ENTRYPOINT's words, `["node", ...flags, "services/cli/dist/main.js"]`. */
export function imageEntrypoint(): string[] {
  const line = readFileSync(join(ROOT, "infra/docker/Dockerfile"), "utf8").split("\n").find((l) => l.startsWith("ENTRYPOINT"));
  if (!line) throw new Error("infra/docker/Dockerfile has no ENTRYPOINT line");
  return JSON.parse(line.slice("ENTRYPOINT".length)) as string[];
}
