// generateFeeds: the four feed files' lines for a seed, plus the truth the oracle needs.
import { arrange, type Emitted } from "./arrival.ts";
import type { ReportTruth } from "./feed-types.ts";
import { generateHotline } from "./gen-hotline.ts";
import { generateLitigation } from "./gen-litigation.ts";
import { malformedLines, streetMalformedLines, type Malformed } from "./gen-malformed.ts";
import { generateMediation } from "./gen-mediation.ts";
import { assignStreets } from "./gen-streets.ts";
import { generateSupervision } from "./gen-supervision.ts";
import { IdFactory } from "./ids.ts";
import type { FeedName, MalformedEntry } from "./malformed-kinds.ts";
import { Rng } from "./rng.ts";
import { shanghaiTime } from "./time-format.ts";

export interface GenerateOptions {
  seed: number;
  /** first and last calendar year, inclusive */
  years?: [number, number];
  /** multiplies the default volumes (6,000 orders, 400 mediation, 40 + 30 cases, 80 supervision items a year) */
  scale?: number;
  /**
   * A district's sub-districts (gen-streets.ts): records name them, and a few name a malformed one.
   * Without it no record names a street (all belong to the default one), as before streets existed.
   */
  streets?: readonly string[];
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
  /** the streets asked for; null when none were */
  streets: string[] | null;
  malformed: MalformedEntry[];
  counts: Record<FeedName, FeedCounts>;
}

export interface GeneratedFeeds {
  hotline: string[];
  mediation: string[];
  litigation: string[];
  supervision: string[];
  truth: FeedTruth;
}

const REDELIVERY_RATE = 0.03;

interface FeedFile<T> {
  lines: string[];
  records: T[];
  counts: FeedCounts;
  entries: MalformedEntry[];
}

function arrangeFeed<T>(rng: Rng, emitted: Emitted<T>[], malformed: Malformed): FeedFile<T> {
  const arranged = arrange(rng, emitted, malformed.lines, REDELIVERY_RATE);
  const records = emitted.map((e) => e.record);
  return {
    lines: arranged.lines,
    records,
    counts: { lines: arranged.lines.length, valid: records.length, redeliveries: arranged.redeliveries, rejected: malformed.lines.length },
    entries: malformed.entries,
  };
}

function checkStreets(streets: readonly string[] | undefined): string[] | null {
  if (streets === undefined) return null;
  if (streets.length === 0) throw new Error("streets: give at least one street, or none at all");
  const bad = streets.find((s) => s.trim() === "");
  if (bad !== undefined) throw new Error(`streets: ${JSON.stringify(bad)} is blank`);
  if (new Set(streets).size !== streets.length) throw new Error(`streets: ${streets.join(",")} names a street twice`);
  return [...streets];
}

/** Two malformed sets of one feed as one (the street ones come after, with later msg_ids). */
function joined(a: Malformed, b: Malformed | null): Malformed {
  return b === null ? a : { lines: [...a.lines, ...b.lines], entries: [...a.entries, ...b.entries] };
}

export function generateFeeds(options: GenerateOptions): GeneratedFeeds {
  const years = options.years ?? [2023, 2024];
  const scale = options.scale ?? 1;
  if (!(scale > 0) || years[1] < years[0]) throw new Error("need scale > 0 and years[0] <= years[1]");
  const streets = checkStreets(options.streets);
  const rng = new Rng(options.seed);
  const ids = new IdFactory(rng.fork("ids"));
  // The export is taken at the end of the last year: later events do not exist yet.
  const cutoff = shanghaiTime(years[1] + 1, 0, 1);

  const hotline = generateHotline(rng.fork("hotline"), ids, years, scale, cutoff);
  const mediation = generateMediation(rng.fork("mediation"), ids, years, scale, cutoff, hotline.orders);
  const litigation = generateLitigation(rng.fork("litigation"), ids, years, scale, cutoff);
  // Streets draw from no stream but their own, and no msg_id: set before the malformed records are
  // derived from the real ones, those carry streets too.
  const streetRng = rng.fork("streets");
  if (streets !== null) assignStreets(streetRng, streets, { hotline: hotline.events, mediation, litigation });
  const bad = {
    hotline: malformedLines(rng.fork("malformed:hotline"), ids, "hotline", hotline.events),
    mediation: malformedLines(rng.fork("malformed:mediation"), ids, "mediation", mediation),
    litigation: malformedLines(rng.fork("malformed:litigation"), ids, "litigation", litigation),
  };
  // The fourth feed draws its msg_ids after all of the first three's (ids is one shared stream),
  // so adding it left the other feeds byte-identical for a seed.
  const supervision = generateSupervision(rng.fork("supervision"), ids, years, scale, cutoff);
  if (streets !== null) assignStreets(streetRng, streets, { supervision });
  const badSupervision = malformedLines(rng.fork("malformed:supervision"), ids, "supervision", supervision);
  // Their msg_ids after all of the others', as the fourth feed's came after the first three's.
  const badStreet = (feed: FeedName, valid: Emitted<{ msg_id: string }>[]) =>
    streets === null ? null : streetMalformedLines(rng.fork(`malformed-street:${feed}`), ids, feed, valid);
  const badStreets = {
    hotline: badStreet("hotline", hotline.events),
    mediation: badStreet("mediation", mediation),
    litigation: badStreet("litigation", litigation),
    supervision: badStreet("supervision", supervision),
  };

  const h = arrangeFeed(rng.fork("arrival:hotline"), hotline.events, joined(bad.hotline, badStreets.hotline));
  const m = arrangeFeed(rng.fork("arrival:mediation"), mediation, joined(bad.mediation, badStreets.mediation));
  const l = arrangeFeed(rng.fork("arrival:litigation"), litigation, joined(bad.litigation, badStreets.litigation));
  const s = arrangeFeed(rng.fork("arrival:supervision"), supervision, joined(badSupervision, badStreets.supervision));
  const all = [h, m, l, s];
  const received = all.reduce((n, f) => n + f.counts.lines, 0);
  const rejected = all.reduce((n, f) => n + f.counts.rejected, 0);
  const accepted = all.reduce((n, f) => n + f.counts.valid, 0);
  return {
    hotline: h.lines,
    mediation: m.lines,
    litigation: l.lines,
    supervision: s.lines,
    truth: {
      seed: options.seed,
      years,
      scale,
      streets,
      hotline: h.records,
      mediation: m.records,
      litigation: l.records,
      supervision: s.records,
      quality: { received, accepted, duplicates: received - rejected - accepted, rejected },
      malformed: all.flatMap((f) => f.entries),
      counts: { hotline: h.counts, mediation: m.counts, litigation: l.counts, supervision: s.counts },
    },
  };
}
