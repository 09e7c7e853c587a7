// A worker thread running one of this package's entry files. Compiled (dist/), the entry is
// JavaScript beside this module. From src it is TypeScript, and worker threads do not get the
// main thread's module hooks (Node 20), so the worker loads tsx (a devDependency: the compiled
// build has none) before importing its entry.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

export function startWorker(entry: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits && { resourceLimits }) };
  if (import.meta.url.endsWith(".js")) return new Worker(new URL(`./${entry}.js`, import.meta.url), options);
  const url = new URL(`./${entry}.ts`, import.meta.url).href;
  // import.meta.resolve is missing where a test runner transforms this module (vitest); require's
  // resolution finds tsx's CommonJS form of the same API there.
  const tsx = typeof import.meta.resolve === "function" ? import.meta.resolve("tsx/esm/api") : pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => { (t.register ?? t.default.register)(); return import(${JSON.stringify(url)}); })`;
  return new Worker(code, { ...options, eval: true });
}
