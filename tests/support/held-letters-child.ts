// `node --import tsx held-letters-child.ts spec.json`, with a casepulse command's environment once
// the store is migrated and no other process holds it: stores each entry of the spec
// ([{ feed, lines, key, label }]) as dead letters sealed under its key (held-letters.ts) and
// prints their ids, by label, as one JSON object.
import { readFileSync } from "node:fs";
import type { Feed } from "@casepulse/feeds";
import { withEnvStore } from "./env-store.ts";
import { storeHeldLetters } from "./held-letters.ts";

const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as { feed: Feed; lines: string[]; key: string; label: string }[];
const ids: Record<string, string[]> = {};
await withEnvStore(async (store) => {
  for (const entry of spec) (ids[entry.label] ??= []).push(...(await storeHeldLetters(store, entry.feed, entry.lines, entry.key, entry.label)));
});
process.stdout.write(`${JSON.stringify(ids)}\n`);
