// The fourth feed (FEEDS.md section 4) and the `street` of every feed ("All feeds"), through
// validateRecord: what each becomes, and the reason each rejection gives.
import { describe, expect, it } from "vitest";
import { FEEDS, type Feed } from "./model.ts";
import { validateRecord } from "./validate.ts";

type Obj = Record<string, unknown>;
const utc = (isoZ: string) => Date.parse(isoZ);
const check = (feed: Feed, record: Obj) => validateRecord(feed, JSON.stringify(record));

const ITEM: Obj = {
  msg_id: "s-1", item_id: "市人大〔2024〕第0123号", kind: "人大建议", level: "市",
  received_at: "2024-03-01 09:00:00", due_at: "2024-05-31T18:00:00+08:00", updated_at: "2024-04-02 10:00:00",
  status: "已答复", replied_at: "2024-04-02 10:00:00", street: "蛇口街道",
};

/** One valid record of each feed, without `street`. */
const BASES: Record<Feed, Obj> = {
  hotline: { msg_id: "h-1", order_id: "GD1", event: "派发", event_time: "2024-04-01 10:00:00" },
  mediation: { msg_id: "m-1", case_id: "TJ1", updated_at: "2024-04-01 09:15:00", registered_at: "2024-03-30 09:00:00", kind: "人民调解", dispute_type: "邻里纠纷", status: "受理" },
  litigation: { msg_id: "l-1", case_id: "FY1", kind: "行政诉讼", cause: "行政处罚", filed_at: "2024-01-05 09:00:00", updated_at: "2024-01-05 09:00:00", status: "filed" },
  supervision: { msg_id: "s-2", item_id: "SF-7", kind: "司法建议", received_at: "2024-03-01 09:00:00", due_at: "2024-04-01 18:00:00", updated_at: "2024-03-01 09:00:00", status: "办理中" },
};

function reason(result: ReturnType<typeof validateRecord>): string {
  if (result.ok) expect.fail("expected a rejection");
  return result.reason;
}

describe("supervision items", () => {
  it("a replied item becomes its canonical form", () => {
    const result = check("supervision", ITEM);
    expect(result.ok && result.record).toStrictEqual({
      msg_id: "s-1", item_id: "市人大〔2024〕第0123号", kind: "人大建议", level: "市",
      received_at: utc("2024-03-01T01:00:00Z"), due_at: utc("2024-05-31T10:00:00Z"), updated_at: utc("2024-04-02T02:00:00Z"),
      status: "已答复", replied_at: utc("2024-04-02T02:00:00Z"), street: "蛇口街道",
    });
  });

  it("a judicial recommendation needs no level; optional keys come out null", () => {
    const result = check("supervision", BASES.supervision);
    expect(result.ok && result.record).toMatchObject({ level: null, replied_at: null, street: null });
  });

  it.each([
    { change: { level: undefined }, reason: "level: required when kind is 人大建议" },
    { change: { kind: "政协提案", level: null }, reason: "level: required when kind is 政协提案" },
    { change: { replied_at: undefined }, reason: "replied_at: required when status is 已答复" },
    { change: { status: "已办结", replied_at: null }, reason: "replied_at: required when status is 已办结" },
    { change: { kind: "建议" }, reason: "kind: must be one of 人大建议, 政协提案, 司法建议, 检察建议" },
    { change: { level: "省" }, reason: "level: must be one of 市, 区" },
    { change: { status: "已回复" }, reason: "status: must be one of 办理中, 已答复, 已办结" },
    { change: { due_at: "2024-05-31" }, reason: 'due_at: not a valid timestamp (ISO-8601 with offset, or YYYY-MM-DD HH:mm:ss): "2024-05-31"' },
    { change: { item_id: undefined }, reason: "missing required key item_id" },
    { change: { received_at: null }, reason: "required key received_at is null" },
  ])("rejected: $reason", ({ change, reason: expected }) => {
    const record: Obj = { ...ITEM, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete record[key];
    expect(reason(check("supervision", record))).toBe(expected);
  });

  it("an item still in progress may carry no reply", () => {
    expect(check("supervision", { ...ITEM, status: "办理中", replied_at: null }).ok).toBe(true);
  });
});

describe("street on every feed", () => {
  it.each(FEEDS)("%s: kept as given, null when absent or null, refused when blank", (feed) => {
    const street = (record: Obj) => {
      const result = check(feed, record);
      return result.ok ? (result.record as { street: unknown }).street : `rejected: ${result.reason}`;
    };
    expect(street({ ...BASES[feed], street: "招商街道" })).toBe("招商街道");
    expect(street(BASES[feed])).toBeNull();
    expect(street({ ...BASES[feed], street: null })).toBeNull();
    expect(street({ ...BASES[feed], street: "  " })).toBe("rejected: street: must not be empty");
    expect(street({ ...BASES[feed], street: "" })).toBe("rejected: street: must not be empty");
  });

  it.each(FEEDS)("%s: a street that is not a string is rejected naming it", (feed) => {
    expect(reason(check(feed, { ...BASES[feed], street: 12 }))).toMatch(/^street: /);
    expect(reason(check(feed, { ...BASES[feed], street: ["蛇口街道"] }))).toMatch(/^street: /);
  });
});
