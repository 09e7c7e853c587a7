// What `casepulse dlq list` and `dlq replay` do; their definitions (commands/dlq.ts) load this when
// one runs.
import { readFileSync } from "node:fs";
import { replayLetters, type ReplayOutcome, type UnsealFailure } from "@casepulse/ingestion";
import { listRejected } from "@casepulse/store";
import type { DlqListOptions, DlqReplayOptions } from "../commands/dlq.ts";
import { withContext } from "../context.ts";
import { withReader } from "../reading/with-reader.ts";
import { UsageError } from "../usage-error.ts";

export async function list(opts: DlqListOptions): Promise<void> {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${opts.limit}: must be a positive integer`);
  const { rows, total } = await withReader((reader) => reader.dlqList({ feed: opts.source, status: opts.status, limit }));
  for (const r of rows) console.log(opts.json ? JSON.stringify(r) : `${r.id}  ${r.feed}  ${r.source}  ${r.reason}`);
  // What was cut is said in JSON mode too (on stderr, so the lines stay one object each).
  if (rows.length < total) console.error(`${rows.length} of ${total} ${opts.status} record(s) shown (use --limit ${total} to see them all)`);
  else if (!opts.json) console.error(`${total} ${opts.status} record(s)`);
}

/** Why a letter could not be opened, for the operator: what to do about it. */
function failureText(kind: UnsealFailure, retentionDays: number): string {
  switch (kind) {
    case "unknown-key":
      return "sealed under a key that is neither CASEPULSE_PII_KEY nor one of CASEPULSE_PII_OLD_KEYS, or damaged (add the key they were sealed under to CASEPULSE_PII_OLD_KEYS)";
    case "empty":
      return `sealed copy deleted by the retention (CASEPULSE_DLQ_RETENTION_DAYS=${retentionDays}; replay one with --id and --fixed)`;
    case "malformed":
      return "not a sealed record";
  }
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
  const { outcome, retentionDays } = await withContext(async (ctx) => {
    const pending = (await listRejected(ctx.store, { feed: opts.source, status: "pending", limit: 1_000_000 })).filter(
      (r) => !opts.id || r.id === opts.id,
    );
    if (opts.id && pending.length === 0) throw new UsageError(`--id ${opts.id}: no pending rejected record with this id`);
    const outcome = await replayLetters(ctx.store, ctx.pii, pending, { runId: String(Date.now()), fixed });
    return { outcome, retentionDays: ctx.env.CASEPULSE_DLQ_RETENTION_DAYS };
  });
  if (opts.json) console.log(JSON.stringify(replayJson(outcome)));
  else printReplay(outcome, retentionDays);
  const nothingDone = nothingReplayed(outcome, opts.id !== undefined);
  if (nothingDone) throw new UsageError(`dlq replay: no dead letter could be opened, nothing was replayed (${nothingDone})`);
}

/** `dlq replay --json`: README's shape, snake_case as every JSON output of the command line. */
function replayJson(outcome: ReplayOutcome): object {
  return {
    feeds: outcome.feeds.map((f) => ({ feed: f.feed, replayed: f.received, accepted: f.accepted, duplicates: f.duplicates, still_rejected: f.rejected, opened_with_old_key: f.openedWithOldKey })),
    not_replayed: outcome.notOpened.map((n) => ({ reason: n.kind, total: n.total, by_feed: n.byFeed })),
  };
}

function printReplay(outcome: ReplayOutcome, retentionDays: number): void {
  for (const f of outcome.feeds) {
    const oldKey = f.openedWithOldKey > 0 ? ` (${f.openedWithOldKey} opened with an old key)` : "";
    console.log(`${f.feed}: ${f.received} replayed, ${f.accepted} accepted, ${f.duplicates} duplicates, ${f.rejected} still rejected${oldKey}`);
  }
  for (const n of outcome.notOpened) {
    const feeds = Object.entries(n.byFeed).map(([feed, count]) => `${feed} ${count}`).join(", ");
    console.log(`${n.total} not replayed (${feeds}): ${failureText(n.kind, retentionDays)}`);
  }
}

/**
 * docs/semantics.md ("Dead letters: replays, identity, retention"): the command fails (exit 2)
 * only when it could do nothing that a change of configuration or of its arguments would let it
 * do: letters were pending, none could be opened, and one of them for a reason other than the
 * retention (or the one letter --id asked for). The reason, or null when the run is a success.
 */
function nothingReplayed(outcome: ReplayOutcome, one: boolean): string | null {
  if (outcome.feeds.length > 0 || outcome.notOpened.length === 0) return null;
  const fixable = outcome.notOpened.filter((n) => one || n.kind !== "empty");
  if (fixable.length === 0) return null;
  return fixable.map((n) => (n.kind === "unknown-key" ? "check CASEPULSE_PII_KEY and CASEPULSE_PII_OLD_KEYS" : n.kind === "empty" ? "its sealed copy is gone: use --fixed" : "not a sealed record")).join("; ");
}
