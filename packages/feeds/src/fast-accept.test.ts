// The plain accepters must give exactly the zod schemas' results: the same verdict and, when
// accepted, the same record (keys, values, nulls). Each valid base record is changed in one key
// at a time to every value below, and both are asked.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CONTRACTS, HOTLINE_CHANNELS, HOTLINE_EVENTS, LITIGATION_OUTCOMES, LITIGATION_STATUSES, MEDIATION_KINDS, MEDIATION_STATUSES, SATISFACTION,
  SUPERVISION_KINDS, SUPERVISION_LEVELS, SUPERVISION_STATUSES, type Feed,
} from "./model.ts";
import { FEED_SCHEMAS } from "./validate.ts";
import { plainAccepter } from "./validators.ts";

type Obj = Record<string, unknown>;
const ABSENT = Symbol("absent");

/** Values of every JSON type and the edge cases of each field rule. */
const ODD: unknown[] = [
  ABSENT, null, "", " ", "\u3000", "\t\n", "\u00a0x\u00a0", "x", "a/b", "a/ ", " /b", "a//b", "城乡建设/违法建设/拆除",
  "\ud800", "a\udc00b", "😀", 0, -0, 1, -1, 1.5, 4294967295, 4294967296, 1e15, 999999999999999.9, 12.3456789,
  true, false, [], ["x"], {}, { a: 1 },
  "2024-04-01 09:15:00", "2024-04-01T09:15:00Z", "2024-04-01T09:15+08:00", "2024-04-01T09:15:00.5-0330", "2024-02-30 10:00:00",
  "2024-04-01T25:00:00Z", "1899-12-31T23:59:59Z", "2300-01-01 00:00:00", "2024-04-01", "2024-04-01T09:15:00", " 2024-04-01 09:15:00",
  "1,234.50", "1234.5", "12,34", "-5", "1e3", "0.1234567", "999,999,999,999,999.99",
  ...HOTLINE_EVENTS, ...HOTLINE_CHANNELS, ...SATISFACTION, ...MEDIATION_KINDS, ...MEDIATION_STATUSES,
  "reconsideration", "litigation", "行政复议", "行政诉讼", ...LITIGATION_STATUSES, ...LITIGATION_OUTCOMES,
  ...SUPERVISION_KINDS, ...SUPERVISION_LEVELS, ...SUPERVISION_STATUSES, "蛇口街道",
];

const BASES: Record<Feed, Obj[]> = {
  hotline: [
      { msg_id: "h-1", order_id: "GD1", event: "登记", event_time: "2024-04-01 09:15:00", category: "城乡建设/违法建设", community: "湾厦社区", deadline: "2024-04-10T18:00:00+08:00", channel: "电话", caller_phone: "13800138000", content: "楼顶违建" },
      { msg_id: "h-2", order_id: "GD1", event: "派发", event_time: "2024-04-01T10:00:00+08:00", unit: "执法队" },
      { msg_id: "h-3", order_id: "GD1", event: "回访", event_time: "2024-04-03T10:00:00Z", satisfaction: "满意", repeat_of: "GD0", extra: 1, street: "蛇口街道" },
  ],
  mediation: [
      { msg_id: "m-1", case_id: "TJ1", updated_at: "2024-04-01 09:15:00", registered_at: "2024-03-30 09:00:00", kind: "人民调解", dispute_type: "邻里纠纷", status: "受理" },
      { msg_id: "m-2", case_id: "TJ1", updated_at: "2024-04-05 09:15:00", registered_at: "2024-03-30 09:00:00", kind: "诉前调解", dispute_type: "合同纠纷", status: "调解成功", closed_at: "2024-04-05T09:00:00+08:00", community: "湾厦社区", amount_yuan: "12,500.00", parties: 2, referral_order_id: "GD1", street: "招商街道" },
  ],
  litigation: [
      { msg_id: "l-1", case_id: "FY1", kind: "行政诉讼", cause: "行政处罚", filed_at: "2024-01-05 09:00:00", updated_at: "2024-01-05 09:00:00", status: "filed" },
      { msg_id: "l-2", case_id: "FY1", kind: "reconsideration", cause: "信息公开", filed_at: "2024-01-05 09:00:00", updated_at: "2024-05-05T09:00:00Z", status: "decided", hearing_at: "2024-03-01 09:00:00", head_appeared: true, outcome: "revoked", decided_at: "2024-05-01 09:00:00", street: "蛇口街道" },
  ],
  supervision: [
    { msg_id: "s-1", item_id: "市人大〔2024〕第0123号", kind: "人大建议", level: "市", received_at: "2024-03-01 09:00:00", due_at: "2024-05-31 18:00:00", updated_at: "2024-03-01 09:00:00", status: "办理中" },
    { msg_id: "s-2", item_id: "SF-7", kind: "司法建议", received_at: "2024-03-01T01:00:00Z", due_at: "2024-04-01 18:00:00", updated_at: "2024-03-20 09:00:00", status: "已答复", replied_at: "2024-03-20 09:00:00", street: "蛇口街道" },
  ],
};

function variants(base: Obj): Obj[] {
  const out: Obj[] = [base];
  for (const key of Object.keys(base)) {
    for (const value of ODD) {
      const copy = { ...base };
      if (value === ABSENT) delete copy[key];
      else copy[key] = value;
      out.push(copy);
    }
  }
  return out;
}

describe.each(Object.entries(BASES) as [Feed, Obj[]][])("%s accepter", (feed, records) => {
  const schema: z.ZodType = FEED_SCHEMAS[feed];
  const accept = plainAccepter(CONTRACTS[feed]);
  it("accepts exactly what the zod schema accepts, with the same record", () => {
    let accepted = 0;
    let rejected = 0;
    for (const base of records) {
      for (const input of variants(base)) {
        const zod = schema.safeParse(input);
        const fast = accept(input);
        if (zod.success) {
          accepted += 1;
          expect(fast, JSON.stringify(input)).toStrictEqual(zod.data);
        } else {
          rejected += 1;
          expect(fast, JSON.stringify(input)).toBeNull();
        }
      }
    }
    // Both verdicts occur, so neither side of the comparison is vacuous.
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
  });
});
