// Run as a child process (`node --import tsx run-sql.ts <queries.json>`) with the test's store
// environment: runs each query and prints [{rows} | {error}] as JSON, in order.
import { readFileSync } from "node:fs";
import { withEnvStore } from "./env-store.ts";

const out = await withEnvStore(async (store) => {
  const answers: ({ rows: Record<string, unknown>[] } | { error: string })[] = [];
  for (const sql of JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[]) {
    try {
      answers.push({ rows: await store.query<Record<string, unknown>>(sql) });
    } catch (err) {
      answers.push({ error: (err as Error).message });
    }
  }
  return answers;
});
process.stdout.write(JSON.stringify(out));
