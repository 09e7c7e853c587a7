// Axis arithmetic shared by the charts: a round top value and evenly spaced whole ticks.

/** The smallest 1, 2, 2.5 or 5 × 10^k that is >= max (at least 1, so an empty chart still has an axis). */
export function niceMax(max: number): number {
  if (!(max > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

/** Ticks from 0 to top in as many equal whole steps as fit (4 or 5, fewer for tiny tops): counts are whole. */
export function ticks(top: number): number[] {
  const count = [4, 5, 2, 1].find((k) => Number.isInteger(top / k))!;
  return Array.from({ length: count + 1 }, (_, i) => (i * top) / count);
}

/** A number for an SVG attribute, without float noise. */
export const px = (x: number): string => String(Math.round(x * 10) / 10);

/** An inline SVG with an accessible title; sized by its viewBox so it scales with the page. */
export function svgFrame(cls: string, title: string, width: number, height: number, body: string[]): string {
  return `<svg class="chart ${cls}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}"><title>${title}</title>${body.join("")}</svg>`;
}

export const COLORS = { current: "#1f5fa8", previous: "#a0a9b4", good: "#2e8b57", bad: "#c0392b", neutral: "#95a5a6", grid: "#e3e7eb", text: "#333" };

/** Horizontal grid lines with their values at the left, for a plot from y0 (bottom) up to y1. */
export function yAxis(top: number, x0: number, x1: number, y0: number, y1: number): string[] {
  return ticks(top).map((v) => {
    const y = px(y0 - ((y0 - y1) * v) / top);
    return `<line x1="${px(x0)}" x2="${px(x1)}" y1="${y}" y2="${y}" stroke="${COLORS.grid}"/><text x="${px(x0 - 4)}" y="${y}" dy="3.5" text-anchor="end" font-size="10" fill="${COLORS.text}">${v}</text>`;
  });
}

/** A row of colored keys; one per series. */
export function legend(items: readonly { name: string; color: string; dashed?: boolean }[], x: number, y: number): string {
  return items
    .map((it, i) => {
      const lx = x + i * 110;
      const dash = it.dashed ? ` stroke-dasharray="4 3"` : "";
      return `<line x1="${lx}" x2="${lx + 18}" y1="${y}" y2="${y}" stroke="${it.color}" stroke-width="3"${dash}/><text x="${lx + 22}" y="${y}" dy="4" font-size="11" fill="${COLORS.text}">${it.name}</text>`;
    })
    .join("");
}
