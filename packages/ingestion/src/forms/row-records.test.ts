import { createPiiProtector } from "@casepulse/normalize";
import { describe, expect, it } from "vitest";
import { planHeader } from "./header.ts";
import { canonicalJson, orderRowEvents, rowLines } from "./row-records.ts";

const pii = createPiiProtector("row-records-test-key-0123");
const date = (iso: string) => new Date(`${iso}Z`);

describe("rowLines: a row's record", () => {
  it("msg_id derived from the canonical JSON of the converted record (keys sorted, no whitespace)", () => {
    const plan = planHeader("litigation", ["案号", "当事人", "负责人出庭", "开庭时间", "案件状态"], null);
    const [line] = rowLines(plan, ["(2024)粤0305行初1号", "张三", "是", date("2024-04-01T10:30:00"), "审理中"], pii);
    const record = JSON.parse(line!) as Record<string, unknown>;
    const { msg_id, ...rest } = record;
    expect(rest).toStrictEqual({ case_id: "(2024)粤0305行初1号", head_appeared: true, hearing_at: "2024-04-01 10:30:00", status: "hearing" });
    expect(canonicalJson(rest as never)).toBe('{"case_id":"(2024)粤0305行初1号","head_appeared":true,"hearing_at":"2024-04-01 10:30:00","status":"hearing"}');
    expect(msg_id).toBe(pii.rowMsgId(canonicalJson(rest as never)));
  });
  it("the same row in another column order, or with other ignored columns, has the same id", () => {
    const a = rowLines(planHeader("mediation", ["案件编号", "当事人数", "备注"], null), ["TJ1", "3", "x"], pii);
    const b = rowLines(planHeader("mediation", ["当事人数", "案件编号"], null), [3, "TJ1"], pii);
    expect(a).toStrictEqual([`{"msg_id":"${pii.rowMsgId('{"case_id":"TJ1","parties":3}')}","case_id":"TJ1","parties":3}`]);
    expect(JSON.parse(b[0]!).msg_id).toBe(JSON.parse(a[0]!).msg_id);
  });
  it("a row with msg_id keeps it; a blank row gives nothing", () => {
    const plan = planHeader("mediation", ["消息编号", "案件编号"], null);
    expect(rowLines(plan, ["m-1", 123], pii)).toStrictEqual(['{"msg_id":"m-1","case_id":"123"}']);
    expect(rowLines(plan, [null, ""], pii)).toStrictEqual([]);
  });
});

describe("orderRowEvents: one 12345 order row, its steps", () => {
  it("each step with a time, with the keys FEEDS.md puts on it, msg_id order:event:time", () => {
    const events = orderRowEvents({
      order_id: "GD1",
      registered_at: "2024-04-01 09:00:00",
      dispatched_at: "2024-04-01T10:00:00+08:00",
      closed_at: "2024-04-03 18:00:00",
      category: "城乡建设/违法建设",
      community: "湾厦社区",
      deadline: "2024-04-10 18:00:00",
      unit: "执法队",
      caller_phone: "13800138000",
      satisfaction: "满意",
    });
    expect(events).toStrictEqual([
      {
        msg_id: "GD1:登记:2024-04-01 09:00:00",
        order_id: "GD1",
        event: "登记",
        event_time: "2024-04-01 09:00:00",
        category: "城乡建设/违法建设",
        community: "湾厦社区",
        deadline: "2024-04-10 18:00:00",
        unit: "执法队",
        caller_phone: "13800138000",
      },
      { msg_id: "GD1:派发:2024-04-01T10:00:00+08:00", order_id: "GD1", event: "派发", event_time: "2024-04-01T10:00:00+08:00", unit: "执法队" },
      { msg_id: "GD1:办结:2024-04-03 18:00:00", order_id: "GD1", event: "办结", event_time: "2024-04-03 18:00:00" },
    ]);
  });
  it("a row with no step time still gives its 登记, without event_time (rejected, kept)", () => {
    expect(orderRowEvents({ order_id: "GD2", category: "a/b" })).toStrictEqual([{ msg_id: "GD2:登记:", order_id: "GD2", event: "登记", category: "a/b" }]);
  });
  it("a date cell's time is rendered YYYY-MM-DD HH:mm:ss in the msg_id", () => {
    const plan = planHeader("hotline", ["工单编号", "登记时间", "回访时间", "满意度"], null);
    const lines = rowLines(plan, [20240001, date("2024-04-01T10:30:00"), date("2024-04-05T09:00:00"), "满意"], pii).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((e) => e.msg_id)).toStrictEqual(["20240001:登记:2024-04-01 10:30:00", "20240001:回访:2024-04-05 09:00:00"]);
    expect(lines[1]).toMatchObject({ order_id: "20240001", event: "回访", satisfaction: "满意" });
  });
});
