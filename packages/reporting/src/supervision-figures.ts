// supervision.* of REPORT.md over the latest snapshot of each item (FEEDS.md section 4).
import { SUPERVISION_KINDS, SUPERVISION_LEVELS } from "@casepulse/feeds/model";
import type { Store } from "@casepulse/store";
import {
  countColumns,
  SUPERVISION_COUNTS,
  SUPERVISION_ENTRY_COUNTS,
  SUPERVISION_ENTRY_LEVEL,
  SUPERVISION_RECEIVED_IN_P,
} from "./figure-conditions.ts";
import { rate, type SupervisionBlock, type SupervisionKindEntry } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";

/** Position in a constant list; a value outside it (never stored by a valid feed) goes last. */
const rank = (list: readonly (string | null)[], value: string | null) => {
  const i = list.indexOf(value);
  return i === -1 ? list.length : i;
};

/** REPORT.md's order: 人大建议, 政协提案, 司法建议, 检察建议, then 市 before 区 (a missing level last). */
export function compareEntries(a: SupervisionKindEntry, b: SupervisionKindEntry): number {
  return (
    rank(SUPERVISION_KINDS, a.kind) - rank(SUPERVISION_KINDS, b.kind) ||
    (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
    rank([...SUPERVISION_LEVELS, null], a.level) - rank([...SUPERVISION_LEVELS, null], b.level)
  );
}

export async function supervisionFigures(store: Store, params: PeriodParams): Promise<SupervisionBlock> {
  const items = `${store.database}.supervision_items`;
  const [f] = await store.query<Record<string, number>>(`SELECT ${countColumns(SUPERVISION_COUNTS)} FROM ${items}`, params);
  // The level is renamed: an alias `level` would stand for the column inside its own expression.
  const entries = await store.query<Record<string, string | number | null>>(
    `SELECT kind, ${SUPERVISION_ENTRY_LEVEL} AS entry_level, ${countColumns(SUPERVISION_ENTRY_COUNTS)}
     FROM ${items} WHERE ${SUPERVISION_RECEIVED_IN_P}
     GROUP BY kind, entry_level`,
    params,
  );
  const r = f!;
  const by_kind = entries
    .map((e) => ({
      kind: e.kind as SupervisionKindEntry["kind"],
      level: e.entry_level as SupervisionKindEntry["level"],
      received: Number(e.received),
      replied: Number(e.replied),
      replied_on_time: Number(e.replied_on_time),
    }))
    .sort(compareEntries);
  return {
    received: Number(r.received),
    replied: Number(r.replied),
    replied_on_time: Number(r.replied_on_time),
    on_time_reply_rate: rate(Number(r.replied_on_time), Number(r.received)),
    late: Number(r.late),
    by_kind,
  };
}
