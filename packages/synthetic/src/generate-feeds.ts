// generateFeeds: the three feed files' lines for a seed, plus the truth the oracle needs.
import { arrange } from "./arrival.ts";
import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, ReportTruth } from "./feed-types.ts";
import { generateHotline } from "./gen-hotline.ts";
import { generateLitigation } from "./gen-litigation.ts";
import { malformedLines } from "./gen-malformed.ts";
import { generateMediation } from "./gen-mediation.ts";
import { IdFactory } from "./ids.ts";
import type { FeedName, MalformedEntry } from "./malformed-kinds.ts";
import { Rng } from "./rng.ts";
import { shanghaiTime } from "./time-format.ts";

export interface GenerateOptions {
  seed: number;
  /** first and last calendar year, inclusive */
  years?: [number, number];
  /** multiplies the default volumes (6,000 orders, 400 mediation, 40 + 30 cases a year) */
  scale?: number;
}

export interface FeedCounts {
  lines: number;
  /** distinct valid records (= accepted on one ingest) */
  valid: number;
  redeliveries: number;
  rejected: number;
}

export interface FeedTruth extends ReportTruth {
  seed: number;
  years: [number, number];
  scale: number;
  malformed: MalformedEntry[];
  counts: Record<FeedName, FeedCounts>;
}

export interface GeneratedFeeds {
  hotline: string[];
  mediation: string[];
  litigation: string[];
  truth: FeedTruth;
}

const REDELIVERY_RATE = 0.03;

export function generateFeeds(options: GenerateOptions): GeneratedFeeds {
  const years = options.years ?? [2023, 2024];
  const scale = options.scale ?? 1;
  if (!(scale > 0) || years[1] < years[0]) throw new Error("need scale > 0 and years[0] <= years[1]");
  const rng = new Rng(options.seed);
  const ids = new IdFactory(rng.fork("ids"));
  // The export is taken at the end of the last year: later events do not exist yet.
  const cutoff = shanghaiTime(years[1] + 1, 0, 1);

  const hotline = generateHotline(rng.fork("hotline"), ids, years, scale, cutoff);
  const mediation = generateMediation(rng.fork("mediation"), ids, years, scale, cutoff, hotline.orders);
  const litigation = generateLitigation(rng.fork("litigation"), ids, years, scale, cutoff);

  const badHotline = malformedLines(rng.fork("malformed:hotline"), ids, "hotline", hotline.events);
  const badMediation = malformedLines(rng.fork("malformed:mediation"), ids, "mediation", mediation);
  const badLitigation = malformedLines(rng.fork("malformed:litigation"), ids, "litigation", litigation);

  const h = arrange(rng.fork("arrival:hotline"), hotline.events, badHotline.lines, REDELIVERY_RATE);
  const m = arrange(rng.fork("arrival:mediation"), mediation, badMediation.lines, REDELIVERY_RATE);
  const l = arrange(rng.fork("arrival:litigation"), litigation, badLitigation.lines, REDELIVERY_RATE);

  const counts = (lines: string[], valid: number, redeliveries: number, rejected: number): FeedCounts => ({
    lines: lines.length,
    valid,
    redeliveries,
    rejected,
  });
  const truthHotline: HotlineEvent[] = hotline.events.map((e) => e.record);
  const truthMediation: MediationSnapshot[] = mediation.map((e) => e.record);
  const truthLitigation: LitigationSnapshot[] = litigation.map((e) => e.record);
  const received = h.lines.length + m.lines.length + l.lines.length;
  const rejected = badHotline.lines.length + badMediation.lines.length + badLitigation.lines.length;
  const accepted = truthHotline.length + truthMediation.length + truthLitigation.length;
  return {
    hotline: h.lines,
    mediation: m.lines,
    litigation: l.lines,
    truth: {
      seed: options.seed,
      years,
      scale,
      hotline: truthHotline,
      mediation: truthMediation,
      litigation: truthLitigation,
      quality: { received, accepted, duplicates: received - rejected - accepted, rejected },
      malformed: [...badHotline.entries, ...badMediation.entries, ...badLitigation.entries],
      counts: {
        hotline: counts(h.lines, truthHotline.length, h.redeliveries, badHotline.lines.length),
        mediation: counts(m.lines, truthMediation.length, m.redeliveries, badMediation.lines.length),
        litigation: counts(l.lines, truthLitigation.length, l.redeliveries, badLitigation.lines.length),
      },
    },
  };
}
