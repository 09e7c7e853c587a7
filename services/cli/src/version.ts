// casepulse's version: the repository's package.json, which a release bumps. Read relative to this
// module, the same two folders up from src/ and from the compiled dist/.
import { readFileSync } from "node:fs";

export function casepulseVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}
