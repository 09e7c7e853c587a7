// Finds which of many needles (phone numbers, complaint texts) occur anywhere in a text, in one pass
// over the text: every needle is indexed by its first K characters.
const K = 6;

export interface NeedleIndex {
  size: number;
  /** The needles that occur in `text` (each once). */
  find(text: string): string[];
}

export function needleIndex(needles: Iterable<string>): NeedleIndex {
  const byPrefix = new Map<string, string[]>();
  let size = 0;
  for (const needle of new Set(needles)) {
    if (needle.length < K) throw new Error(`needle shorter than ${K} characters cannot be searched for reliably: ${needle}`);
    const key = needle.slice(0, K);
    const list = byPrefix.get(key);
    if (list) list.push(needle);
    else byPrefix.set(key, [needle]);
    size += 1;
  }
  return {
    size,
    find(text) {
      const found = new Set<string>();
      for (let i = 0; i + K <= text.length; i += 1) {
        const candidates = byPrefix.get(text.slice(i, i + K));
        if (!candidates) continue;
        for (const needle of candidates) if (text.startsWith(needle, i)) found.add(needle);
      }
      return [...found];
    },
  };
}

/** The personal values of hotline records as the input carried them, plus the forms a leak could take. */
export function personalNeedles(records: Iterable<Record<string, unknown>>): { needles: string[]; phones: number; contents: number } {
  const needles = new Set<string>();
  let phones = 0;
  let contents = 0;
  for (const r of records) {
    const phone = r.caller_phone;
    if (typeof phone === "string" && phone.length >= K) {
      phones += 1;
      needles.add(phone);
      // The number as digits only (how a normalizer or a log might print it).
      const digits = phone.replace(/\D+/g, "");
      if (digits.length >= 7) needles.add(digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits);
    }
    const content = r.content;
    if (typeof content === "string" && content.length >= K) {
      contents += 1;
      needles.add(content);
      // A cut-off copy (a preview, a truncated log field) still leaks its beginning.
      if (content.length > 24) needles.add(content.slice(0, 16));
    }
  }
  return { needles: [...needles], phones, contents };
}
