// writeFeeds: the files behind `casepulse generate --out DIR [--seed N] [--streets …]`: the four
// feeds, and the figures a correct pipeline must report after ingesting each of them once: the
// whole deployment's (expected/<period>.json) and, with streets, each street's own
// (expected/streets/<street>/<period>.json, what `report --street` must give).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_CONFIG, reportsFromFolded } from "./expected-report.ts";
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
  /** The district's sub-districts (generateFeeds); each street's reports then go to expected/streets/. */
  streets?: readonly string[];
  /** CASEPULSE_DEFAULT_STREET of the deployment the expected figures are for (default 蛇口街道). */
  defaultStreet?: string;
}

export interface FeedsManifest {
  seed: number;
  years: [number, number];
  scale: number;
  files: Record<FeedName, FeedCounts & { file: string; bytes: number }>;
  quality: Quality;
  malformed: Partial<Record<MalformedKind, number>>;
  periods: string[];
  /** the street of the records that name none, in these expected figures */
  defaultStreet: string;
  /** with streets: every street that a record belongs to (the reports' `streets` table), by code point */
  streets?: string[];
  /** with streets: the scoped reports, relative to expected/ (streets/<street>/<period>.json) */
  scoped?: string[];
}

/** Why a street cannot name its folder of expected/streets/ (a path separator, a dot name), or null. */
export function streetFolderProblem(street: string): string | null {
  if (street.trim() === "") return "a street name is empty";
  // 255 bytes: the longest file name of the usual file systems.
  const unfit = /[/\\\0]/.test(street) || street === "." || street === ".." || Buffer.byteLength(street) > 255;
  return unfit ? `${street.slice(0, 40)} cannot name a folder of expected/streets/` : null;
}

function streetFolder(street: string): string {
  const problem = streetFolderProblem(street);
  if (problem !== null) throw new Error(`street ${JSON.stringify(street)}: ${problem}`);
  return join("streets", street);
}

export async function writeFeeds(dir: string, seed: number, options: WriteFeedsOptions = {}): Promise<FeedsManifest> {
  const { formats = [], defaultStreet = DEFAULT_CONFIG.defaultStreet, ...generate } = options;
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
  const json = (report: unknown) => `${JSON.stringify(report, null, 2)}\n`;
  const scoped: string[] = [];
  let streets: string[] = [];
  for (const period of periods) {
    const reports = reportsFromFolded(folded, period, { defaultStreet });
    await writeFile(join(dir, "expected", `${period}.json`), json(reports.report));
    streets = [...reports.streets.keys()];
    if (truth.streets === null) continue;
    for (const [street, report] of reports.streets) {
      const file = join(streetFolder(street), `${period}.json`);
      await mkdir(join(dir, "expected", streetFolder(street)), { recursive: true });
      await writeFile(join(dir, "expected", file), json(report));
      scoped.push(file);
    }
  }
  const malformed: FeedsManifest["malformed"] = {};
  for (const m of truth.malformed) malformed[m.kind] = (malformed[m.kind] ?? 0) + 1;
  const manifest: FeedsManifest = {
    seed,
    years: truth.years,
    scale: truth.scale,
    files,
    quality: truth.quality,
    malformed,
    periods,
    defaultStreet,
    ...(truth.streets === null ? {} : { streets, scoped }),
  };
  await writeFile(join(dir, "expected", "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  if (formats.length > 0) await writeFormats(dir, feeds, formats);
  return manifest;
}
