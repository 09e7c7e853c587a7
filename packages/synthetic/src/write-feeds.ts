// writeFeeds: the files behind `casepulse generate --out DIR [--seed N]`: the four feeds, and the
// figures a correct pipeline must report after ingesting each of them once.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { reportFromFolded } from "./expected-report.ts";
import { generateFeeds, type FeedCounts } from "./generate-feeds.ts";
import type { FeedName, MalformedKind } from "./malformed-kinds.ts";
import { foldTruth } from "./oracle-state.ts";
import { periodsOf } from "./period.ts";
import type { Quality } from "./report-types.ts";
import { writeFormats, type FileFormat } from "./write-formats.ts";

export interface WriteFeedsOptions {
  years?: [number, number];
  scale?: number;
  /** Forms besides JSON lines to write the feeds in (write-formats.ts); their counts go to expected/forms.json. */
  formats?: readonly FileFormat[];
}

export interface FeedsManifest {
  seed: number;
  years: [number, number];
  scale: number;
  files: Record<FeedName, FeedCounts & { file: string; bytes: number }>;
  quality: Quality;
  malformed: Partial<Record<MalformedKind, number>>;
  periods: string[];
}

export async function writeFeeds(dir: string, seed: number, options: WriteFeedsOptions = {}): Promise<FeedsManifest> {
  const { formats = [], ...generate } = options;
  const feeds = generateFeeds({ seed, ...generate });
  const { truth } = feeds;
  await mkdir(join(dir, "expected"), { recursive: true });
  const files = {} as FeedsManifest["files"];
  for (const feed of ["hotline", "mediation", "litigation", "supervision"] as const) {
    const text = feeds[feed].map((line) => `${line}\n`).join("");
    const file = `${feed}.jsonl`;
    await writeFile(join(dir, file), text);
    files[feed] = { file, bytes: Buffer.byteLength(text), ...truth.counts[feed] };
  }
  const folded = foldTruth(truth);
  const periods = periodsOf(Array.from({ length: truth.years[1] - truth.years[0] + 1 }, (_, i) => truth.years[0] + i));
  for (const period of periods) {
    await writeFile(join(dir, "expected", `${period}.json`), `${JSON.stringify(reportFromFolded(folded, period), null, 2)}\n`);
  }
  const malformed: FeedsManifest["malformed"] = {};
  for (const m of truth.malformed) malformed[m.kind] = (malformed[m.kind] ?? 0) + 1;
  const manifest: FeedsManifest = { seed, years: truth.years, scale: truth.scale, files, quality: truth.quality, malformed, periods };
  await writeFile(join(dir, "expected", "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  if (formats.length > 0) await writeFormats(dir, feeds, formats);
  return manifest;
}
