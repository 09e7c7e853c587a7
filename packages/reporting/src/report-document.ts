// The report as a document of sections, blocks and sentences, rendered as Markdown or HTML.
// Both renderings come from this one structure, so they say the same thing.
import { pointNumber } from "./prose.ts";
import { othersLabel, topWithOthers } from "./ranked.ts";
import type { Report } from "./report-types.ts";

export type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "table"; head: string[]; rows: (string | number)[][] }
  /** The alert messages, highlighted in HTML. */
  | { kind: "alerts"; items: string[] };

/** Which figures a section is about: the HTML page puts that section's charts under it. */
export type SectionTopic = "revisions" | "hotline" | "mediation" | "litigation" | "supervision" | "streets" | "alerts" | "quality";

export interface Section {
  topic: SectionTopic;
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  /** One line under the title: where the figures come from. */
  note: string;
  sections: Section[];
}

/** The annual report's numbered points: （一）…, （二）…. */
export const numbered = (sentences: string[]): Block[] => sentences.map((text, i) => ({ kind: "paragraph", text: `${pointNumber(i)}${text}` }));

/**
 * A ranked table (largest first): the first RANKED_SHOWN rows, then one 其他 row summing the
 * numeric columns of the rest (the JSON report has every row).
 */
export function rankedTableOrNone(head: string[], rows: (string | number)[][]): Block {
  const others = (count: number, rest: readonly (string | number)[][]) =>
    head.map((_, i) => (i === 0 ? othersLabel(count) : rest.every((r) => typeof r[i] === "number") ? rest.reduce((s, r) => s + (r[i] as number), 0) : "—"));
  return tableOrNone(head, topWithOthers(rows, others));
}

/** A table, or a paragraph saying there is nothing to tabulate. */
export function tableOrNone(head: string[], rows: (string | number)[][]): Block {
  return rows.length === 0 ? { kind: "paragraph", text: "（无）" } : { kind: "table", head, rows };
}

export function qualitySection(title: string, r: Report): Section {
  const q = r.quality;
  return {
    topic: "quality",
    title,
    blocks: [
      {
        kind: "paragraph",
        text: `累计接收${q.received}条记录：入库${q.accepted}条，重复${q.duplicates}条，拒收${q.rejected}条（拒收记录及原因见 casepulse dlq list）。`,
      },
    ],
  };
}
