// FEEDS.md "Files: the forms an export comes in": what a spreadsheet export of each feed calls
// the contract's keys (its Chinese header labels), the Chinese cell values that stand for the
// contract's values, and the hotline's one-row-per-order form. Data only, keyed by the contracts'
// own keys (a typo in a key fails to compile); the file readers in @casepulse/ingestion use it.
import type { HOTLINE_EVENTS, hotlineContract } from "./hotline.ts";
import type { litigationContract } from "./litigation.ts";
import type { LITIGATION_OUTCOMES, LITIGATION_STATUSES } from "./litigation.ts";
import type { mediationContract } from "./mediation.ts";
import type { supervisionContract } from "./supervision.ts";
import type { SUPERVISION_LEVELS } from "./supervision.ts";

type KeyOf<C extends { fields: object }> = keyof C["fields"] & string;
type Labels<K extends string> = Partial<Record<K, readonly string[]>>;
type Values<K extends string> = Partial<Record<K, Readonly<Record<string, string | boolean>>>>;

/** The hotline order list's step times (FEEDS.md "Hotline order rows"): keys of the row, not of an event. */
export const HOTLINE_ORDER_TIMES = ["registered_at", "dispatched_at", "accepted_at", "closed_at", "visited_at"] as const;
export type HotlineOrderTime = (typeof HOTLINE_ORDER_TIMES)[number];

/** Labels every feed's export may use. */
export const COMMON_LABELS = { msg_id: ["消息编号"], street: ["所属街道", "街道"] } as const satisfies Labels<"msg_id" | "street">;

export const HOTLINE_LABELS = {
  order_id: ["工单编号"],
  event: ["环节"],
  event_time: ["环节时间"],
  category: ["诉求类别"],
  community: ["所属社区"],
  deadline: ["办结时限"],
  channel: ["来源渠道"],
  repeat_of: ["重复工单"],
  satisfaction: ["满意度"],
  unit: ["承办单位"],
  caller_phone: ["来电号码"],
  content: ["诉求内容"],
  registered_at: ["登记时间"],
  dispatched_at: ["派发时间"],
  accepted_at: ["签收时间"],
  closed_at: ["办结时间"],
  visited_at: ["回访时间"],
} as const satisfies Labels<KeyOf<typeof hotlineContract> | HotlineOrderTime>;

export const MEDIATION_LABELS = {
  case_id: ["案件编号"],
  updated_at: ["更新时间"],
  registered_at: ["受理日期"],
  kind: ["调解类型"],
  dispute_type: ["纠纷类型"],
  status: ["案件状态"],
  closed_at: ["结案日期"],
  community: ["所属社区"],
  amount_yuan: ["涉及金额"],
  parties: ["当事人数"],
  referral_order_id: ["来源工单编号"],
} as const satisfies Labels<KeyOf<typeof mediationContract>>;

export const LITIGATION_LABELS = {
  case_id: ["案号"],
  kind: ["案件类型"],
  cause: ["案由"],
  filed_at: ["收案日期"],
  updated_at: ["更新时间"],
  status: ["案件状态"],
  hearing_at: ["开庭时间"],
  head_appeared: ["负责人出庭"],
  outcome: ["处理结果"],
  decided_at: ["决定日期"],
} as const satisfies Labels<KeyOf<typeof litigationContract>>;

export const SUPERVISION_LABELS = {
  item_id: ["编号"],
  kind: ["类型"],
  level: ["级别"],
  received_at: ["交办日期"],
  due_at: ["答复期限"],
  updated_at: ["更新时间"],
  status: ["办理状态"],
  replied_at: ["答复日期"],
} as const satisfies Labels<KeyOf<typeof supervisionContract>>;

type Status = (typeof LITIGATION_STATUSES)[number];
type Outcome = (typeof LITIGATION_OUTCOMES)[number];
type Level = (typeof SUPERVISION_LEVELS)[number];

/** The Chinese cell values of FEEDS.md, per key: what each stands for in the contract. */
export const LITIGATION_FILE_VALUES = {
  status: { 已立案: "filed", 审理中: "hearing", 已决定: "decided", 已结案: "closed", 已撤回: "withdrawn" } satisfies Record<string, Status>,
  outcome: {
    维持: "upheld",
    驳回: "dismissed",
    撤销: "revoked",
    确认违法: "confirmed_illegal",
    责令履行: "ordered_to_perform",
    撤回: "withdrawn",
    和解: "settled",
  } satisfies Record<string, Outcome>,
  head_appeared: { 是: true, 否: false },
} as const satisfies Values<KeyOf<typeof litigationContract>>;

export const SUPERVISION_FILE_VALUES = {
  level: { 市级: "市", 区级: "区" } satisfies Record<string, Level>,
} as const satisfies Values<KeyOf<typeof supervisionContract>>;

type HotlineKey = KeyOf<typeof hotlineContract>;
type Step = { event: (typeof HOTLINE_EVENTS)[number]; at: HotlineOrderTime; keys: readonly HotlineKey[] };

/** Each step an order row becomes, at which of its times, carrying which of its keys (FEEDS.md). */
export const HOTLINE_ORDER_STEPS = [
  {
    event: "登记",
    at: "registered_at",
    keys: ["category", "community", "deadline", "channel", "repeat_of", "unit", "caller_phone", "content", "street"],
  },
  { event: "派发", at: "dispatched_at", keys: ["unit"] },
  { event: "签收", at: "accepted_at", keys: [] },
  { event: "办结", at: "closed_at", keys: [] },
  { event: "回访", at: "visited_at", keys: ["satisfaction"] },
] as const satisfies readonly Step[];

export interface FileForm {
  /** Header labels per key (the contract's own key names are always accepted too). */
  labels: Readonly<Record<string, readonly string[]>>;
  values: Readonly<Record<string, Readonly<Record<string, string | boolean>>>>;
}

export const FILE_FORMS = {
  hotline: { labels: { ...COMMON_LABELS, ...HOTLINE_LABELS }, values: {} },
  mediation: { labels: { ...COMMON_LABELS, ...MEDIATION_LABELS }, values: {} },
  litigation: { labels: { ...COMMON_LABELS, ...LITIGATION_LABELS }, values: LITIGATION_FILE_VALUES },
  supervision: { labels: { ...COMMON_LABELS, ...SUPERVISION_LABELS }, values: SUPERVISION_FILE_VALUES },
} as const satisfies Record<string, FileForm>;
