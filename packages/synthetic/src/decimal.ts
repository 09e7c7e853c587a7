// Exact decimal arithmetic for amount_yuan: amounts are summed as scaled BigInts so that a report
// total is exact to the cent (a float sum of 0.1s drifts).

export interface Decimal {
  units: bigint;
  /** number of digits after the decimal point */
  scale: number;
}

const PLAIN = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function fromText(text: string): Decimal {
  const m = PLAIN.exec(text);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const frac = m[2] ?? "";
  const scale = frac.length - Number(m[3] ?? "0");
  const units = BigInt((m[1] ?? "") + frac);
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

/** A JSON number (exact value of its shortest text) or a string with optional `,` groups. */
export function parseAmount(value: number | string): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new Error(`bad amount ${value}`);
    return fromText(String(value));
  }
  if (value.includes(",") && !GROUPED.test(value)) throw new Error(`bad amount ${JSON.stringify(value)}`);
  return fromText(value.replaceAll(",", ""));
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const up = (d: Decimal) => d.units * 10n ** BigInt(scale - d.scale);
  return { units: up(a) + up(b), scale };
}

export function decimalToString(d: Decimal): string {
  const digits = d.units.toString().padStart(d.scale + 1, "0");
  if (d.scale === 0) return digits;
  return `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

/** The report carries a JSON number: the nearest double to the exact sum. */
export function decimalToNumber(d: Decimal): number {
  return Number(decimalToString(d));
}

export const ZERO: Decimal = { units: 0n, scale: 0 };
