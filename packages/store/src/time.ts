/** Epoch milliseconds → the text form ClickHouse reads for DateTime64(3, 'UTC'). */
export function chTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace("T", " ");
}

export function chTimeOrNull(ms: number | null): string | null {
  return ms === null ? null : chTime(ms);
}
