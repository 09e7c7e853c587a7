// Writes instants the ways upstream systems do: local Shanghai wall clock, UTC with Z, or with an
// offset. A UTC form shifts Shanghai's small hours into the previous day, month or year, which is
// exactly the trap the pipeline must not fall into.
import type { Rng } from "./rng.ts";
import { SHANGHAI_OFFSET_MS } from "./timestamp.ts";

export type TsForm = "local" | "utc" | "offset" | "offset-compact" | "offset-hours" | "offset-no-seconds";

export type FormWeights = readonly (readonly [TsForm, number])[];

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** UTC ms of a Shanghai wall-clock time (month0 is 0-based and may overflow into the next year). */
export function shanghaiTime(year: number, month0: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  return Date.UTC(year, month0, day, h, mi, s, ms) - SHANGHAI_OFFSET_MS;
}

/** Shanghai wall-clock fields of an instant. */
export function shanghaiParts(ms: number): { year: number; month0: number; day: number } {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
}

function fields(d: Date, withSeconds: boolean): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (!withSeconds) return `${date}T${time}`;
  const millis = d.getUTCMilliseconds();
  return `${date}T${time}:${pad(d.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ""}`;
}

export function formatTimestamp(ms: number, form: TsForm): string {
  const wall = new Date(ms + SHANGHAI_OFFSET_MS);
  switch (form) {
    case "local":
      if (ms % 1000 !== 0) return formatTimestamp(ms, "offset"); // the local form has no fraction
      return fields(wall, true).replace("T", " ");
    case "utc":
      return `${fields(new Date(ms), true)}Z`;
    case "offset":
      return `${fields(wall, true)}+08:00`;
    case "offset-compact":
      return `${fields(wall, true)}+0800`;
    case "offset-hours":
      return `${fields(wall, true)}+08`;
    case "offset-no-seconds":
      if (ms % 60_000 !== 0) return formatTimestamp(ms, "offset");
      return `${fields(wall, false)}+08:00`;
  }
}

export function randomTimestamp(rng: Rng, ms: number, weights: FormWeights): string {
  return formatTimestamp(ms, rng.weighted(weights));
}

/** A random duration in whole seconds: most upstream clocks stamp no milliseconds. */
export function duration(rng: Rng, minMs: number, maxMs: number): number {
  return Math.round(rng.int(minMs, maxMs) / 1000) * 1000;
}
