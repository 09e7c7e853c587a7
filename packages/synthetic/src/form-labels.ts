// The generator's own reading of FEEDS.md "Files": the Chinese header labels and cell values a
// spreadsheet export uses. Kept apart from @casepulse/feeds on purpose, as the timestamps are
// (timestamp.ts): the forms tests then check the pipeline's labels against this reading of the
// contract, not against themselves.
import type { FeedName } from "./malformed-kinds.ts";

const ALL = { msg_id: "消息编号", street: "所属街道" };

export const CHINESE_HEADERS: Record<FeedName, Readonly<Record<string, string>>> = {
  hotline: {
    ...ALL,
    order_id: "工单编号",
    event: "环节",
    event_time: "环节时间",
    category: "诉求类别",
    community: "所属社区",
    deadline: "办结时限",
    channel: "来源渠道",
    repeat_of: "重复工单",
    satisfaction: "满意度",
    unit: "承办单位",
    caller_phone: "来电号码",
    content: "诉求内容",
    registered_at: "登记时间",
    dispatched_at: "派发时间",
    accepted_at: "签收时间",
    closed_at: "办结时间",
    visited_at: "回访时间",
  },
  mediation: {
    ...ALL,
    case_id: "案件编号",
    updated_at: "更新时间",
    registered_at: "受理日期",
    kind: "调解类型",
    dispute_type: "纠纷类型",
    status: "案件状态",
    closed_at: "结案日期",
    community: "所属社区",
    amount_yuan: "涉及金额",
    parties: "当事人数",
    referral_order_id: "来源工单编号",
  },
  litigation: {
    ...ALL,
    case_id: "案号",
    kind: "案件类型",
    cause: "案由",
    filed_at: "收案日期",
    updated_at: "更新时间",
    status: "案件状态",
    hearing_at: "开庭时间",
    head_appeared: "负责人出庭",
    outcome: "处理结果",
    decided_at: "决定日期",
  },
  supervision: {
    ...ALL,
    item_id: "编号",
    kind: "类型",
    level: "级别",
    received_at: "交办日期",
    due_at: "答复期限",
    updated_at: "更新时间",
    status: "办理状态",
    replied_at: "答复日期",
  },
};

/** Contract values as a Chinese spreadsheet writes them (FEEDS.md's table of Chinese values). */
export const CHINESE_VALUES: Partial<Record<FeedName, Readonly<Record<string, ReadonlyMap<unknown, string>>>>> = {
  litigation: {
    status: new Map([["filed", "已立案"], ["hearing", "审理中"], ["decided", "已决定"], ["closed", "已结案"], ["withdrawn", "已撤回"]]),
    outcome: new Map([
      ["upheld", "维持"],
      ["dismissed", "驳回"],
      ["revoked", "撤销"],
      ["confirmed_illegal", "确认违法"],
      ["ordered_to_perform", "责令履行"],
      ["withdrawn", "撤回"],
      ["settled", "和解"],
    ]),
    head_appeared: new Map<unknown, string>([[true, "是"], [false, "否"]]),
  },
  supervision: { level: new Map([["市", "市级"], ["区", "区级"]]) },
};

/** The keys holding timestamps (written as date cells in a workbook). */
export const TIME_KEYS: ReadonlySet<string> = new Set([
  "event_time",
  "deadline",
  "updated_at",
  "registered_at",
  "closed_at",
  "filed_at",
  "hearing_at",
  "decided_at",
  "received_at",
  "due_at",
  "replied_at",
  "dispatched_at",
  "accepted_at",
  "visited_at",
]);
