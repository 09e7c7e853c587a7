// Run as a child process (`node --import tsx engine-env.ts <data dir>`): opens the embedded store
// and prints the engine allocator's configuration the process gave it (JE_MALLOC_CONF), as JSON.
import { openStore } from "@casepulse/store";

const store = await openStore({ dataDir: process.argv[2]!, database: "engine_env" });
await store.close();
console.log(JSON.stringify({ conf: process.env.JE_MALLOC_CONF ?? null }));
