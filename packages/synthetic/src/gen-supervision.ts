// Supervision items (人大建议, 政协提案 of the city or district; 司法建议, 检察建议), each snapshot a
// full state: 办理中, then 已答复 or 已办结 with replied_at. Most are answered on time (a few at the
// very deadline), some late, a few never (still open past due at the export); some deadlines are
// extended (延期), some entries corrected by a later snapshot, and the odd same-instant pair.
import type { Emitted } from "./arrival.ts";
import { registerDate } from "./calendar.ts";
import { LEVELED_KINDS, type SupervisionKind, type SupervisionLevel, type SupervisionSnapshot } from "./feed-types.ts";
import type { IdFactory } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS, duration, formatTimestamp, shanghaiParts, shanghaiTime, type FormWeights } from "./time-format.ts";

export const SUPERVISION_ITEMS_PER_YEAR = 80;
const FORMS: FormWeights = [["local", 55], ["offset", 20], ["utc", 20], ["offset-no-seconds", 5]];
const WEEK_MS = 7 * DAY_MS;

type Combo = readonly [SupervisionKind, SupervisionLevel | null];
/** Every (kind, level) of the report, with rough shares: district bodies send the most. */
const COMBO_WEIGHTS: readonly (readonly [Combo, number])[] = [
  [["人大建议", "市"], 10],
  [["人大建议", "区"], 27],
  [["政协提案", "市"], 8],
  [["政协提案", "区"], 25],
  [["司法建议", null], 16],
  [["检察建议", null], 14],
];
type Outcome = "on_time" | "late" | "open";
const OUTCOMES: readonly (readonly [Outcome, number])[] = [["on_time", 90], ["late", 7], ["open", 3]];
const EXTRA = { handler_unit: "蛇口街道党政综合办公室", source_system: "深圳市建议提案办理平台" };

type State = Omit<SupervisionSnapshot, "msg_id" | "item_id" | "updated_at">;

interface ItemPlan {
  itemId: string;
  kind: SupervisionKind;
  level: SupervisionLevel | null;
  received: number;
  outcome: Outcome;
}

const fmt = (rng: Rng, ms: number): string => formatTimestamp(ms, rng.weighted(FORMS));

function itemId(kind: SupervisionKind, level: SupervisionLevel | null, year: number, n: number): string {
  const no = String(n).padStart(4, "0");
  if (kind === "人大建议") return `${level ?? "区"}人大〔${year}〕第${no}号`;
  if (kind === "政协提案") return `${level ?? "区"}政协〔${year}〕第${no}号`;
  return kind === "司法建议" ? `(${year})粤0305司建${n}号` : `深南检行建〔${year}〕${n}号`;
}

/** 答复期限: about three months for suggestions and proposals, two for recommendations. */
function dueAfter(rng: Rng, kind: SupervisionKind, received: number): number {
  const weeks = LEVELED_KINDS.includes(kind) ? rng.int(8, 13) : rng.int(4, 9);
  const day = shanghaiParts(received + weeks * WEEK_MS);
  // A date-only deadline is 00:00 of that day, so a reply later that same day is late.
  return shanghaiTime(day.year, day.month0, day.day, rng.chance(0.5) ? 0 : 18);
}

function replyTime(rng: Rng, outcome: Outcome, after: number, due: number): number {
  if (outcome === "late") return due + duration(rng, HOUR_MS, 30 * DAY_MS);
  if (due <= after + HOUR_MS || rng.chance(0.03)) return due; // at the very deadline: still on time
  return Math.min(due, after + duration(rng, HOUR_MS, due - after));
}

function itemSnapshots(rng: Rng, ids: IdFactory, plan: ItemPlan): Emitted<SupervisionSnapshot>[] {
  const { kind, level } = plan;
  const fix = rng.chance(0.12) ? rng.pick(["extend", "received", "entry", "replied"] as const) : null;
  let due = dueAfter(rng, kind, plan.received);
  // A misfiled entry carries the other level (or the other recommendation kind) until corrected.
  const misfiled = kind === "司法建议" ? "检察建议" : "司法建议";
  const levelKey: Pick<State, "level"> =
    level !== null ? { level: fix === "entry" ? (level === "市" ? "区" : "市") : level } : rng.chance(0.1) ? { level: null } : {};
  const state: State = {
    kind: fix === "entry" && level === null ? misfiled : kind,
    ...levelKey, // null means absent
    received_at: fmt(rng, plan.received),
    due_at: fmt(rng, due),
    status: "办理中",
  };

  const out: Emitted<SupervisionSnapshot>[] = [];
  let before: State = { ...state };
  const emit = (at: number, s: State): void => {
    const record: SupervisionSnapshot = { msg_id: ids.msgId(), item_id: plan.itemId, ...s, updated_at: fmt(rng, at) };
    out.push(rng.chance(0.02) ? { record, at, extra: EXTRA } : { record, at });
  };
  const snapshot = (at: number, patch: Partial<State>): void => {
    before = { ...state };
    Object.assign(state, patch);
    emit(at, state);
  };

  let t = plan.received + duration(rng, HOUR_MS, 2 * DAY_MS);
  snapshot(t, {});
  if (fix === "extend") {
    due += rng.int(2, 6) * WEEK_MS; // 延期 granted before the reply
    snapshot((t += duration(rng, DAY_MS, 14 * DAY_MS)), { due_at: fmt(rng, due) });
  } else if (rng.chance(0.3)) {
    snapshot((t += duration(rng, 3 * DAY_MS, 20 * DAY_MS)), {}); // a newer snapshot, same state
  }
  let replied: number | null = null;
  if (plan.outcome !== "open") {
    replied = replyTime(rng, plan.outcome, t, due);
    const status = rng.chance(0.7) ? "已答复" : "已办结";
    t = Math.max(t, replied) + duration(rng, 10 * 60_000, 3 * DAY_MS);
    snapshot(t, { status, replied_at: fmt(rng, replied) });
    if (status === "已答复" && rng.chance(0.4)) snapshot((t += duration(rng, 5 * DAY_MS, 30 * DAY_MS)), { status: "已办结" });
  }
  const later = t + duration(rng, DAY_MS, 20 * DAY_MS);
  if (fix === "received") snapshot(later, { received_at: fmt(rng, Math.min(later, plan.received + rng.int(-5, 5) * DAY_MS)) });
  else if (fix === "entry") snapshot(later, level === null ? { kind } : { level });
  else if (fix === "replied" && replied !== null) {
    const fixed = Math.min(later, Math.max(plan.received, replied + rng.int(-2, 3) * DAY_MS));
    snapshot(later, { replied_at: fmt(rng, fixed) });
  }
  // Two snapshots at one instant: only the greater msg_id says which state is current.
  const last = out[out.length - 1];
  if (out.length >= 2 && last && rng.chance(0.03)) emit(last.at, before);
  return out;
}

export function generateSupervision(rng: Rng, ids: IdFactory, years: [number, number], scale: number, cutoff: number): Emitted<SupervisionSnapshot>[] {
  const out: Emitted<SupervisionSnapshot>[] = [];
  const n = Math.max(1, Math.round(SUPERVISION_ITEMS_PER_YEAR * scale));
  for (let year = years[0]; year <= years[1]; year++) {
    const received = Array.from({ length: n }, () => registerDate(rng, year, rng.int(0, 11))).sort((a, b) => a - b);
    // Whatever the scale, each year has every (kind, level), a late reply and, received before
    // September, an item never answered (past due at the export).
    const slots = rng.shuffle(received.map((_, i) => i));
    const combos = new Map<number, Combo>();
    COMBO_WEIGHTS.forEach(([combo], j) => slots[j] !== undefined && combos.set(slots[j], combo));
    const lateSlot = slots[0];
    // From this receipt on, the first item with two snapshots or more is held back (see below).
    let backlogFrom = slots[1] ?? 0;
    const september = shanghaiTime(year, 8, 1);
    const openSlot = slots.slice(1).find((i) => (received[i] ?? september) < september);
    const numbers = new Map<string, number>();
    received.forEach((at, i) => {
      const [kind, level] = combos.get(i) ?? rng.weighted(COMBO_WEIGHTS);
      // Numbers run with the receipt order; the sub-district sees only some of each body's items.
      const series = `${kind}${level ?? ""}`;
      const number = (numbers.get(series) ?? rng.int(0, 30)) + rng.int(1, 9);
      numbers.set(series, number);
      const outcome = i === lateSlot ? "late" : i === openSlot ? "open" : rng.weighted(OUTCOMES);
      const snapshots = itemSnapshots(rng, ids, { itemId: itemId(kind, level, year, number), kind, level, received: at, outcome });
      // The register's sync backlog: a first snapshot that arrives only after the item's later ones.
      const [first, last] = [snapshots[0], snapshots[snapshots.length - 1]];
      if (first && last && first !== last && (i >= backlogFrom || rng.chance(0.03))) {
        first.heldBack = last.at - first.at + duration(rng, DAY_MS, 10 * DAY_MS);
        if (i >= backlogFrom) backlogFrom = Infinity;
      }
      out.push(...snapshots);
    });
  }
  return out.filter((e) => e.at < cutoff);
}
