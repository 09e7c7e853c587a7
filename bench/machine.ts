// The facts a reader needs to compare figures across machines. The ClickHouse version comes from
// a child: the bench process itself never opens embedded ClickHouse (one data folder per process).
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { lastJson, runScript } from "./child.ts";
import { ROOT } from "./workdir.ts";

export interface MachineFacts {
  cores: number;
  memory_gb: number;
  node: string;
  clickhouse: string;
}

export async function machineFacts(): Promise<MachineFacts> {
  const { stdout } = await runScript(join(ROOT, "bench/clickhouse-version.ts"), [], {});
  const { version } = lastJson<{ version: string }>(stdout);
  return { cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version, clickhouse: `chDB ${version}` };
}
