// The valid base records of validate.test.ts and validate-values.test.ts, one or more per feed,
// with their canonical forms, and the helpers both use.
import { expect } from "vitest";
import type { Feed } from "./model.ts";
import { validateRecord } from "./validate.ts";

export type Obj = Record<string, unknown>;

export const utc = (isoZ: string) => Date.parse(isoZ);
export const check = (feed: Feed, record: Obj) => validateRecord(feed, JSON.stringify(record));
export const without = (record: Obj, key: string): Obj => {
  const copy = { ...record };
  delete copy[key];
  return copy;
};

/** Asserts a rejection whose reason names `key`; returns the reason. */
export function expectRejected(result: ReturnType<typeof validateRecord>, key: string | RegExp): string {
  expect(result.ok).toBe(false);
  if (result.ok) return "";
  if (typeof key === "string") expect(result.reason).toContain(key);
  else expect(result.reason).toMatch(key);
  return result.reason;
}

export function expectAccepted(result: ReturnType<typeof validateRecord>): Obj {
  if (!result.ok) expect.fail(`expected accepted, got rejected: ${result.reason}`);
  return result.record as unknown as Obj;
}

// ---- valid base records, one per feed -------------------------------------------------------

export const HOTLINE: Obj = {
  msg_id: "h-1",
  order_id: "GD2024040100001",
  event: "登记",
  event_time: "2024-04-01 09:15:00",
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: "2024-04-10T18:00:00+08:00",
  channel: "电话",
  caller_phone: "13800138000",
  content: "楼顶违建",
};
export const HOTLINE_OUT = {
  msg_id: "h-1",
  order_id: "GD2024040100001",
  event: "登记",
  event_time: utc("2024-04-01T01:15:00Z"),
  category: "城乡建设/违法建设",
  community: "湾厦社区",
  deadline: utc("2024-04-10T10:00:00Z"),
  channel: "电话",
  repeat_of: null,
  satisfaction: null,
  unit: null,
  caller_phone: "13800138000",
  content: "楼顶违建",
  street: null,
};
/** A non-登记, non-回访 hotline event: only the always-required keys. */
export const DISPATCH: Obj = { msg_id: "h-2", order_id: "GD2024040100001", event: "派发", event_time: "2024-04-01T10:00:00+08:00" };

export const MEDIATION: Obj = {
  msg_id: "m-1",
  case_id: "TJ2024-0001",
  updated_at: "2024-04-15T10:00:00+08:00",
  registered_at: "2024-04-02 09:00:00",
  kind: "人民调解",
  dispute_type: "物业纠纷",
  status: "调解成功",
  closed_at: "2024-04-15 10:00:00",
  community: "湾厦社区",
  amount_yuan: "12,500.00",
  parties: 2,
  referral_order_id: "GD2024040100001",
};
export const MEDIATION_OUT = {
  msg_id: "m-1",
  case_id: "TJ2024-0001",
  updated_at: utc("2024-04-15T02:00:00Z"),
  registered_at: utc("2024-04-02T01:00:00Z"),
  kind: "人民调解",
  dispute_type: "物业纠纷",
  status: "调解成功",
  closed_at: utc("2024-04-15T02:00:00Z"),
  community: "湾厦社区",
  amount_yuan: "12500.00",
  parties: 2,
  referral_order_id: "GD2024040100001",
  street: null,
};
/** An open mediation case: no closed_at needed. */
export const MEDIATION_OPEN: Obj = {
  msg_id: "m-2",
  case_id: "TJ2024-0002",
  updated_at: "2024-04-03T10:00:00Z",
  registered_at: "2024-04-03T09:00:00Z",
  kind: "诉前调解",
  dispute_type: "劳动争议",
  status: "受理",
};

export const LITIGATION: Obj = {
  msg_id: "l-1",
  case_id: "(2024)粤0305行初123号",
  kind: "行政诉讼",
  cause: "信息公开",
  filed_at: "2024-03-05 10:00:00",
  updated_at: "2024-04-20T09:00:00+08:00",
  status: "decided",
  hearing_at: "2024-04-10 09:30:00",
  head_appeared: true,
  outcome: "revoked",
  decided_at: "2024-04-20 09:00:00",
};
export const LITIGATION_OUT = {
  msg_id: "l-1",
  case_id: "(2024)粤0305行初123号",
  kind: "litigation",
  cause: "信息公开",
  filed_at: utc("2024-03-05T02:00:00Z"),
  updated_at: utc("2024-04-20T01:00:00Z"),
  status: "decided",
  hearing_at: utc("2024-04-10T01:30:00Z"),
  head_appeared: true,
  outcome: "revoked",
  decided_at: utc("2024-04-20T01:00:00Z"),
  street: null,
};
/** A just-filed case: only the always-required keys. */
export const FILED: Obj = {
  msg_id: "l-2",
  case_id: "(2024)粤0305行复45号",
  kind: "reconsideration",
  cause: "行政处罚",
  filed_at: "2024-04-01T00:00:00Z",
  updated_at: "2024-04-01T00:00:00Z",
  status: "filed",
};

/** A replied supervision item (FEEDS.md section 4). */
export const SUPERVISION: Obj = {
  msg_id: "s-1",
  item_id: "市人大〔2024〕第0123号",
  kind: "人大建议",
  level: "市",
  received_at: "2024-03-01 09:00:00",
  due_at: "2024-05-31 18:00:00",
  updated_at: "2024-04-02 10:00:00",
  status: "已答复",
  replied_at: "2024-04-02 10:00:00",
};

export const BASES: Record<Feed, Obj> = { hotline: HOTLINE, mediation: MEDIATION, litigation: LITIGATION, supervision: SUPERVISION };
