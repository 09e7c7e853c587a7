import { describe, expect, it } from "vitest";
import type { Feed } from "@casepulse/feeds";
import { planHeader } from "./header.ts";
import type { Mapping } from "./mapping.ts";

const none: Mapping | null = null;

describe("planHeader: which key each column gives", () => {
  it.each<{ name: string; feed: Feed; header: string[]; mapping?: Mapping; keys: (string | null)[]; ignored?: string[]; orderRows?: boolean; hasMsgId?: boolean }>([
    { name: "contract keys", feed: "mediation", header: ["msg_id", "case_id", "status"], keys: ["msg_id", "case_id", "status"], hasMsgId: true },
    { name: "Chinese labels, trimmed", feed: "litigation", header: [" 案号 ", "案由", "负责人出庭"], keys: ["case_id", "cause", "head_appeared"], hasMsgId: false },
    { name: "the labels of every feed: 消息编号, 街道 and 所属街道", feed: "supervision", header: ["消息编号", "编号", "街道"], keys: ["msg_id", "item_id", "street"] },
    { name: "the same label means each feed's own key", feed: "mediation", header: ["案件状态", "更新时间"], keys: ["status", "updated_at"] },
    { name: "unknown columns are ignored and named", feed: "litigation", header: ["案号", "法院", ""], keys: ["case_id", null, null], ignored: ["法院", "(column 3, no name)"] },
    { name: "a site's mapping comes first", feed: "litigation", header: ["案件字号", "案由"], mapping: { columns: { 案件字号: "case_id", 案由: "cause" }, values: {} }, keys: ["case_id", "cause"] },
    { name: "hotline events", feed: "hotline", header: ["工单编号", "环节", "环节时间", "登记时间"], keys: ["order_id", "event", "event_time", null], orderRows: false },
    { name: "the 12345 order list", feed: "hotline", header: ["工单编号", "登记时间", "派发时间", "满意度", "消息编号", "环节时间"], keys: ["order_id", "registered_at", "dispatched_at", "satisfaction", null, null], orderRows: true, ignored: ["消息编号", "环节时间"] },
    { name: "order-list times are no keys of other feeds", feed: "mediation", header: ["案件编号", "派发时间"], keys: ["case_id", null] },
  ])("$name", ({ feed, header, mapping, keys, ignored, orderRows, hasMsgId }) => {
    const plan = planHeader(feed, header, mapping ?? none);
    expect(plan.keys).toStrictEqual(keys);
    if (ignored) expect(plan.ignored).toStrictEqual(ignored);
    if (orderRows !== undefined) expect(plan.orderRows).toBe(orderRows);
    if (hasMsgId !== undefined) expect(plan.hasMsgId).toBe(hasMsgId);
  });

  it("cell values: the feed's Chinese values, then the site's", () => {
    const plan = planHeader("litigation", ["案件状态", "负责人出庭"], { columns: {}, values: { status: { 审结: "decided" } } });
    expect(plan.values.status).toMatchObject({ 已立案: "filed", 审结: "decided" });
    expect(plan.values.head_appeared).toStrictEqual({ 是: true, 否: false });
  });

  it.each([
    { name: "no key at all", feed: "litigation" as Feed, header: ["序号", "姓名"], error: /names no key of the litigation feed/ },
    { name: "two columns, one key", feed: "hotline" as Feed, header: ["街道", "所属街道"], error: /both give street/ },
    { name: "a key twice by name and label", feed: "mediation" as Feed, header: ["case_id", "案件编号"], error: /both give case_id/ },
  ])("refused: $name", ({ feed, header, error }) => expect(() => planHeader(feed, header, none)).toThrow(error));
});
