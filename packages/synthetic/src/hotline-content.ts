// Personal data fields of hotline 登记 records: the pipeline must never store or log these in
// clear, so the test data must carry plenty of them, in realistic shapes.
import type { Rng } from "./rng.ts";
import { ASKS, CALLER_NAMES, PLACES } from "./vocab.ts";

export function callerPhone(rng: Rng): string {
  return `1${rng.pick(["3", "5", "7", "8", "9"])}${String(rng.int(0, 999_999_999)).padStart(9, "0")}`;
}

export function complaintText(rng: Rng, community: string, issue: string, phone: string | null): string {
  const who = rng.pick(CALLER_NAMES);
  const where = `${community}${rng.pick(PLACES)}`;
  const callback = phone && rng.chance(0.3) ? `回电号码${phone}。` : "";
  return `${who}来电反映：${where}${issue}，${rng.pick(ASKS)}。${callback}`;
}

/** Keys that are not in the contract: accepted and ignored (they may carry personal data too). */
export function unknownKeys(rng: Rng): Record<string, unknown> {
  return rng.pick<Record<string, unknown>>([
    { source_system: "12345政务服务便民热线" },
    { region_code: "440305005" },
    { trace: { node: "szgd-03", retry: 0 } },
    { 备注: "系统迁移补录" },
    { caller_name: rng.pick(CALLER_NAMES), priority: rng.int(1, 3) },
  ]);
}
