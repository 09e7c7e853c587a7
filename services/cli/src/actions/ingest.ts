// What `casepulse ingest` does; its definition (commands/ingest.ts) loads this when it runs.
import { accessSync, constants, statSync } from "node:fs";
import type { Feed } from "@casepulse/feeds";
import { ingestFile, type BatchOutcome } from "@casepulse/ingestion";
import { returnFreedPagesSoon } from "@casepulse/store";
import type { IngestOptions } from "../commands/ingest.ts";
import type { Context } from "../context.ts";
import { withContext } from "../context.ts";
import { createProgress } from "../progress.ts";
import { UsageError } from "../usage-error.ts";
import { withExport } from "./read-export.ts";

export function checkReadableFile(path: string): number {
  try {
    accessSync(path, constants.R_OK);
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`--file ${path}: not a regular file`);
    return stat.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`--file ${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** JSON lines at `path` into the store; places named after `source` (the export it came from). */
export async function ingestOne(
  ctx: Context,
  feed: Feed,
  path: string,
  source?: { sourceName: string; lineRows: Uint32Array | null },
): Promise<BatchOutcome> {
  const size = checkReadableFile(path);
  const progress = createProgress(size, `${feed}`);
  try {
    return await ingestFile({
      store: ctx.store,
      piiKey: ctx.env.CASEPULSE_PII_KEY,
      feed,
      path,
      ...source,
      onProgress: ({ bytes, outcome }) => progress.update(bytes, { ...outcome }),
    });
  } finally {
    progress.stop();
  }
}

export function formatOutcome(feed: Feed, path: string, o: BatchOutcome): string {
  return `${feed} ${path}: ${o.received} read, ${o.accepted} accepted, ${o.duplicates} duplicates, ${o.rejected} rejected`;
}

export async function ingest(opts: IngestOptions): Promise<void> {
  // A bulk load: the engine's allocator gives its freed pages back soon (packages/store/src/client.ts).
  returnFreedPagesSoon();
  // The export is read whole (and standard input copied) before the store opens.
  const outcome = await withExport(opts, (exported) => withContext((ctx) => ingestOne(ctx, opts.source, exported.path, { sourceName: exported.sourceName, lineRows: exported.lineRows })));
  console.log(opts.json ? JSON.stringify({ source: opts.source, file: opts.file, ...outcome }) : formatOutcome(opts.source, opts.file, outcome));
}
