// The dead-letter store for operators: list rejected records, replay them once fixed.
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { FEEDS, type Feed } from "@casepulse/feeds";
import { classifyRecords, writeBatch } from "@casepulse/ingestion";
import { listRejected, markReplayed } from "@casepulse/store";
import { withContext } from "../context.ts";
import { UsageError } from "../usage-error.ts";

const list = new Command("list")
  .description("list rejected records with their reasons (personal data masked)")
  .addOption(new Option("--source <feed>", "only this feed").choices(FEEDS))
  .addOption(new Option("--status <status>", "pending or replayed").choices(["pending", "replayed"]).default("pending"))
  .option("--limit <n>", "at most this many", "100")
  .option("--json", "one JSON object per line")
  .action(async (opts: { source?: Feed; status: "pending" | "replayed"; limit: string; json?: boolean }) => {
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${opts.limit}: must be a positive integer`);
    const rows = await withContext((ctx) => listRejected(ctx.store, { feed: opts.source, status: opts.status, limit }));
    for (const r of rows) {
      const shown = { id: r.id, feed: r.feed, source: r.source, received_at: r.received_at, reason: r.reason, msg_id: r.msg_id, preview: r.preview };
      console.log(opts.json ? JSON.stringify(shown) : `${r.id}  ${r.feed}  ${r.source}  ${r.reason}`);
    }
    if (!opts.json) console.error(`${rows.length} ${opts.status} record(s)`);
  });

const replay = new Command("replay")
  .description("run pending rejected records through validation again; those now valid are stored")
  .addOption(new Option("--source <feed>", "only this feed").choices(FEEDS))
  .option("--id <id>", "only this record")
  .option("--fixed <file>", "with --id: replace the record with this corrected JSON before replaying")
  .action(async (opts: { source?: Feed; id?: string; fixed?: string }) => {
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
  });

export const dlqCommand = new Command("dlq").description("the dead-letter store of rejected records").addCommand(list).addCommand(replay);
