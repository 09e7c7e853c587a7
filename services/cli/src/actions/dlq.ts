// What `casepulse dlq list` and `dlq replay` do; their definitions (commands/dlq.ts) load this when
// one runs.
import { readFileSync } from "node:fs";
import { FEEDS } from "@casepulse/feeds";
import { classifyRecords, writeBatch } from "@casepulse/ingestion";
import { listRejected, markReplayed } from "@casepulse/store";
import type { DlqListOptions, DlqReplayOptions } from "../commands/dlq.ts";
import { withContext } from "../context.ts";
import { UsageError } from "../usage-error.ts";

export async function list(opts: DlqListOptions): Promise<void> {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${opts.limit}: must be a positive integer`);
  const rows = await withContext((ctx) => listRejected(ctx.store, { feed: opts.source, status: opts.status, limit }));
  for (const r of rows) {
    const shown = { id: r.id, feed: r.feed, source: r.source, received_at: r.received_at, reason: r.reason, msg_id: r.msg_id, preview: r.preview };
    console.log(opts.json ? JSON.stringify(shown) : `${r.id}  ${r.feed}  ${r.source}  ${r.reason}`);
  }
  if (!opts.json) console.error(`${rows.length} ${opts.status} record(s)`);
}

export async function replay(opts: DlqReplayOptions): Promise<void> {
  if (opts.fixed && !opts.id) throw new UsageError("--fixed needs --id (which rejected record it corrects)");
  let fixed: string | undefined;
  if (opts.fixed) {
    try {
      fixed = readFileSync(opts.fixed, "utf8").trim();
    } catch (err) {
      throw new UsageError(`--fixed ${opts.fixed}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  await withContext(async (ctx) => {
    const pending = (await listRejected(ctx.store, { feed: opts.source, status: "pending", limit: 1_000_000 })).filter(
      (r) => !opts.id || r.id === opts.id,
    );
    if (opts.id && pending.length === 0) throw new UsageError(`--id ${opts.id}: no pending rejected record with this id`);
    const runId = Date.now();
    for (const feed of FEEDS) {
      const mine = pending.filter((r) => r.feed === feed);
      if (mine.length === 0) continue;
      const records = mine.map((r) => ({ value: fixed ?? ctx.pii.open(r.sealed), source: `replay:${r.id}` }));
      const classified = classifyRecords(feed, records, ctx.pii);
      const outcome = await writeBatch(ctx.store, feed, {
        batchId: `replay:${runId}:${feed}`,
        source: "dlq-replay",
        received: records.length,
        ...classified,
      });
      // The originals are settled: a record still bad was stored again as a new dead letter.
      await markReplayed(ctx.store, mine);
      console.log(`${feed}: ${outcome.received} replayed, ${outcome.accepted} accepted, ${outcome.duplicates} duplicates, ${outcome.rejected} still rejected`);
    }
  });
}
