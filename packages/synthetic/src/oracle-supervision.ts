// supervision.* figures of REPORT.md for one period.
import { SUPERVISION_KINDS, SUPERVISION_LEVELS, type SupervisionKind, type SupervisionLevel } from "./feed-types.ts";
import type { SupervisionState } from "./oracle-state.ts";
import { within, type Period } from "./period.ts";
import { rate } from "./rates.ts";
import type { SupervisionFigures, SupervisionKindFigures } from "./report-types.ts";

const isReplied = (i: SupervisionState): i is SupervisionState & { repliedAt: number } => i.repliedAt !== null;
const onTime = (i: SupervisionState): boolean => i.repliedAt !== null && i.repliedAt <= i.dueAt;

/** Replied after due_at, or not replied with due_at before the end of P (the first instant after it). */
function isLate(i: SupervisionState, p: Period): boolean {
  return isReplied(i) ? i.repliedAt > i.dueAt : i.dueAt < p.end;
}

/** REPORT.md's order: 人大建议, 政协提案, 司法建议, 检察建议, then 市 before 区 (null last, alone). */
function rank(kind: SupervisionKind, level: SupervisionLevel | null): number {
  return SUPERVISION_KINDS.indexOf(kind) * 3 + (level === null ? 2 : SUPERVISION_LEVELS.indexOf(level));
}

function byKind(received: SupervisionState[]): SupervisionKindFigures[] {
  const groups = new Map<number, SupervisionKindFigures>();
  for (const i of received) {
    const key = rank(i.kind, i.level);
    const g = groups.get(key) ?? { kind: i.kind, level: i.level, received: 0, replied: 0, replied_on_time: 0 };
    g.received++;
    if (isReplied(i)) g.replied++;
    if (onTime(i)) g.replied_on_time++;
    groups.set(key, g);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([, g]) => g);
}

export function supervisionFigures(items: SupervisionState[], p: Period): SupervisionFigures {
  const received = items.filter((i) => within(i.receivedAt, p));
  const replied = received.filter(isReplied).length;
  const repliedOnTime = received.filter(onTime).length;
  return {
    received: received.length,
    replied,
    replied_on_time: repliedOnTime,
    on_time_reply_rate: rate(repliedOnTime, received.length),
    late: received.filter((i) => isLate(i, p)).length,
    by_kind: byKind(received),
  };
}
