// The ready queries of docs/analysts.md: the sql blocks of its "Ready queries" section, by the
// comment on their first line (the row policies further on are a server's setup, not reads).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.ts";

export function readyQueries(): Map<string, string> {
  const page = readFileSync(join(ROOT, "docs", "analysts.md"), "utf8");
  const start = page.indexOf("\n## Ready queries");
  if (start < 0) throw new Error('docs/analysts.md has no "## Ready queries" section');
  const end = page.indexOf("\n## ", start + 1);
  const md = page.slice(start, end < 0 ? undefined : end);
  return new Map([...md.matchAll(/```sql\n-- (.+)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));
}
