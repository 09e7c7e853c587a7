import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { MediationSnapshot } from "./feed-types.ts";
import { mediation, truth } from "./truth-builder.ts";

const report = (snapshots: MediationSnapshot[], period: string) => expectedReport(truth({ mediation: snapshots }), period).mediation;

describe("mediation: the latest snapshot (by updated_at) is the case", () => {
  const REG = { registered_at: "2024-04-01 09:00:00" };
  const accepted = mediation("C1", "2024-04-01 10:00:00", { ...REG, status: "受理" });
  const ongoing = mediation("C1", "2024-04-03 10:00:00", { ...REG, status: "调解中" });
  const succeeded = mediation("C1", "2024-04-10 10:00:00", { ...REG, status: "调解成功", closed_at: "2024-04-10 09:00:00" });
  it.each<{ name: string; snapshots: MediationSnapshot[]; registered: number; closed: number; succeeded: number }>([
    { name: "progression in order", snapshots: [accepted, ongoing, succeeded], registered: 1, closed: 1, succeeded: 1 },
    { name: "progression arriving backwards", snapshots: [succeeded, ongoing, accepted], registered: 1, closed: 1, succeeded: 1 },
    { name: "not yet closed", snapshots: [ongoing, accepted], registered: 1, closed: 0, succeeded: 0 },
    {
      name: "reopened by a later 调解中 (closed_at kept but status open)",
      snapshots: [accepted, succeeded, mediation("C1", "2024-04-12 10:00:00", { ...REG, status: "调解中", closed_at: "2024-04-10 09:00:00" })],
      registered: 1, closed: 0, succeeded: 0,
    },
    {
      name: "registration date corrected into May",
      snapshots: [accepted, mediation("C1", "2024-04-05 10:00:00", { registered_at: "2024-05-02 09:00:00" })],
      registered: 0, closed: 0, succeeded: 0,
    },
    {
      name: "closed_at in UTC on the last evening of April is May",
      snapshots: [accepted, mediation("C1", "2024-05-01 10:00:00", { ...REG, status: "调解成功", closed_at: "2024-04-30T16:30:00Z" })],
      registered: 1, closed: 0, succeeded: 0,
    },
  ])("$name → April: registered $registered, closed $closed, succeeded $succeeded", ({ snapshots, registered, closed, succeeded }) => {
    const m = report(snapshots, "2024-04");
    expect([m.registered, m.closed, m.succeeded]).toEqual([registered, closed, succeeded]);
  });

  it.each([
    { idOpen: "b", idClosed: "a", closed: 0 },
    { idOpen: "a", idClosed: "b", closed: 1 },
  ])("same updated_at: the greater msg_id wins (open $idOpen, closed $idClosed → closed $closed)", ({ idOpen, idClosed, closed }) => {
    const snapshots = [
      mediation("C1", "2024-04-05 10:00:00", { ...REG, status: "调解中", msg_id: idOpen }),
      mediation("C1", "2024-04-05T02:00:00Z", { ...REG, status: "调解失败", closed_at: "2024-04-05 10:00:00", msg_id: idClosed }),
    ];
    expect(report(snapshots, "2024-04").closed).toBe(closed);
  });
});

describe("mediation: figures", () => {
  it("closed, succeeded, failed and success_rate (终止 counts as closed, not in the rate)", () => {
    const closedIn = (id: string, status: MediationSnapshot["status"]) =>
      mediation(id, "2024-04-20 10:00:00", { registered_at: "2024-03-01 09:00:00", status, closed_at: "2024-04-20 09:00:00" });
    const m = report([closedIn("A", "调解成功"), closedIn("B", "调解成功"), closedIn("C", "调解失败"), closedIn("D", "终止")], "2024-04");
    expect([m.registered, m.closed, m.succeeded, m.failed, m.success_rate]).toEqual([0, 4, 2, 1, 2 / 3]);
  });

  it("success_rate is null when nothing succeeded or failed", () => {
    const m = report([mediation("A", "2024-04-20 10:00:00", { status: "终止", closed_at: "2024-04-20 09:00:00" })], "2024-04");
    expect([m.closed, m.success_rate]).toEqual([1, null]);
  });

  it("by_kind lists all four kinds of registered cases", () => {
    const m = report(
      [
        mediation("A", "2024-04-02 10:00:00", { kind: "诉前调解" }),
        mediation("B", "2024-04-02 10:00:00", { kind: "诉前调解" }),
        mediation("C", "2024-04-02 10:00:00", { kind: "司法调解" }),
        mediation("D", "2024-03-02 10:00:00", { kind: "人民调解" }),
      ],
      "2024-04",
    );
    expect(m.by_kind).toEqual({ 人民调解: 0, 诉前调解: 2, 行政调解: 0, 司法调解: 1 });
  });

  it.each<{ name: string; amounts: (number | string | null)[]; total: number }>([
    { name: "numbers and strings with thousands separators", amounts: [12500, "12,500.00", "1,234,567.5", "8000"], total: 1267567.5 },
    { name: "decimals summed exactly, not as floats", amounts: [0.1, 0.2, "0.3"], total: 0.6 },
    { name: "cents over many cases", amounts: Array.from({ length: 10 }, () => "1,000.01"), total: 10000.1 },
    { name: "absent amounts count as 0", amounts: [null, "2,000", 500.5], total: 2500.5 },
    { name: "no cases", amounts: [], total: 0 },
  ])("amount_yuan: $name = $total", ({ amounts, total }) => {
    const snapshots = amounts.map((a, i) => mediation(`C${i}`, "2024-04-02 10:00:00", { amount_yuan: a }));
    expect(report(snapshots, "2024-04").amount_yuan).toBe(total);
  });

  it("amount_yuan takes the latest snapshot's amount and only cases registered in the period", () => {
    const m = report(
      [
        mediation("A", "2024-04-02 10:00:00", { amount_yuan: 999 }),
        mediation("A", "2024-04-09 10:00:00", { registered_at: "2024-04-02 10:00:00", amount_yuan: "1,000.00" }),
        mediation("B", "2024-03-02 10:00:00", { amount_yuan: 5000 }),
      ],
      "2024-04",
    );
    expect(m.amount_yuan).toBe(1000);
  });

  it.each([
    { now: 3, prev: 2, yoy: 0.5 },
    { now: 2, prev: 0, yoy: null },
  ])("registered_prev and yoy: $now vs $prev → $yoy", ({ now, prev, yoy }) => {
    const snapshots = [
      ...Array.from({ length: now }, (_, i) => mediation(`N${i}`, "2024-04-02 10:00:00")),
      ...Array.from({ length: prev }, (_, i) => mediation(`P${i}`, "2023-04-02 10:00:00")),
    ];
    const m = report(snapshots, "2024-04");
    expect([m.registered, m.registered_prev, m.yoy]).toEqual([now, prev, yoy]);
  });
});
