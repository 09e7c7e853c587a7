// The row conditions behind every count of REPORT.md, written once: the figures count them with
// countIf() and `casepulse explain` lists the rows that meet them, so the two cannot drift apart.
import { LITIGATION_OUTCOMES, LOST_OUTCOMES, SUPERVISION_LEVELED_KINDS, SUPERVISION_REPLIED_STATUSES } from "@casepulse/feeds/model";
import { before, within } from "./sql-params.ts";

/** `('a', 'b')`: a constant list of the feeds' model as an SQL list (never outside input). */
export const sqlList = (values: readonly string[]) => `(${values.map((v) => `'${v.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`).join(", ")})`;

/**
 * The street an order, case or item belongs to (FEEDS.md "All feeds"): the `street` of its state
 * view (an order's latest event carrying one, a case's or item's latest snapshot), else the
 * deployment's default street, resolved here when read (migration 007 stores streets as given).
 */
export const STREET_OF = "ifNull(street, {default_street:String})";

/**
 * Whether a row of a state view is in the report's scope (REPORT.md "Streets"): every row when the
 * report has no street ({street:String} is ''), else the rows of that street. Every count below
 * includes it, so every figure, its explain, the year before and the months before are scoped alike.
 */
export const IN_SCOPE = `({street:String} = '' OR ${STREET_OF} = {street:String})`;

/** Conditions over the hotline_orders view (one row per order). */
export const hotlineRegisteredIn = (from: string, to: string) => `registered AND ${within("registered_at", from, to)} AND ${IN_SCOPE}`;
const ORDERS_IN_P = hotlineRegisteredIn("start", "end");
const CLOSED_IN_P = `is_closed AND ${within("closed_at")} AND ${IN_SCOPE}`;

export const HOTLINE_ORDER_COUNTS = {
  orders: ORDERS_IN_P,
  repeat_orders: `${ORDERS_IN_P} AND repeat_of IS NOT NULL`,
  closed: CLOSED_IN_P,
  closed_on_time: `${CLOSED_IN_P} AND closed_at <= deadline`,
  orders_prev: hotlineRegisteredIn("prev_start", "prev_end"),
} as const;

/** Orders of the period, the rows that by_category and by_community group. */
export const HOTLINE_ORDERS_IN_P = ORDERS_IN_P;

/** Over an order joined to its visit of P (visit-conditions.ts: visitsOfP, visitsByEvents); the street is the order's. */
export const HOTLINE_VISIT_COUNTS = {
  visited: IN_SCOPE,
  satisfied: `${IN_SCOPE} AND rating IN ('满意', '基本满意')`,
} as const;

/** Conditions over the mediation_cases view (the latest snapshot of each case). */
const MEDIATION_IN_P = `${within("registered_at")} AND ${IN_SCOPE}`;
const MEDIATION_CLOSED_IN_P = `status IN ('调解成功', '调解失败', '终止') AND ${within("closed_at")} AND ${IN_SCOPE}`;
export const MEDIATION_KINDS = ["人民调解", "诉前调解", "行政调解", "司法调解"] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

export const MEDIATION_REGISTERED_IN_P = MEDIATION_IN_P;
export const MEDIATION_COUNTS = {
  registered: MEDIATION_IN_P,
  closed: MEDIATION_CLOSED_IN_P,
  succeeded: `${MEDIATION_CLOSED_IN_P} AND status = '调解成功'`,
  failed: `${MEDIATION_CLOSED_IN_P} AND status = '调解失败'`,
  registered_prev: `${within("registered_at", "prev_start", "prev_end")} AND ${IN_SCOPE}`,
} as const;
export const mediationKindCondition = (kind: MediationKind) => `${MEDIATION_IN_P} AND kind = '${kind}'`;

/**
 * Cases of P referred by a hotline order casepulse holds (any stored event of that order_id), of
 * whichever street that order is: the deployment holds it. The inner IN reads only the order
 * state's index granules of the referred ids, not every order.
 */
const referredIn = (db: string) =>
  `${MEDIATION_IN_P} AND referral_order_id IN (SELECT order_id FROM ${db}.hotline_order_state
     WHERE order_id IN (SELECT referral_order_id FROM ${db}.mediation_snapshots WHERE referral_order_id IS NOT NULL))`;
export const mediationReferralCounts = (db: string) =>
  ({
    referred: referredIn(db),
    referred_succeeded: `${referredIn(db)} AND status = '调解成功'`,
  }) as const;

/** The counts of a by_dispute_type entry (the rows are grouped by dispute_type). */
export const DISPUTE_TYPE_COUNTS = {
  registered: MEDIATION_IN_P,
  succeeded: `${MEDIATION_IN_P} AND status = '调解成功'`,
} as const;

/** Conditions over the litigation_cases view (the latest snapshot of each case). */
const FILED_IN_P = `${within("filed_at")} AND ${IN_SCOPE}`;
const FILED_PREV = `${within("filed_at", "prev_start", "prev_end")} AND ${IN_SCOPE}`;
const LOST = sqlList(LOST_OUTCOMES);
/** 调撤: the case ended by withdrawal or settlement. */
export const WITHDRAWN_OR_SETTLED_OUTCOMES = ["withdrawn", "settled"] as const satisfies readonly (typeof LITIGATION_OUTCOMES)[number][];
const DECIDED_IN_P = `${within("decided_at")} AND ${IN_SCOPE}`;
const HEARD_IN_P = `${within("hearing_at")} AND ${IN_SCOPE}`;

export const LITIGATION_FILED_IN_P = FILED_IN_P;
export const LITIGATION_COUNTS = {
  rc_filed: `kind = 'reconsideration' AND ${FILED_IN_P}`,
  rc_prev: `kind = 'reconsideration' AND ${FILED_PREV}`,
  lt_filed: `kind = 'litigation' AND ${FILED_IN_P}`,
  lt_prev: `kind = 'litigation' AND ${FILED_PREV}`,
  decided: DECIDED_IN_P,
  lost: `${DECIDED_IN_P} AND outcome IN ${LOST}`,
  rc_decided: `kind = 'reconsideration' AND ${DECIDED_IN_P}`,
  rc_corrected: `kind = 'reconsideration' AND ${DECIDED_IN_P} AND outcome IN ${LOST}`,
  lt_decided: `kind = 'litigation' AND ${DECIDED_IN_P}`,
  lt_lost: `kind = 'litigation' AND ${DECIDED_IN_P} AND outcome IN ${LOST}`,
  lt_withdrawn: `kind = 'litigation' AND ${DECIDED_IN_P} AND outcome IN ${sqlList(WITHDRAWN_OR_SETTLED_OUTCOMES)}`,
  hearings: HEARD_IN_P,
  head_appeared: `${HEARD_IN_P} AND head_appeared`,
} as const;

/** Cases filed in P whose cause no case (of the scope) filed in the 12 months before P has. */
export const newCauseCondition = (cases: string) =>
  `${FILED_IN_P} AND cause NOT IN (SELECT cause FROM ${cases} WHERE ${within("filed_at", "lookback_start", "start")} AND ${IN_SCOPE})`;

/**
 * Conditions over the supervision_items view (the latest snapshot of each item). Every count is of
 * the items received in P; an item is replied by its status alone (FEEDS.md section 4), on time
 * when it also has a reply time at or before its due time.
 */
export const SUPERVISION_RECEIVED_IN_P = `${within("received_at")} AND ${IN_SCOPE}`;
const IN_P = SUPERVISION_RECEIVED_IN_P;
const REPLIED = `status IN ${sqlList(SUPERVISION_REPLIED_STATUSES)}`;
const NOT_REPLIED = `status NOT IN ${sqlList(SUPERVISION_REPLIED_STATUSES)}`;
const HAS_REPLY_TIME = "replied_at IS NOT NULL";
export const SUPERVISION_COUNTS = {
  received: IN_P,
  replied: `${IN_P} AND ${REPLIED}`,
  replied_on_time: `${IN_P} AND ${REPLIED} AND ${HAS_REPLY_TIME} AND replied_at <= due_at`,
  late: `${IN_P} AND ((${REPLIED} AND ${HAS_REPLY_TIME} AND replied_at > due_at)
         OR (${NOT_REPLIED} AND ${before("due_at")}))`,
} as const;
/** The counts of a by_kind entry. */
export const SUPERVISION_ENTRY_COUNTS = {
  received: SUPERVISION_COUNTS.received,
  replied: SUPERVISION_COUNTS.replied,
  replied_on_time: SUPERVISION_COUNTS.replied_on_time,
} as const;
/** A by_kind entry's level: the item's own for 人大建议 and 政协提案, NULL for the other kinds. */
export const SUPERVISION_ENTRY_LEVEL = `if(kind IN ${sqlList(SUPERVISION_LEVELED_KINDS)}, level, NULL)`;
/** A by_kind entry's name as explain writes it: `人大建议:市`, `司法建议`. */
export const SUPERVISION_ENTRY_NAME = `if(${SUPERVISION_ENTRY_LEVEL} IS NULL, kind, concat(kind, ':', assumeNotNull(${SUPERVISION_ENTRY_LEVEL})))`;

/** `countIf(<condition>) AS <name>` for each entry, for one SELECT over the view. */
export function countColumns(conditions: Readonly<Record<string, string>>): string {
  return Object.entries(conditions)
    .map(([name, condition]) => `countIf(${condition}) AS ${name}`)
    .join(",\n       ");
}
