// Bar charts: ranked counts (categories, communities, causes), this year against last, and the
// parts of a whole (mediation outcomes).
import { escapeHtml } from "./html-escape.ts";
import { fitLabel, othersLabel, topWithOthers } from "./ranked.ts";
import { COLORS, legend, niceMax, px, svgFrame, yAxis } from "./svg-scale.ts";

const W = 460;

/**
 * One horizontal bar per row, largest first as given; the value at the end of each bar. Past the
 * first RANKED_SHOWN rows the rest is one 其他 bar; a label too long for its place ends in …, its
 * whole name in the tooltip.
 */
export function rankedBars(title: string, all: readonly { label: string; value: number }[]): string {
  const rows = topWithOthers(all, (count, rest) => ({ label: othersLabel(count), value: rest.reduce((s, r) => s + r.value, 0) }));
  const row = 22;
  const labelWidth = 150;
  const h = 30 + Math.max(rows.length, 1) * row;
  const top = niceMax(Math.max(0, ...rows.map((r) => r.value)));
  const width = (v: number) => ((W - labelWidth - 40) * v) / top;
  const t = escapeHtml(title);
  return svgFrame("ranked", t, W, h, [
    `<text x="0" y="16" font-size="13" font-weight="bold" fill="${COLORS.text}">${t}</text>`,
    ...rows.map((r, i) => {
      const y = 28 + i * row;
      const label = escapeHtml(r.label);
      const shown = fitLabel(r.label, (labelWidth - 10) / 11);
      const text = shown === r.label ? label : `<title>${label}</title>${escapeHtml(shown)}`;
      return `<text x="${labelWidth - 6}" y="${y + 11}" text-anchor="end" font-size="11" fill="${COLORS.text}">${text}</text><rect x="${labelWidth}" y="${y + 2}" width="${px(width(r.value))}" height="${row - 8}" fill="${COLORS.current}"><title>${label}：${r.value}</title></rect><text x="${px(labelWidth + width(r.value) + 4)}" y="${y + 11}" font-size="11" fill="${COLORS.text}">${r.value}</text>`;
    }),
    rows.length === 0 ? `<text x="${labelWidth}" y="40" font-size="11" fill="${COLORS.text}">（无）</text>` : "",
  ]);
}

export interface PairedGroup {
  label: string;
  current: number;
  previous: number;
  /** Shown above the pair, e.g. 同比上升75%. */
  note: string;
}

/** Two vertical bars per group: this period and the same period a year earlier. */
export function pairedBars(title: string, names: { current: string; previous: string }, groups: readonly PairedGroup[]): string {
  const h = 230;
  const left = 40;
  const bottom = 26;
  const plotTop = 56;
  const top = niceMax(Math.max(0, ...groups.flatMap((g) => [g.current, g.previous])));
  const slot = (W - left - 10) / groups.length;
  const bar = Math.min(48, slot / 3);
  const y = (v: number) => h - bottom - ((h - bottom - plotTop) * v) / top;
  const t = escapeHtml(title);
  return svgFrame("paired", t, W, h, [
    `<text x="${left}" y="16" font-size="13" font-weight="bold" fill="${COLORS.text}">${t}</text>`,
    legend(
      [
        { name: escapeHtml(names.current), color: COLORS.current },
        { name: escapeHtml(names.previous), color: COLORS.previous },
      ],
      left,
      32,
    ),
    ...yAxis(top, left, W - 10, h - bottom, plotTop),
    ...groups.map((g, i) => {
      const cx = left + slot * (i + 0.5);
      const label = escapeHtml(g.label);
      const rect = (x: number, v: number, color: string, name: string) =>
        `<rect x="${px(x)}" y="${px(y(v))}" width="${px(bar)}" height="${px(h - bottom - y(v))}" fill="${color}"><title>${label}（${escapeHtml(name)}）：${v}</title></rect><text x="${px(x + bar / 2)}" y="${px(y(v) - 3)}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${v}</text>`;
      return [
        rect(cx - bar - 2, g.previous, COLORS.previous, names.previous),
        rect(cx + 2, g.current, COLORS.current, names.current),
        `<text x="${px(cx)}" y="${h - 8}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${label}</text>`,
        `<text x="${px(cx)}" y="${plotTop - 6}" text-anchor="middle" font-size="11" font-weight="bold" fill="${COLORS.bad}">${escapeHtml(g.note)}</text>`,
      ].join("");
    }),
  ]);
}

/** One horizontal bar split into parts (each with its count), and a key under it. */
export function partsBar(title: string, parts: readonly { label: string; value: number; color: string }[]): string {
  const h = 90;
  const total = parts.reduce((s, p) => s + p.value, 0);
  let x = 0;
  const t = escapeHtml(title);
  const segments = parts.map((p) => {
    const w = total === 0 ? 0 : (W * p.value) / total;
    const label = escapeHtml(p.label);
    const seg = `<rect x="${px(x)}" y="26" width="${px(w)}" height="26" fill="${p.color}"><title>${label}：${p.value}</title></rect>${
      w > 28 ? `<text x="${px(x + w / 2)}" y="43" text-anchor="middle" font-size="11" fill="#fff">${p.value}</text>` : ""
    }`;
    x += w;
    return seg;
  });
  const key = parts
    .map((p, i) => `<rect x="${i * 120}" y="66" width="10" height="10" fill="${p.color}"/><text x="${i * 120 + 14}" y="75" font-size="11" fill="${COLORS.text}">${escapeHtml(p.label)} ${p.value}</text>`)
    .join("");
  return svgFrame("parts", t, W, h, [
    `<text x="0" y="16" font-size="13" font-weight="bold" fill="${COLORS.text}">${t}</text>`,
    total === 0 ? `<rect x="0" y="26" width="${W}" height="26" fill="${COLORS.grid}"/>` : "",
    ...segments,
    key,
  ]);
}
