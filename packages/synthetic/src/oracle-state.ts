// Folds the truth's records into current state per order, case and item, once, independent of any
// period. Rules straight from FEEDS.md + docs/semantics.md: latest by time, ties by the greater msg_id;
// a case's or item's street is its latest snapshot's, not the latest one carrying a street.
import { compareCodePoints } from "./code-point.ts";
import { parseAmount, type Decimal } from "./decimal.ts";
import {
  LEVELED_KINDS,
  REPLIED_STATUSES,
  type LitigationKind,
  type LitigationSnapshot,
  type MediationKind,
  type MediationSnapshot,
  type Outcome,
  type Quality,
  type ReportTruth,
  type SupervisionKind,
  type SupervisionLevel,
  type SupervisionSnapshot,
  type SupervisionStatus,
} from "./feed-types.ts";
import { foldOrder, type OrderState } from "./oracle-order.ts";
import { recordStreet } from "./street.ts";
import { parseTimestamp } from "./timestamp.ts";

export type { OrderState, Visit } from "./oracle-order.ts";

export interface MediationState {
  caseId: string;
  registeredAt: number;
  kind: MediationKind;
  disputeType: string;
  status: MediationSnapshot["status"];
  closedAt: number | null;
  amount: Decimal | null;
  referralOrderId: string | null;
  /** the latest snapshot's street; null when it carries none, whatever earlier snapshots said */
  street: string | null;
}

export interface LitigationState {
  caseId: string;
  kind: LitigationKind;
  cause: string;
  filedAt: number;
  hearingAt: number | null;
  headAppeared: boolean;
  outcome: Outcome | null;
  decidedAt: number | null;
  /** the latest snapshot's street; null when it carries none, whatever earlier snapshots said */
  street: string | null;
}

export interface SupervisionState {
  itemId: string;
  kind: SupervisionKind;
  /** null for the kinds without a level (司法建议, 检察建议) */
  level: SupervisionLevel | null;
  receivedAt: number;
  dueAt: number;
  status: SupervisionStatus;
  /** set exactly when the status is a replied one */
  repliedAt: number | null;
  /** the latest snapshot's street; null when it carries none, whatever earlier snapshots said */
  street: string | null;
}

export interface FoldedTruth {
  orders: OrderState[];
  mediation: MediationState[];
  litigation: LitigationState[];
  supervision: SupervisionState[];
  quality: Quality;
}

interface Timed {
  at: number;
  msgId: string;
}

function later(a: Timed, b: Timed): boolean {
  return a.at !== b.at ? a.at > b.at : compareCodePoints(a.msgId, b.msgId) > 0;
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The truth should already be one record per msg_id; a repeat would be a redelivery anyway. */
function distinctByMsgId<T extends { msg_id: string }>(records: T[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => !seen.has(r.msg_id) && seen.add(r.msg_id));
}

function latestSnapshot<T extends { msg_id: string; updated_at: string }>(snapshots: T[]): T {
  let best: { s: T; at: number; msgId: string } | null = null;
  for (const s of snapshots) {
    const cand = { s, at: parseTimestamp(s.updated_at), msgId: s.msg_id };
    if (best === null || later(cand, best)) best = cand;
  }
  if (best === null) throw new Error("case without snapshots");
  return best.s;
}

/** The latest snapshot's street; the earlier ones are checked too, as the pipeline validates every record. */
function streetOf(latest: { msg_id: string; street?: unknown }, all: readonly { msg_id: string; street?: unknown }[]): string | null {
  for (const s of all) recordStreet(s);
  return recordStreet(latest);
}

function foldMediation(caseId: string, snapshots: MediationSnapshot[]): MediationState {
  const s = latestSnapshot(snapshots);
  return {
    caseId,
    registeredAt: parseTimestamp(s.registered_at),
    kind: s.kind,
    disputeType: s.dispute_type,
    status: s.status,
    closedAt: s.closed_at == null ? null : parseTimestamp(s.closed_at),
    amount: s.amount_yuan == null ? null : parseAmount(s.amount_yuan),
    referralOrderId: s.referral_order_id ?? null,
    street: streetOf(s, snapshots),
  };
}

function normalizeKind(kind: LitigationSnapshot["kind"]): LitigationKind {
  return kind === "reconsideration" || kind === "行政复议" ? "reconsideration" : "litigation";
}

function foldLitigation(caseId: string, snapshots: LitigationSnapshot[]): LitigationState {
  const s = latestSnapshot(snapshots);
  return {
    caseId,
    kind: normalizeKind(s.kind),
    cause: s.cause,
    filedAt: parseTimestamp(s.filed_at),
    hearingAt: s.hearing_at == null ? null : parseTimestamp(s.hearing_at),
    headAppeared: s.head_appeared === true,
    outcome: s.outcome ?? null,
    decidedAt: s.decided_at == null ? null : parseTimestamp(s.decided_at),
    street: streetOf(s, snapshots),
  };
}

function foldSupervision(itemId: string, snapshots: SupervisionSnapshot[]): SupervisionState {
  const s = latestSnapshot(snapshots);
  const replied = REPLIED_STATUSES.includes(s.status);
  if (replied && s.replied_at == null) throw new Error(`replied item without replied_at in truth: ${itemId}`);
  return {
    itemId,
    kind: s.kind,
    level: LEVELED_KINDS.includes(s.kind) ? (s.level ?? null) : null,
    receivedAt: parseTimestamp(s.received_at),
    dueAt: parseTimestamp(s.due_at),
    status: s.status,
    repliedAt: replied && s.replied_at != null ? parseTimestamp(s.replied_at) : null,
    street: streetOf(s, snapshots),
  };
}

export function foldTruth(truth: ReportTruth): FoldedTruth {
  const orders = [...groupBy(distinctByMsgId(truth.hotline), (e) => e.order_id)].map(([id, es]) => foldOrder(id, es));
  const mediation = [...groupBy(distinctByMsgId(truth.mediation), (s) => s.case_id)].map(([id, ss]) =>
    foldMediation(id, ss),
  );
  const litigation = [...groupBy(distinctByMsgId(truth.litigation), (s) => s.case_id)].map(([id, ss]) =>
    foldLitigation(id, ss),
  );
  const supervision = [...groupBy(distinctByMsgId(truth.supervision), (s) => s.item_id)].map(([id, ss]) =>
    foldSupervision(id, ss),
  );
  return { orders, mediation, litigation, supervision, quality: truth.quality };
}
