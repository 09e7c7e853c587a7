// Random Shanghai wall-clock instants for the generators.
import type { Rng } from "./rng.ts";
import { shanghaiTime } from "./time-format.ts";

export function daysIn(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** A random instant during office hours of a random day of the Shanghai month. */
export function officeInstant(rng: Rng, year: number, month0: number): number {
  return shanghaiTime(year, month0, rng.int(1, daysIn(year, month0)), rng.int(8, 17), rng.int(0, 59), rng.int(0, 59));
}

/** Registers often keep a date only, exported as midnight: the 1st at 00:00 is the month's first instant. */
export function registerDate(rng: Rng, year: number, month0: number): number {
  const day = rng.int(1, daysIn(year, month0));
  return rng.chance(0.5) ? shanghaiTime(year, month0, day) : shanghaiTime(year, month0, day, rng.int(8, 17), rng.int(0, 59));
}
