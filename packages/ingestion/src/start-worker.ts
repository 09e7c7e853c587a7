// A worker thread running one of this package's entry files. Compiled (dist/), the entry is
// JavaScript beside this module. From src it is TypeScript, and worker threads do not get the
// main thread's module hooks (Node 20), so the worker loads tsx (a devDependency: the compiled
// build has none) before importing its entry.
import { Worker } from "node:worker_threads";

export function startWorker(entry: string, workerData: unknown): Worker {
  if (import.meta.url.endsWith(".js")) return new Worker(new URL(`./${entry}.js`, import.meta.url), { workerData });
  const url = new URL(`./${entry}.ts`, import.meta.url).href;
  const tsx = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(code, { eval: true, workerData });
}
