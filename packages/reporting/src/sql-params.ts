import { chTime } from "@casepulse/store";
import type { Period } from "./period.ts";

export type PeriodParams = Record<
  "start" | "end" | "prev_start" | "prev_end" | "lookback_start" | "spike_start",
  string
>;

/** The period's bounds as query parameters; SQL reads them as {start:DateTime64(3, 'UTC')} etc. */
export function periodParams(p: Period): PeriodParams {
  return {
    start: chTime(p.start),
    end: chTime(p.end),
    prev_start: chTime(p.prev.start),
    prev_end: chTime(p.prev.end),
    lookback_start: chTime(p.lookback.start),
    spike_start: chTime(p.spikeBase.start),
  };
}

/** `col` within [start, end) of the named parameter pair. */
export function within(col: string, from = "start", to = "end"): string {
  return `(${col} >= {${from}:DateTime64(3, 'UTC')} AND ${col} < {${to}:DateTime64(3, 'UTC')})`;
}

/** `col` before the named parameter (the end of P by default): the first instant after P is not before it. */
export function before(col: string, to = "end"): string {
  return `${col} < {${to}:DateTime64(3, 'UTC')}`;
}
