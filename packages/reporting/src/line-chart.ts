// Twelve months of one count against the same months a year earlier, as two lines.
import { escapeHtml } from "./html-escape.ts";
import { COLORS, legend, niceMax, px, svgFrame, yAxis } from "./svg-scale.ts";

export interface TrendInput {
  title: string;
  /** Axis labels, one per month (1月 … 12月). */
  labels: readonly string[];
  current: { name: string; values: readonly number[] };
  previous: { name: string; values: readonly number[] };
}

const W = 460;
const H = 230;
const LEFT = 40;
const RIGHT = 12;
const TOP = 44;
const BOTTOM = 26;

export function trendChart(t: TrendInput): string {
  const top = niceMax(Math.max(...t.current.values, ...t.previous.values));
  const n = t.labels.length;
  const x = (i: number) => LEFT + ((W - LEFT - RIGHT) * (i + 0.5)) / n;
  const y = (v: number) => H - BOTTOM - ((H - BOTTOM - TOP) * v) / top;
  const line = (values: readonly number[], color: string, dashed: boolean) =>
    `<polyline fill="none" stroke="${color}" stroke-width="2"${dashed ? ` stroke-dasharray="4 3"` : ""} points="${values.map((v, i) => `${px(x(i))},${px(y(v))}`).join(" ")}"/>` +
    values.map((v, i) => `<circle cx="${px(x(i))}" cy="${px(y(v))}" r="2.5" fill="${color}"><title>${escapeHtml(t.labels[i] ?? "")}：${v}</title></circle>`).join("");
  const title = escapeHtml(t.title);
  return svgFrame("trend", title, W, H, [
    `<text x="${LEFT}" y="16" font-size="13" font-weight="bold" fill="${COLORS.text}">${title}</text>`,
    legend(
      [
        { name: escapeHtml(t.current.name), color: COLORS.current },
        { name: escapeHtml(t.previous.name), color: COLORS.previous, dashed: true },
      ],
      LEFT,
      32,
    ),
    ...yAxis(top, LEFT, W - RIGHT, H - BOTTOM, TOP),
    ...t.labels.map((l, i) => `<text x="${px(x(i))}" y="${H - 8}" text-anchor="middle" font-size="10" fill="${COLORS.text}">${escapeHtml(l)}</text>`),
    line(t.previous.values, COLORS.previous, true),
    line(t.current.values, COLORS.current, false),
  ]);
}
