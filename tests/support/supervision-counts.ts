// Every count of the report's supervision block by the name `casepulse explain` takes, with the figure.
import type { SupervisionBlock } from "@casepulse/reporting";

export function supervisionCounts(s: SupervisionBlock): [string, number][] {
  return [
    ["supervision.received", s.received],
    ["supervision.replied", s.replied],
    ["supervision.replied_on_time", s.replied_on_time],
    ["supervision.late", s.late],
    ...s.by_kind.flatMap((e): [string, number][] => {
      const name = `supervision.by_kind:${e.kind}${e.level === null ? "" : `:${e.level}`}`;
      return [
        [name, e.received],
        [`${name}.replied`, e.replied],
        [`${name}.replied_on_time`, e.replied_on_time],
      ];
    }),
  ];
}
