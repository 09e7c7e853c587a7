// Rejected records: each is derived from a real record of its feed (so it looks like the real
// thing) and given a fresh msg_id, then broken in exactly one way.
import type { Emitted, MalformedLine } from "./arrival.ts";
import type { IdFactory } from "./ids.ts";
import {
  BAD_TIMESTAMPS,
  MALFORMED_BY_FEED,
  MALFORMED_RATE,
  STREET_MALFORMED,
  STREET_MALFORMED_RATE,
  type FeedName,
  type MalformedEntry,
  type MalformedKind,
} from "./malformed-kinds.ts";
import type { Rng } from "./rng.ts";

type Obj = Record<string, unknown>;

interface FeedShape {
  required: string[];
  idKey: string;
  timestamps: string[];
  enums: [string, unknown][];
}

const SHAPES: Record<FeedName, FeedShape> = {
  hotline: {
    required: ["msg_id", "order_id", "event", "event_time"],
    idKey: "order_id",
    timestamps: ["event_time", "deadline"],
    enums: [["event", "完成"], ["event", "转办"], ["channel", "短信"], ["satisfaction", "非常满意"]],
  },
  mediation: {
    required: ["msg_id", "case_id", "updated_at", "registered_at", "kind", "dispute_type", "status"],
    idKey: "case_id",
    timestamps: ["updated_at", "registered_at", "closed_at"],
    enums: [["status", "已结案"], ["kind", "仲裁调解"], ["status", "调解成功 "]],
  },
  litigation: {
    required: ["msg_id", "case_id", "kind", "cause", "filed_at", "updated_at", "status"],
    idKey: "case_id",
    timestamps: ["filed_at", "updated_at", "hearing_at", "decided_at"],
    enums: [["status", "pending"], ["outcome", "partially_upheld"], ["kind", "仲裁"], ["kind", "Litigation"]],
  },
  supervision: {
    required: ["msg_id", "item_id", "kind", "received_at", "due_at", "updated_at", "status"],
    idKey: "item_id",
    timestamps: ["received_at", "due_at", "updated_at", "replied_at"],
    enums: [["kind", "人大代表建议"], ["kind", "信访件"], ["status", "已回复"], ["status", "pending"]],
  },
};

function without(o: Obj, ...keys: string[]): Obj {
  const copy = { ...o };
  for (const k of keys) delete copy[k];
  return copy;
}

function breakRecord(rng: Rng, feed: FeedName, kind: MalformedKind, all: Obj[], msgId: string): string {
  const shape = SHAPES[feed];
  const any: Obj = { ...rng.pick(all), msg_id: msgId };
  /** Prefer a base record of the right shape; at tiny scales patch any record into that shape. */
  const base = (matches: (o: Obj) => boolean, patch: Obj): Obj => {
    const fitting = all.filter(matches);
    return fitting.length > 0 ? { ...rng.pick(fitting), msg_id: msgId } : { ...any, ...patch };
  };
  switch (kind) {
    case "invalid_json": {
      const text = JSON.stringify(any);
      // Any proper prefix of an object's JSON is invalid; so is a trailing comma.
      return rng.chance(0.6) ? text.slice(0, rng.int(1, text.length - 1)) : `${text.slice(0, -1)},}`;
    }
    case "json_array":
      return JSON.stringify([any]);
    case "missing_required":
      return JSON.stringify(without(any, rng.pick(shape.required)));
    case "null_required":
      return JSON.stringify({ ...any, [rng.pick(shape.required)]: null });
    case "wrong_type": {
      const id = String(any[shape.idKey]).replace(/\D/g, "").slice(0, 15) || "20240001";
      return JSON.stringify({ ...any, [shape.idKey]: Number(id) });
    }
    case "enum_value": {
      const [key, value] = rng.pick(shape.enums);
      return JSON.stringify({ ...any, [key]: value });
    }
    case "bad_timestamp":
      return JSON.stringify({ ...any, [rng.pick(shape.timestamps)]: rng.pick(BAD_TIMESTAMPS) });
    case "empty_id":
      return JSON.stringify({ ...any, [shape.idKey]: rng.pick(["", "  "]) });
    case "register_without_category":
      return JSON.stringify(without(base((o) => o.event === "登记", { event: "登记" }), "category"));
    case "visit_without_satisfaction":
      return JSON.stringify(without(base((o) => o.event === "回访", { event: "回访" }), "satisfaction"));
    case "category_one_level": {
      const reg = base((o) => o.event === "登记", { event: "登记" });
      return JSON.stringify({ ...reg, category: rng.pick(["违法建设", "城乡建设/", "/噪音扰民"]) });
    }
    case "oversize": {
      // ~300 KB of Chinese text (3 bytes a character), over the 256 KiB limit.
      const reg = base((o) => o.event === "登记", { event: "登记" });
      return JSON.stringify({ ...reg, content: "附件内容：".concat("反映楼顶违法加建问题".repeat(10_000)) });
    }
    case "closed_status_without_closed_at":
      return JSON.stringify(without(base((o) => o.status === "调解成功", { status: "调解成功" }), "closed_at"));
    case "negative_amount":
      return JSON.stringify({ ...any, amount_yuan: rng.pick<unknown>([-500, -12500.5, "-1,200.00"]) });
    case "bad_amount_string":
      return JSON.stringify({ ...any, amount_yuan: rng.pick(["12,50.00", "一万元", "12.500,00", "1 200", "¥800"]) });
    case "parties_as_string":
      return JSON.stringify({ ...any, parties: "3" });
    case "outcome_without_decided_at":
      return JSON.stringify(without(base((o) => o.outcome != null, { status: "decided", outcome: "upheld" }), "decided_at"));
    case "decided_without_outcome":
      return JSON.stringify(without(base((o) => o.status === "decided", { status: "decided" }), "outcome", "decided_at"));
    case "hearing_without_head_appeared": {
      const fallback = { status: "hearing", hearing_at: any.filed_at };
      return JSON.stringify(without(base((o) => o.hearing_at != null, fallback), "head_appeared"));
    }
    case "head_appeared_as_string": {
      const fallback = { status: "hearing", hearing_at: any.filed_at };
      return JSON.stringify({ ...base((o) => o.hearing_at != null, fallback), head_appeared: rng.pick(["true", "是"]) });
    }
    case "replied_without_replied_at":
      return JSON.stringify(without(base((o) => o.replied_at != null, { status: "已答复" }), "replied_at"));
    case "leveled_without_level":
      return JSON.stringify(without(base((o) => o.level != null, { kind: "人大建议" }), "level"));
    case "bad_level": {
      // Levels the contract does not list (市级/区级 are only spreadsheet labels, so not used here).
      const leveled = base((o) => o.level != null, { kind: "政协提案" });
      return JSON.stringify({ ...leveled, level: rng.pick(["省", "街道", "国家", ""]) });
    }
    case "blank_street":
      return JSON.stringify({ ...any, street: rng.pick(["", " ", "   "]) });
    case "street_not_string":
      return JSON.stringify({ ...any, street: rng.pick([440305, 12, 0]) });
  }
}

export interface Malformed {
  lines: MalformedLine[];
  entries: MalformedEntry[];
}

export function malformedLines<T extends { msg_id: string }>(rng: Rng, ids: IdFactory, feed: FeedName, valid: Emitted<T>[]): Malformed {
  return plant(rng, ids, feed, valid, MALFORMED_BY_FEED[feed], MALFORMED_RATE);
}

/** The malformed streets of `generate --streets`: their own stream, msg_ids after every other. */
export function streetMalformedLines<T extends { msg_id: string }>(rng: Rng, ids: IdFactory, feed: FeedName, valid: Emitted<T>[]): Malformed {
  return plant(rng, ids, feed, valid, STREET_MALFORMED, STREET_MALFORMED_RATE);
}

/** Each kind once, then random kinds up to `rate` of the valid records. */
function plant<T>(rng: Rng, ids: IdFactory, feed: FeedName, valid: Emitted<T>[], kinds: readonly MalformedKind[], rate: number): Malformed {
  // At tiny scales a feed can have no valid record: nothing to derive a broken one from, nor an
  // arrival time to place it at.
  if (valid.length === 0) return { lines: [], entries: [] };
  const repeatable = kinds.filter((k) => k !== "oversize"); // one 300 KB line is plenty
  const total = Math.max(kinds.length, Math.round(valid.length * rate));
  const lines: MalformedLine[] = [];
  const entries: MalformedEntry[] = [];
  const all = valid.map((e) => e.record as unknown as Obj);
  for (let i = 0; i < total; i++) {
    const kind = i < kinds.length ? (kinds[i] as MalformedKind) : rng.pick(repeatable);
    // Fresh msg_ids: a rejected record must never share one with a valid record.
    const msgId = ids.msgId();
    const line = breakRecord(rng, feed, kind, all, msgId);
    lines.push({ line, at: rng.pick(valid).at });
    entries.push({ feed, kind, msgId: carriedMsgId(line) });
  }
  return { lines, entries };
}

function carriedMsgId(line: string): string | null {
  try {
    const parsed: unknown = JSON.parse(line);
    const o = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
    if (o && typeof o === "object" && typeof (o as Obj).msg_id === "string") return (o as Obj).msg_id as string;
  } catch {
    // invalid JSON: look for the id in the text
    return /"msg_id":"([^"]+)"/.exec(line)?.[1] ?? null;
  }
  return null;
}
