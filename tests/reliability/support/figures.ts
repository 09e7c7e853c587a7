// Figures a reliability test measured, attached to its vitest task so the reporter can put them in
// the table next to the test's real outcome (a failed test's figures are shown as failed).
import type { TaskMeta } from "vitest";

export type FigureValue = string | number | boolean | null;

export interface FigureRow {
  area: "faults" | "hostile input" | "load" | "personal data" | "access";
  scenario: string;
  figures: Record<string, FigureValue>;
  /** Set when the scenario could not run here: the reason, shown instead of pass/fail. */
  notRun?: string;
}

declare module "vitest" {
  interface TaskMeta {
    reliability?: FigureRow[];
  }
}

/** Adds (or extends, for the same scenario) a row; call it as soon as figures are measured. */
export function record(task: { meta: TaskMeta }, row: FigureRow): void {
  const rows = (task.meta.reliability ??= []);
  const same = rows.find((r) => r.scenario === row.scenario && r.area === row.area);
  if (same) Object.assign(same.figures, row.figures);
  else rows.push({ ...row, figures: { ...row.figures } });
}
