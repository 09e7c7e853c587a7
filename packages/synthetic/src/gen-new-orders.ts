// A plain monthly 12345 export of new orders: one 登记 record per order, each with the caller's
// number and the complaint text, in registration order, every time in the local form. It is the
// other export shape the bench times (bench/feed-files.ts) beside the generator's mixed history of
// events; its values come from the same vocabulary and helpers as generateHotline's.
import type { HotlineEvent } from "./feed-types.ts";
import { CATEGORY_WEIGHTS, orderIdAt, randomInstant } from "./gen-hotline.ts";
import { callerPhone, complaintText } from "./hotline-content.ts";
import { CHANNEL_WEIGHTS } from "./hotline-order.ts";
import { IdFactory } from "./ids.ts";
import { Rng } from "./rng.ts";
import { formatTimestamp, shanghaiParts, shanghaiTime } from "./time-format.ts";
import { COMMUNITIES } from "./vocab.ts";

export interface NewOrdersOptions {
  seed: number;
  /** Shanghai calendar month, `YYYY-MM`. */
  month: string;
  orders: number;
}

export function newOrdersExport({ seed, month, orders }: NewOrdersOptions): HotlineEvent[] {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`month ${month}: expected YYYY-MM`);
  const [year, month0] = [Number(m[1]), Number(m[2]) - 1];
  const rng = new Rng(seed).fork("new-orders");
  const ids = new IdFactory(rng.fork("ids"));
  const instants = Array.from({ length: orders }, () => randomInstant(rng, year, month0)).sort((a, b) => a - b);
  return instants.map((at) => {
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const community = rng.weighted(COMMUNITIES);
    const day = shanghaiParts(at);
    const phone = callerPhone(rng);
    return {
      msg_id: ids.msgId(),
      order_id: orderIdAt(ids, at),
      event: "登记",
      event_time: formatTimestamp(at, "local"),
      category: category.path,
      community,
      deadline: formatTimestamp(shanghaiTime(day.year, day.month0, day.day + category.days, 18), "local"),
      channel: rng.weighted(CHANNEL_WEIGHTS),
      caller_phone: phone,
      content: complaintText(rng, community, rng.pick(category.issues), phone),
    };
  });
}
