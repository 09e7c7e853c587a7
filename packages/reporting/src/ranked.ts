// Ranked lists as the reader sees them: a district can have thousands of categories or
// communities, and a page meant for A4 cannot. The report's JSON keeps every entry; a chart or a
// table shows the first ones and sums the rest into one 其他 row, and a name too long for its
// place ends in an ellipsis, with the whole name kept where it can be read (a tooltip, the table).

/** How many entries of a ranked list a chart or table shows before the 其他 row. */
export const RANKED_SHOWN = 15;

/**
 * The first `shown` rows, then one row for the rest made by `others` (given how many there are
 * and the rows themselves); all rows when they fit.
 */
export function topWithOthers<T>(rows: readonly T[], others: (count: number, rest: readonly T[]) => T, shown = RANKED_SHOWN): T[] {
  return rows.length <= shown + 1 ? [...rows] : [...rows.slice(0, shown), others(rows.length - shown, rows.slice(shown))];
}

/** The 其他 row's label. */
export const othersLabel = (count: number) => `其他（${count}项）`;

/** Width in ems: CJK and other wide characters one, the rest about half. */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 1 : 0.55;
  return w;
}

/** `text` cut to fit `maxEms`, ending in … when cut (whole characters only). */
export function fitLabel(text: string, maxEms: number): string {
  if (ems(text) <= maxEms) return text;
  let out = "";
  for (const ch of text) {
    if (ems(`${out}${ch}…`) > maxEms) break;
    out += ch;
  }
  return `${out}…`;
}
