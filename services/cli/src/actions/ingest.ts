// What `casepulse ingest` does; its definition (commands/ingest.ts) loads this when it runs.
import { accessSync, constants, statSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Feed } from "@casepulse/feeds";
import { spoolStdin } from "@casepulse/store";
import { ingestFile, type BatchOutcome } from "@casepulse/ingestion";
import type { IngestOptions } from "../commands/ingest.ts";
import type { Context } from "../context.ts";
import { withContext } from "../context.ts";
import { createProgress } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

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

export async function ingestOne(ctx: Context, feed: Feed, path: string): Promise<BatchOutcome> {
  const size = checkReadableFile(path);
  const progress = createProgress(size, `${feed}`);
  try {
    return await ingestFile({
      store: ctx.store,
      piiKey: ctx.env.CASEPULSE_PII_KEY,
      feed,
      path,
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
  // Standard input is read to its end before the store opens: the embedded engine must never see it.
  const spooled = opts.file === "-" ? await spoolStdin(tmpdir()) : null;
  const path = spooled?.path ?? opts.file;
  let outcome: BatchOutcome;
  try {
    checkReadableFile(path);
    outcome = await withContext((ctx) => ingestOne(ctx, opts.source, path));
  } finally {
    spooled?.remove();
  }
  console.log(opts.json ? JSON.stringify({ source: opts.source, file: opts.file, ...outcome }) : formatOutcome(opts.source, opts.file, outcome));
}
