import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, SupervisionItem } from "@casepulse/feeds";
import { describe, expect, it } from "vitest";
import { createPiiProtector } from "./pii.ts";
import { toRow } from "./rows.ts";

const pii = createPiiProtector("rows-test-key-0123456789");

const EVENT: HotlineEvent = {
  msg_id: "h-1",
  order_id: "GD1",
  event: "登记",
  event_time: Date.parse("2024-04-01T01:15:00Z"),
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: Date.parse("2024-04-10T10:00:00Z"),
  channel: "电话",
  repeat_of: null,
  satisfaction: null,
  unit: "街道城建办",
  caller_phone: null,
  content: null,
  street: "蛇口街道",
};

describe("toRow: hotline rows carry no personal data", () => {
  it.each([
    { name: "phone and content", phone: "+86 138-0013-8000", content: "楼顶违建，电话13800138000", hashed: true, has: true },
    { name: "phone, no content", phone: "13800138000", content: null, hashed: true, has: false },
    { name: "empty content", phone: null, content: "", hashed: false, has: false },
    { name: "content only", phone: null, content: "噪音扰民", hashed: false, has: true },
    { name: "neither", phone: null, content: null, hashed: false, has: false },
    { name: "empty phone", phone: "", content: null, hashed: false, has: false },
  ])("$name", ({ phone, content, hashed, has }) => {
    const row = toRow("hotline", { ...EVENT, caller_phone: phone, content }, pii);
    expect("caller_phone" in row).toBe(false);
    expect("content" in row).toBe(false);
    expect(row.has_content).toBe(has);
    expect(row.caller_hash).toBe(hashed ? pii.hashPhone("13800138000") : null);
    expect(JSON.stringify(row)).not.toContain("13800138000");
    expect(JSON.stringify(row)).not.toContain("违建，");
    const { caller_hash: _h, has_content: _c, ...rest } = row;
    const { caller_phone: _p, content: _t, ...expected } = EVENT;
    expect(rest).toStrictEqual(expected);
  });

  it("the same number written two ways gives the same caller_hash", () => {
    const one = toRow("hotline", { ...EVENT, caller_phone: "+86 138-0013-8000" }, pii);
    const two = toRow("hotline", { ...EVENT, caller_phone: "13800138000" }, pii);
    expect(one.caller_hash).not.toBeNull();
    expect(one.caller_hash).toBe(two.caller_hash);
  });
});

describe("toRow: rows of feeds without personal data are the canonical records", () => {
  const mediation: MediationSnapshot = {
    msg_id: "m-1",
    case_id: "TJ1",
    updated_at: 1,
    registered_at: 0,
    kind: "人民调解",
    dispute_type: "物业纠纷",
    status: "受理",
    closed_at: null,
    community: null,
    amount_yuan: "12500.00",
    parties: 2,
    referral_order_id: null,
    street: null,
  };
  const litigation: LitigationSnapshot = {
    msg_id: "l-1",
    case_id: "(2024)粤0305行初1号",
    kind: "litigation",
    cause: "信息公开",
    filed_at: 0,
    updated_at: 1,
    status: "filed",
    hearing_at: null,
    head_appeared: null,
    outcome: null,
    decided_at: null,
    street: "招商街道",
  };
  const supervision: SupervisionItem = {
    msg_id: "s-1",
    item_id: "市人大〔2024〕第0123号",
    kind: "人大建议",
    level: "市",
    received_at: 0,
    due_at: 2,
    updated_at: 1,
    status: "已答复",
    replied_at: 1,
    street: null,
  };
  it.each([
    { feed: "mediation" as const, record: mediation },
    { feed: "litigation" as const, record: litigation },
    { feed: "supervision" as const, record: supervision },
  ])("$feed", ({ feed, record }) => {
    expect(toRow(feed, record, pii)).toStrictEqual({ ...record });
  });
});
