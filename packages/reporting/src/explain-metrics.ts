// `casepulse explain`: which rows stand behind a count of the JSON report. Each count's rows are
// selected with the condition its figure counts (figure-conditions.ts), so the two always agree.
import {
  DISPUTE_TYPE_COUNTS,
  LITIGATION_COUNTS,
  LITIGATION_FILED_IN_P,
  MEDIATION_COUNTS,
  MEDIATION_KINDS,
  mediationKindCondition,
  mediationReferralCounts,
  newCauseCondition,
  SUPERVISION_COUNTS,
  type MediationKind,
} from "./figure-conditions.ts";
import { HOTLINE_FIXED, hotlineKeyedQuery } from "./explain-hotline.ts";
import { supervisionEntryQuery } from "./explain-supervision.ts";

/** Every row has the same columns: the order, case or item id, and the event or snapshot that counted. */
const COLUMNS = "id, msg_id, at";

/** A SELECT of `id, msg_id, at` for database `db`; `key` (when set) is bound as {key:String}. */
export interface MetricQuery {
  sql(db: string): string;
  key?: string;
}

export class UnknownMetricError extends Error {
  override readonly name = "UnknownMetricError";
}

const ID_COLUMNS = { mediation_cases: "case_id", litigation_cases: "case_id", supervision_items: "item_id" } as const;

/** Cases or items, with their latest snapshot (the one the state view took); `condition` gets the database. */
const cases = (view: keyof typeof ID_COLUMNS, condition: (db: string) => string) => (db: string) =>
  `SELECT ${ID_COLUMNS[view]} AS id, msg_id, updated_at AS at
   FROM ${db}.${view} WHERE ${condition(db)} ORDER BY id`;

const mediation = (condition: string) => cases("mediation_cases", () => condition);
const referrals = (count: "referred" | "referred_succeeded") => cases("mediation_cases", (db) => mediationReferralCounts(db)[count]);
const litigation = (condition: string) => cases("litigation_cases", () => condition);
const supervision = (condition: string) => cases("supervision_items", () => condition);

/** Every stored record (distinct msg_id per feed), whatever the period: quality.accepted. */
const accepted = (db: string) =>
  `SELECT ${COLUMNS} FROM (
     SELECT any(order_id) AS id, msg_id, min(event_time) AS at FROM ${db}.hotline_events GROUP BY msg_id
     UNION ALL SELECT any(case_id), msg_id, min(updated_at) FROM ${db}.mediation_snapshots GROUP BY msg_id
     UNION ALL SELECT any(case_id), msg_id, min(updated_at) FROM ${db}.litigation_snapshots GROUP BY msg_id
     UNION ALL SELECT any(item_id), msg_id, min(updated_at) FROM ${db}.supervision_snapshots GROUP BY msg_id
   ) ORDER BY id, msg_id`;

/** Every rejected record with its dead-letter id (what `casepulse dlq` shows): quality.rejected. */
const rejected = (db: string) =>
  `SELECT toString(id) AS id, ifNull(msg_id, '') AS msg_id, received_at AS at FROM ${db}.rejected_events FINAL ORDER BY at, id`;

const M = MEDIATION_COUNTS;
const L = LITIGATION_COUNTS;
const S = SUPERVISION_COUNTS;

const FIXED: Record<string, (db: string) => string> = {
  ...HOTLINE_FIXED,
  "mediation.registered": mediation(M.registered),
  "mediation.registered_prev": mediation(M.registered_prev),
  "mediation.closed": mediation(M.closed),
  "mediation.succeeded": mediation(M.succeeded),
  "mediation.failed": mediation(M.failed),
  "mediation.referred": referrals("referred"),
  "mediation.referred_succeeded": referrals("referred_succeeded"),
  "litigation.reconsideration.filed": litigation(L.rc_filed),
  "litigation.reconsideration.filed_prev": litigation(L.rc_prev),
  "litigation.litigation.filed": litigation(L.lt_filed),
  "litigation.litigation.filed_prev": litigation(L.lt_prev),
  "litigation.reconsideration.decided": litigation(L.rc_decided),
  "litigation.reconsideration.corrected": litigation(L.rc_corrected),
  "litigation.litigation.decided": litigation(L.lt_decided),
  "litigation.litigation.lost": litigation(L.lt_lost),
  "litigation.litigation.withdrawn_or_settled": litigation(L.lt_withdrawn),
  "litigation.decided": litigation(L.decided),
  "litigation.lost": litigation(L.lost),
  "litigation.hearings": litigation(L.hearings),
  "litigation.head_appeared": litigation(L.head_appeared),
  "litigation.new_causes": cases("litigation_cases", (db) => newCauseCondition(`${db}.litigation_cases`)),
  "supervision.received": supervision(S.received),
  "supervision.replied": supervision(S.replied),
  "supervision.replied_on_time": supervision(S.replied_on_time),
  "supervision.late": supervision(S.late),
  "quality.accepted": accepted,
  "quality.rejected": rejected,
};

/** Counts of one entry of a list, named `<list>:<name>` (or `<object>.<key>` for by_kind). */
const KEYED: [prefix: string, sql: (db: string) => string][] = [["litigation.causes:", litigation(`${LITIGATION_FILED_IN_P} AND cause = {key:String}`)]];

/** `mediation.by_dispute_type:<type>` is the type's registered cases; `.succeeded` after it those that succeeded. */
function disputeTypeQuery(name: string): MetricQuery | null {
  const prefix = "mediation.by_dispute_type:";
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  const succeeded = rest.endsWith(".succeeded") && rest.length > ".succeeded".length;
  const key = succeeded ? rest.slice(0, -".succeeded".length) : rest;
  if (key === "") return null;
  return { sql: mediation(`${DISPUTE_TYPE_COUNTS[succeeded ? "succeeded" : "registered"]} AND dispute_type = {key:String}`), key };
}

export function metricQuery(name: string): MetricQuery {
  // Own keys only: "constructor" or "__proto__" would otherwise find Object's and run it as SQL.
  const fixed = Object.hasOwn(FIXED, name) ? FIXED[name] : undefined;
  if (fixed) return { sql: fixed };
  for (const [prefix, sql] of KEYED) {
    if (name.startsWith(prefix) && name.length > prefix.length) return { sql, key: name.slice(prefix.length) };
  }
  const keyed = hotlineKeyedQuery(name) ?? disputeTypeQuery(name);
  if (keyed) return keyed;
  const entry = supervisionEntryQuery(name);
  if (entry) return { sql: supervision(entry.condition), key: entry.key };
  const kind = name.startsWith("mediation.by_kind.") ? name.slice("mediation.by_kind.".length) : null;
  if (kind !== null && (MEDIATION_KINDS as readonly string[]).includes(kind)) {
    return { sql: mediation(mediationKindCondition(kind as MediationKind)) };
  }
  throw new UnknownMetricError(`unknown metric ${JSON.stringify(name)} (a count of the JSON report, e.g. hotline.orders, hotline.by_community:湾厦社区, hotline.by_unit:城管执法队.closed, mediation.by_kind.人民调解, supervision.by_kind:人大建议:市)`);
}
