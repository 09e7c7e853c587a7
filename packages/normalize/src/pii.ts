// Personal data protection: callers' phone numbers become a keyed HMAC (repeat callers stay
// countable, the number is not recoverable without the key); whole rejected records are kept
// encrypted so an operator can fix and replay them, but nothing readable reaches storage.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export interface PiiProtector {
  hashPhone(phone: string): string;
  /**
   * The phone HMAC's key as the two 64-byte SHA-256 blocks (key XOR ipad, key XOR opad), hex, for
   * an engine that computes the same HMAC in SQL (rows-sql.ts). Key material: only for the
   * embedded engine, which runs in this process and keeps no query log.
   */
  phoneHmacPads(): { inner: string; outer: string };
  /**
   * The msg_id of a spreadsheet row that has none (FEEDS.md "Files"): `row-` and the first 32 hex
   * digits of the keyed HMAC of the row's record as canonical JSON. Keyed, so the id says nothing
   * of the row (a phone number in it cannot be guessed back from the id).
   */
  rowMsgId(canonicalRecord: string): string;
  /** Encrypts a record exactly as received (bytes are kept as bytes, even when not UTF-8). */
  seal(raw: string | Uint8Array): string;
  /**
   * The sealed record's original bytes, opened with the current key or, after a rotation, one of
   * the old keys (a UnsealError says why neither could).
   */
  open(sealed: string): Buffer;
  /** As `open`, and whether the current key (0) or which old key (1, 2, …) opened it. */
  unseal(sealed: string): { bytes: Buffer; key: number };
}

/**
 * Why a dead letter cannot be opened: no sealed copy left (`empty`, retention deletes it), not
 * the form `seal` writes (`malformed`), or no configured key authenticates it (`unknown-key`:
 * sealed under a key that is neither the current nor an old one, or damaged).
 */
export class UnsealError extends Error {
  override readonly name = "UnsealError";
  constructor(readonly kind: "empty" | "malformed" | "unknown-key", message: string) {
    super(message);
  }
}

/** IV (12 bytes) and GCM tag (16) before the ciphertext. */
const SEAL_HEADER = 28;

/** Normalizes the ways one phone number is written (+86, spaces, dashes) before hashing. */
export function canonicalPhone(phone: string): string {
  const digits = phone.replace(/\D+/g, "");
  return digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
}

/**
 * `oldSecrets`: keys used before `secret` (CASEPULSE_PII_OLD_KEYS), used only to open dead letters
 * sealed under them; hashing and sealing always use `secret`.
 */
export function createPiiProtector(secret: string, oldSecrets: readonly string[] = []): PiiProtector {
  if (secret.length < 16) throw new Error("CASEPULSE_PII_KEY must be at least 16 characters");
  if (oldSecrets.some((k) => k.length < 16)) throw new Error("each of CASEPULSE_PII_OLD_KEYS must be at least 16 characters");
  const deriveFrom = (key: string, info: string) => Buffer.from(hkdfSync("sha256", key, "casepulse", info, 32));
  const derive = (info: string) => deriveFrom(secret, info);
  const hmacKey = derive("phone-hmac");
  const sealKey = derive("dead-letter-seal");
  const rowKey = derive("row-msg-id");
  const openKeys = [sealKey, ...oldSecrets.map((k) => deriveFrom(k, "dead-letter-seal"))];
  const unseal = (sealed: string): { bytes: Buffer; key: number } => {
    if (sealed === "") throw new UnsealError("empty", "no sealed copy left");
    const buf = Buffer.from(sealed, "base64");
    if (buf.length < SEAL_HEADER || buf.toString("base64") !== sealed) throw new UnsealError("malformed", "not a sealed record");
    for (const [key, openKey] of openKeys.entries()) {
      const decipher = createDecipheriv("aes-256-gcm", openKey, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, SEAL_HEADER));
      try {
        return { bytes: Buffer.concat([decipher.update(buf.subarray(SEAL_HEADER)), decipher.final()]), key };
      } catch {
        // Authentication failed: another key's, or damaged; try the next key.
      }
    }
    throw new UnsealError("unknown-key", "sealed under a key that is neither CASEPULSE_PII_KEY nor one of CASEPULSE_PII_OLD_KEYS, or damaged");
  };
  return {
    hashPhone: (phone) => createHmac("sha256", hmacKey).update(canonicalPhone(phone)).digest("hex"),
    phoneHmacPads: () => {
      // RFC 2104: a key shorter than the 64-byte block is padded with zeros (this one is 32 bytes).
      const block = Buffer.concat([hmacKey, Buffer.alloc(64 - hmacKey.length)]);
      const xor = (pad: number) => Buffer.from(block.map((b) => b ^ pad)).toString("hex");
      return { inner: xor(0x36), outer: xor(0x5c) };
    },
    rowMsgId: (canonical) => `row-${createHmac("sha256", rowKey).update(canonical).digest("hex").slice(0, 32)}`,
    seal(raw) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    unseal,
    open: (sealed) => unseal(sealed).bytes,
  };
}

/**
 * A readable preview of a rejected record for operators: only the contract's keys (`known`), the
 * personal ones (`personal`) masked, long strings cut; keys outside the contract are named but not shown, as
 * they may hold anything. A record that is not a JSON object is not shown at all.
 */
export function redactedPreview(raw: string, keys: { known: ReadonlySet<string>; personal: ReadonlySet<string> }, maxChars = 600): string | null {
  const { known, personal } = keys;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (personal.has(key) || !known.has(key)) masked[key] = value == null ? value : "***";
    else if (typeof value === "string") masked[key] = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    else if (value !== null && typeof value === "object") masked[key] = Array.isArray(value) ? "[…]" : "{…}";
    else masked[key] = value;
  }
  const text = JSON.stringify(masked);
  // A cut through a surrogate pair would leave half a character, which ClickHouse refuses to store.
  return text.length > maxChars ? `${text.slice(0, maxChars).toWellFormed()}…` : text;
}
