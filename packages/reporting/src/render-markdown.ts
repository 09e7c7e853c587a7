// The report as Chinese Markdown: the annual report's text for a year, the monthly report for a
// month. Every figure comes from the report object itself.
import type { TextOptions } from "./district-text.ts";
import type { Block, ReportDocument } from "./report-document.ts";
import { reportDocument } from "./report-text.ts";
import type { Report } from "./report-types.ts";

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return `${b.text}\n`;
    case "heading":
      return `### ${b.text}\n`;
    case "list":
    case "alerts":
      return b.items.map((i) => `- ${i}`).join("\n") + "\n";
    case "table": {
      const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
      return [line(b.head), line(b.head.map(() => "---")), ...b.rows.map(line)].join("\n") + "\n";
    }
  }
}

export function documentMarkdown(doc: ReportDocument): string {
  const parts = [`# ${doc.title}\n`, `${doc.note}\n`];
  for (const s of doc.sections) parts.push(`## ${s.title}\n`, ...s.blocks.map(blockMarkdown));
  return parts.join("\n");
}

/** `text`: the deployment's name (CASEPULSE_ORG_NAME) and, for a district's report, each street's own report. */
export function renderMarkdown(report: Report, text: TextOptions = {}): string {
  return documentMarkdown(reportDocument(report, text));
}
