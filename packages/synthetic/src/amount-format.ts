// amount_yuan as registers export it: a JSON number, or a string with or without thousands
// separators. Amounts are held in fen (integers) so the truth is exact.
import type { Rng } from "./rng.ts";

function grouped(yuan: bigint): string {
  return yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatAmount(rng: Rng, fen: number): number | string {
  const yuan = BigInt(Math.floor(fen / 100));
  const cents = String(fen % 100).padStart(2, "0");
  switch (rng.weighted([["number", 45], ["grouped", 35], ["plain", 15], ["grouped-int", 5]] as const)) {
    case "number":
      return fen / 100; // e.g. 3250.5: the double's shortest text is the exact decimal
    case "grouped":
      return `${grouped(yuan)}.${cents}`;
    case "plain":
      return fen % 100 === 0 ? yuan.toString() : `${yuan}.${cents}`;
    case "grouped-int":
      return fen % 100 === 0 ? grouped(yuan) : `${grouped(yuan)}.${cents}`;
  }
}
