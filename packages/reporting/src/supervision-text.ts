// The supervision section of the annual and monthly texts, worded as the annual report's 七(一)
// (办理市人大建议36件……均按时答复): items by kind and level, then how they were answered.
import { SUPERVISION_LEVELED_KINDS } from "@casepulse/feeds/model";
import { periodName, ratePercent } from "./prose.ts";
import { numbered, tableOrNone, type Block, type Section } from "./report-document.ts";
import type { Report, SupervisionKindEntry } from "./report-types.ts";

type Counts = Pick<SupervisionKindEntry, "received" | "replied" | "replied_on_time">;

/** 市人大建议, 区政协提案, 司法建议. */
export const entryName = (e: SupervisionKindEntry) => `${e.level ?? ""}${e.kind}`;

const isLeveled = (e: SupervisionKindEntry) => (SUPERVISION_LEVELED_KINDS as readonly string[]).includes(e.kind);

const total = (entries: readonly SupervisionKindEntry[]): Counts => ({
  received: entries.reduce((s, e) => s + e.received, 0),
  replied: entries.reduce((s, e) => s + e.replied, 0),
  replied_on_time: entries.reduce((s, e) => s + e.replied_on_time, 0),
});

/** 市人大建议36件、区人大建议17件, in by_kind's order. */
export const entryList = (entries: readonly SupervisionKindEntry[]) => entries.map((e) => `${entryName(e)}${e.received}件`).join("、");

/** 均按时答复 when every item received was answered on time; otherwise the replies and the rate (over the items received). */
export function replyPhrase(c: Counts): string {
  if (c.received > 0 && c.replied_on_time === c.received) return "均按时答复";
  const open = c.received - c.replied;
  return `已答复${c.replied}件，按时答复${c.replied_on_time}件${open > 0 ? `，尚在办理${open}件` : ""}，按时答复率${ratePercent(c.replied_on_time, c.received)}`;
}

const latePhrase = (late: number) => (late > 0 ? `逾期${late}件（超过答复期限答复或到期未答复）` : "无逾期答复事项");

const kindTable = (r: Report): Block =>
  tableOrNone(["类别", "交办数", "已答复", "按时答复"], r.supervision.by_kind.map((e) => [entryName(e), e.received, e.replied, e.replied_on_time]));

/** `subject`: who answers the items (街道, or a district's name: district-text.ts textNames). */
export function supervisionAnnualSection(r: Report, title: string, subject = "街道"): Section {
  const s = r.supervision;
  const year = periodName(r.period);
  const congress = s.by_kind.filter(isLeveled);
  const judicial = s.by_kind.filter((e) => !isLeveled(e));
  const sentences = [
    `自觉接受人大、政协监督。${congress.length ? `${year}，${subject}办理${entryList(congress)}，${replyPhrase(total(congress))}。` : `${year}，${subject}无交办的人大建议、政协提案。`}`,
    `自觉接受司法、检察机关监督。${judicial.length ? `收到${entryList(judicial)}，${replyPhrase(total(judicial))}。` : "本年未收到司法建议、检察建议。"}`,
    s.received === 0
      ? "答复时效。本年无交办事项。"
      : `答复时效。合计办理${s.received}件，按时答复${s.replied_on_time}件，按时答复率${ratePercent(s.replied_on_time, s.received)}；${latePhrase(s.late)}。`,
  ];
  return {
    topic: "supervision",
    title,
    blocks: [...numbered(sentences), kindTable(r)],
  };
}

export function supervisionMonthlySection(r: Report, title: string): Section {
  const s = r.supervision;
  const items = s.received
    ? [`办理${entryList(s.by_kind)}（合计${s.received}件），${replyPhrase(s)}。`, `${latePhrase(s.late)}。`]
    : ["本月无交办的建议提案和司法、检察建议。"];
  return { topic: "supervision", title, blocks: [{ kind: "list", items }, kindTable(r)] };
}
