// hotline process figures of REPORT.md over the orders of P: returns, reopenings, acceptance in
// time and the median hours from registration to closing.
import type { OrderState } from "./oracle-order.ts";
import { rate } from "./rates.ts";
import type { HotlineProcessFigures } from "./report-types.ts";
import { HOUR_MS } from "./time-format.ts";

/** REPORT.md's default of CASEPULSE_ACCEPT_HOURS. */
export const DEFAULT_ACCEPT_HOURS = 24;

/** The earliest 签收 at most acceptHours after the registration time (exactly acceptHours is in time). */
export function acceptedInTime(o: OrderState, acceptHours: number): boolean {
  return o.registeredAt !== null && o.firstAcceptAt !== null && o.firstAcceptAt - o.registeredAt <= acceptHours * HOUR_MS;
}

/**
 * The median of whole-millisecond durations in hours, rounded half up to 0.01 h (36,000 ms), in
 * integers: the mean of the two middle values of an even count is a multiple of 0.5 ms, and a
 * float division would put 0.005 h ties on either side.
 */
export function medianHours(durationsMs: readonly number[]): number | null {
  if (durationsMs.length === 0) return null;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  // twice the median, so that an even count stays an integer
  const twice = sorted.length % 2 === 1 ? 2 * upper : (sorted[mid - 1] ?? 0) + upper;
  return Math.floor((twice + 36_000) / 72_000) / 100;
}

/** registered = the orders of P; closed = the orders closed in P (registered or not). */
export function processFigures(registered: OrderState[], closed: OrderState[], acceptHours: number): HotlineProcessFigures {
  const n = registered.length;
  const returned = registered.filter((o) => o.returned).length;
  const reopened = registered.filter((o) => o.reopened).length;
  const accepted = registered.filter((o) => acceptedInTime(o, acceptHours)).length;
  const durations = closed.flatMap((o) => (o.registeredAt !== null && o.closedAt !== null ? [o.closedAt - o.registeredAt] : []));
  return {
    returned,
    return_rate: rate(returned, n),
    reopened,
    reopen_rate: rate(reopened, n),
    accepted_in_time: accepted,
    acceptance_rate: rate(accepted, n),
    close_hours_median: medianHours(durations),
  };
}
