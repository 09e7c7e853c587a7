// The latency bench's events: valid hotline 登记 records whose msg_id carries the send time, with
// event times in a year no other bench event has (so watching for them reads one partition).
export const LATENCY_FROM = "2031-01-01 00:00:00.000";

/** A latency event's order id: the run, then the sequence number at a fixed width, so order ids sort as sequence numbers within a run. */
export function latencyOrder(run: string, seq: number): string {
  return `LAT${run}${String(seq).padStart(7, "0")}`;
}

export function latencyEvent(run: string, seq: number, sentAt: number): { key: string; value: string } {
  const order = latencyOrder(run, seq);
  return {
    key: order,
    value: JSON.stringify({
      msg_id: `lat-${run}-${seq}-${sentAt}`,
      order_id: order,
      event: "登记",
      event_time: "2031-01-02T09:15:00+08:00",
      category: "城乡建设/违法建设",
      community: "湾厦社区",
      deadline: "2031-01-10 18:00:00",
      channel: "电话",
      caller_phone: `138${String(seq % 1e8).padStart(8, "0")}`,
      content: "王先生来电反映：湾厦社区楼顶违建，要求尽快处理。",
    }),
  };
}

export function parseLatencyId(msgId: string): { run: string; seq: number; sentAt: number } {
  const parts = msgId.split("-");
  return { run: parts.slice(1, -2).join("-"), seq: Number(parts.at(-2)), sentAt: Number(parts.at(-1)) };
}
