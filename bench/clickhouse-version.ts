// Child: prints the embedded engine's ClickHouse version.
import { openStore } from "@casepulse/store";
import { runDir } from "./workdir.ts";

const dir = runDir("version");
const store = await openStore({ dataDir: dir.path, database: "bench_version" });
const [row] = await store.query<{ version: string }>("SELECT version() AS version");
await store.close();
dir.remove();
console.log(JSON.stringify(row));
