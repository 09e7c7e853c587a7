// Run as a child process (`node --import tsx engine-env.ts <data dir> [bulk]`): opens the embedded
// store, after asking for the bulk load's allocator (returnFreedPagesSoon) with `bulk`, and prints
// the engine allocator's configuration the process gave it (JE_MALLOC_CONF), as JSON.
import { openStore, returnFreedPagesSoon } from "@casepulse/store";

if (process.argv[3] === "bulk") returnFreedPagesSoon();
const store = await openStore({ dataDir: process.argv[2]!, database: "engine_env" });
await store.close();
console.log(JSON.stringify({ conf: process.env.JE_MALLOC_CONF ?? null }));
