// FEEDS.md "All feeds": the sub-district (街道) a record belongs to. The truth holds valid records
// only, so a street that the contract rejects there is a generator bug, not data to count.

/** REPORT.md's default of CASEPULSE_DEFAULT_STREET: the street of whatever names none. */
export const DEFAULT_STREET = "蛇口街道";

/** The record's `street`, or null when it carries none (null means absent, as for any optional key). */
export function recordStreet(record: { msg_id: string; street?: unknown }): string | null {
  const s = record.street;
  if (s === undefined || s === null) return null;
  if (typeof s !== "string" || s.trim() === "") {
    throw new Error(`street ${JSON.stringify(s)} of ${record.msg_id} in the truth: the contract rejects it`);
  }
  return s;
}

/** The street an order, case or item belongs to: its own, else the deployment's default. */
export function belongsTo(street: string | null, defaultStreet: string): string {
  return street ?? defaultStreet;
}
