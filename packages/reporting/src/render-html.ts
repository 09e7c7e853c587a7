// A self-contained HTML page of the report (no network access needed to view or print it).
import { renderMarkdown } from "./render-markdown.ts";
import type { Report } from "./report-types.ts";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Minimal Markdown → HTML for what renderMarkdown writes: headings, bullet lists, tables, paragraphs. */
function markdownToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.startsWith("|")) rows.push(lines[i++]!.slice(1, -1).split("|").map((c) => c.trim()));
      i -= 1;
      const [head, , ...body] = rows;
      out.push(
        `<table><thead><tr>${head!.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`,
      );
    } else if (line.startsWith("### ")) out.push(`<h3>${escapeHtml(line.slice(4))}</h3>`);
    else if (line.startsWith("## ")) out.push(`<h2>${escapeHtml(line.slice(3))}</h2>`);
    else if (line.startsWith("# ")) out.push(`<h1>${escapeHtml(line.slice(2))}</h1>`);
    else if (line.startsWith("- ")) out.push(`<li>${escapeHtml(line.slice(2))}</li>`);
    else if (line.trim() !== "") out.push(`<p>${escapeHtml(line)}</p>`);
  }
  return out.join("\n");
}

export function renderHtml(report: Report): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>casepulse ${escapeHtml(report.period)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:960px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
li{margin:.2em 0}
@page{size:A4;margin:18mm}
</style></head><body>
${markdownToHtml(renderMarkdown(report))}
</body></html>
`;
}
