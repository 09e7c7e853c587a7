import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent, MediationSnapshot } from "./feed-types.ts";
import { hotline, mediation, register, truth } from "./truth-builder.ts";

const report = (snapshots: MediationSnapshot[], orders: HotlineEvent[], period = "2024-04") =>
  expectedReport(truth({ mediation: snapshots, hotline: orders }), period).mediation;

const ORDERS = [
  register("SZ24040100001", "2024-04-01 09:00:00"),
  register("SZ24031500002", "2024-03-15 09:00:00"), // an order of another month is held all the same
  hotline("SZ23123100003", "办结", "2024-01-03 09:00:00"), // no 登记 in the data, one stored event: held
];

describe("mediation.referred: cases of P whose referral_order_id is an order the data holds", () => {
  it.each<{ name: string; referral: string | null; status?: MediationSnapshot["status"]; registered?: string; referred: number; succeeded: number }>([
    { name: "an order registered in P", referral: "SZ24040100001", referred: 1, succeeded: 0 },
    { name: "an order registered in another month", referral: "SZ24031500002", referred: 1, succeeded: 0 },
    { name: "an order with events but no 登记", referral: "SZ23123100003", referred: 1, succeeded: 0 },
    { name: "an order the data does not hold", referral: "SZ24040199999", referred: 0, succeeded: 0 },
    { name: "no referral", referral: null, referred: 0, succeeded: 0 },
    { name: "succeeded (调解成功)", referral: "SZ24040100001", status: "调解成功", referred: 1, succeeded: 1 },
    { name: "succeeded, but the order is not held", referral: "SZ-unknown", status: "调解成功", referred: 0, succeeded: 0 },
    { name: "failed (调解失败)", referral: "SZ24040100001", status: "调解失败", referred: 1, succeeded: 0 },
    { name: "registered in March: not April's", referral: "SZ24040100001", registered: "2024-03-28 10:00:00", referred: 0, succeeded: 0 },
  ])("$name → referred $referred, succeeded $succeeded", ({ referral, status, registered, referred, succeeded }) => {
    const closed = status === "调解成功" || status === "调解失败" ? { closed_at: "2024-05-20 10:00:00" } : {};
    const snapshot = mediation("C1", "2024-05-20 10:00:00", {
      registered_at: registered ?? "2024-04-05 10:00:00",
      status: status ?? "调解中",
      referral_order_id: referral,
      ...closed,
    });
    const m = report([snapshot], ORDERS);
    expect([m.referred, m.referred_succeeded]).toEqual([referred, succeeded]);
  });

  it("the latest snapshot's referral counts (a referral corrected to an order not held)", () => {
    const snapshots = [
      mediation("C1", "2024-04-05 10:00:00", { referral_order_id: "SZ24040100001" }),
      mediation("C1", "2024-04-06 10:00:00", { registered_at: "2024-04-05 10:00:00", referral_order_id: "SZ24040100009" }),
      mediation("C2", "2024-04-05 10:00:00", { referral_order_id: "SZ24040100001" }), // two cases of one order: both
    ];
    expect(report(snapshots, ORDERS).referred).toBe(1);
    expect(report([...snapshots, mediation("C3", "2024-04-05 10:00:00", { referral_order_id: "SZ24031500002" })], ORDERS).referred).toBe(2);
  });
});

describe("mediation.by_dispute_type: cases registered in P, largest first, ties by name", () => {
  it("counts registered and succeeded per dispute type (the latest snapshot's)", () => {
    const closed = (status: MediationSnapshot["status"]) => ({ status, closed_at: "2024-04-20 10:00:00" });
    const snapshots = [
      mediation("A", "2024-04-02 10:00:00", { dispute_type: "物业纠纷", ...closed("调解成功") }),
      mediation("B", "2024-04-02 10:00:00", { dispute_type: "物业纠纷", ...closed("调解失败") }),
      mediation("C", "2024-04-02 10:00:00", { dispute_type: "邻里纠纷", ...closed("调解成功") }),
      mediation("D", "2024-04-02 10:00:00", { dispute_type: "劳动争议", ...closed("终止") }),
      // corrected from 邻里纠纷 to 物业纠纷 by a later snapshot
      mediation("E", "2024-04-02 10:00:00", { dispute_type: "邻里纠纷" }),
      mediation("E", "2024-04-03 10:00:00", { registered_at: "2024-04-02 10:00:00", dispute_type: "物业纠纷" }),
      mediation("F", "2024-03-02 10:00:00", { dispute_type: "合同纠纷", ...closed("调解成功") }), // March's
    ];
    // 劳 U+52B3 < 邻 U+90BB
    expect(report(snapshots, []).by_dispute_type).toEqual([
      { dispute_type: "物业纠纷", registered: 3, succeeded: 1 },
      { dispute_type: "劳动争议", registered: 1, succeeded: 0 },
      { dispute_type: "邻里纠纷", registered: 1, succeeded: 1 },
    ]);
  });

  it("succeeded counts the status whenever the case closed (closed in a later month)", () => {
    const snapshots = [mediation("A", "2024-06-02 10:00:00", { registered_at: "2024-04-02 10:00:00", status: "调解成功", closed_at: "2024-06-01 10:00:00" })];
    expect(report(snapshots, []).by_dispute_type).toEqual([{ dispute_type: "邻里纠纷", registered: 1, succeeded: 1 }]);
    expect(report(snapshots, [], "2024-06").by_dispute_type).toEqual([]);
  });
});
