import { DEFAULT_STREET } from "@casepulse/config";
import { chTime } from "@casepulse/store";
import type { Period } from "./period.ts";

export type PeriodParams = Record<
  "start" | "end" | "prev_start" | "prev_end" | "lookback_start" | "spike_start" | "accept_ms" | keyof ScopeParams,
  string
>;

/** Which orders, cases and items a report covers (REPORT.md "Streets"). */
export interface ScopeOptions {
  /** The street of `report --street`; null (or unset) for every street. */
  street?: string | null | undefined;
  /** CASEPULSE_DEFAULT_STREET: the street of whatever names none; FEEDS.md's default when unset. */
  defaultStreet?: string | undefined;
}

/**
 * The scope as query parameters: {street:String} is '' for every street (a street is never blank,
 * FEEDS.md), {default_street:String} the street of records that name none. Every count's condition
 * reads both (figure-conditions.ts IN_SCOPE), so every query of them passes these.
 */
export type ScopeParams = Record<"street" | "default_street", string>;

export function scopeParams(scope: ScopeOptions = {}): ScopeParams {
  return { street: scope.street ?? "", default_street: scope.defaultStreet ?? DEFAULT_STREET };
}

/** REPORT.md's default of CASEPULSE_ACCEPT_HOURS: an order accepted (签收) within this many hours of registration is accepted in time. */
export const DEFAULT_ACCEPT_HOURS = 24;

/**
 * The period's bounds as query parameters; SQL reads them as {start:DateTime64(3, 'UTC')} etc.,
 * and the acceptance window as {accept_ms:Int64} (milliseconds, so a fraction of an hour is exact to the millisecond).
 */
export function periodParams(p: Period, acceptHours = DEFAULT_ACCEPT_HOURS, scope: ScopeOptions = {}): PeriodParams {
  return {
    ...scopeParams(scope),
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
