import { chTime } from "@casepulse/store";
import type { Period } from "./period.ts";

export type PeriodParams = Record<
  "start" | "end" | "prev_start" | "prev_end" | "lookback_start" | "spike_start" | "accept_ms",
  string
>;

/** REPORT.md's default of CASEPULSE_ACCEPT_HOURS: an order accepted (签收) within this many hours of registration is accepted in time. */
export const DEFAULT_ACCEPT_HOURS = 24;

/**
 * The period's bounds as query parameters; SQL reads them as {start:DateTime64(3, 'UTC')} etc.,
 * and the acceptance window as {accept_ms:Int64} (milliseconds, so a fraction of an hour is exact to the millisecond).
 */
export function periodParams(p: Period, acceptHours = DEFAULT_ACCEPT_HOURS): PeriodParams {
  return {
    accept_ms: String(Math.round(acceptHours * 3_600_000)),
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
