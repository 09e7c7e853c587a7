import { describe, expect, it } from "vitest";
import { evaluateAlerts } from "./alerts.ts";
import type { CategoryCount } from "./hotline-figures.ts";
import type { HotlineBlock, LitigationBlock, MediationBlock, ReportFigures as Figures, SupervisionBlock } from "./report-types.ts";

/** Figures that raise no alert at all. */
function quiet(): Figures {
  const hotline: HotlineBlock = {
    orders: 3,
    repeat_orders: 0,
    closed: 2,
    closed_on_time: 2,
    on_time_close_rate: 1,
    visited: 0,
    satisfied: 0,
    satisfaction_rate: null,
    orders_prev: 3,
    yoy: 0,
    by_category: [],
    by_community: [],
    returned: 0, return_rate: 0, reopened: 0, reopen_rate: 0, accepted_in_time: 3, acceptance_rate: 1, close_hours_median: 30,
    overdue_open: 0, overdue_list: [], by_unit: [], repeat_callers: 0, repeat_caller_orders: 0,
  };
  const mediation: MediationBlock = {
    registered: 0,
    closed: 0,
    succeeded: 0,
    failed: 0,
    success_rate: null,
    by_kind: { 人民调解: 0, 诉前调解: 0, 行政调解: 0, 司法调解: 0 },
    amount_yuan: 0,
    registered_prev: 0,
    yoy: null,
    referred: 0, referred_succeeded: 0, by_dispute_type: [],
  };
  const litigation: LitigationBlock = {
    reconsideration: { filed: 0, filed_prev: 0, yoy: null, decided: 0, corrected: 0, correction_rate: null },
    litigation: { filed: 0, filed_prev: 0, yoy: null, decided: 0, lost: 0, loss_rate: null, withdrawn_or_settled: 0, withdrawal_rate: null },
    decided: 0,
    lost: 0,
    loss_rate: null,
    hearings: 0,
    head_appeared: 0,
    head_appearance_rate: null,
    causes: [],
    new_causes: [],
  };
  const supervision: SupervisionBlock = { received: 0, replied: 0, replied_on_time: 0, on_time_reply_rate: null, late: 0, by_kind: [] };
  return { period: "2024-04", hotline, mediation, litigation, supervision };
}

const CHINESE = /[\u4e00-\u9fff]/;

describe("evaluateAlerts: quiet figures raise nothing", () => {
  it.each([{ spikes: null }, { spikes: [] as CategoryCount[] }])("spikes = $spikes", ({ spikes }) => {
    expect(evaluateAlerts(quiet(), spikes)).toStrictEqual([]);
  });
});

type YoyMetric = "hotline.orders" | "mediation.registered" | "litigation.reconsideration.filed" | "litigation.litigation.filed";

function withYoy(metric: YoyMetric, count: number, prev: number, change: number | null): Figures {
  const f = quiet();
  if (metric === "hotline.orders") f.hotline = { ...f.hotline, orders: count, orders_prev: prev, yoy: change };
  if (metric === "mediation.registered") f.mediation = { ...f.mediation, registered: count, registered_prev: prev, yoy: change };
  const filed = { filed: count, filed_prev: prev, yoy: change };
  if (metric === "litigation.reconsideration.filed") f.litigation.reconsideration = { ...f.litigation.reconsideration, ...filed };
  if (metric === "litigation.litigation.filed") f.litigation.litigation = { ...f.litigation.litigation, ...filed };
  return f;
}

const YOY_METRICS: YoyMetric[] = ["hotline.orders", "mediation.registered", "litigation.reconsideration.filed", "litigation.litigation.filed"];

describe("evaluateAlerts: yoy_increase (yoy >= 0.5 and count >= 5)", () => {
  const cases = [
    { count: 6, prev: 4, change: 0.5 as number | null, fires: true, pct: "50%" },
    { count: 7, prev: 4, change: 0.75, fires: true, pct: "75%" },
    { count: 63, prev: 40, change: 0.575, fires: true, pct: "58%" },
    { count: 30, prev: 10, change: 2, fires: true, pct: "200%" },
    { count: 5, prev: 3, change: 0.49, fires: false, pct: "" },
    { count: 4, prev: 2, change: 1, fires: false, pct: "" },
    { count: 4, prev: 2, change: 0.5, fires: false, pct: "" },
    { count: 10, prev: 0, change: null, fires: false, pct: "" },
    { count: 5, prev: 10, change: -0.5, fires: false, pct: "" },
  ];
  it.each(YOY_METRICS.flatMap((metric) => cases.map((c) => ({ metric, ...c }))))(
    "$metric: count $count, yoy $change → fires=$fires",
    ({ metric, count, prev, change, fires, pct }) => {
      const alerts = evaluateAlerts(withYoy(metric, count, prev, change), null);
      if (!fires) {
        expect(alerts).toStrictEqual([]);
        return;
      }
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: "yoy_increase", metric, value: change });
      expect(alerts[0]!.message).toMatch(CHINESE);
      expect(alerts[0]!.message).toContain(`同比上升${pct}`);
    },
  );

  it("REPORT.md's example: 行政复议 +75%", () => {
    const [alert] = evaluateAlerts(withYoy("litigation.reconsideration.filed", 7, 4, 0.75), null);
    expect(alert!.message).toContain("行政复议案件同比上升75%");
  });

  // 63 vs 40 is +57.5%: the percent rounded to an integer is 58 (half up; half even agrees).
  it.each([
    { current: 63, prev: 40, change: 0.575, pct: "58%" },
    { current: 81, prev: 40, change: 1.025, pct: "103%" },
    { current: 61, prev: 40, change: 0.525, pct: "53%" },
  ])("$current vs $prev (yoy $change) reads $pct (a half percent rounds up)", ({ current, prev, change, pct }) => {
    const [alert] = evaluateAlerts(withYoy("litigation.reconsideration.filed", current, prev, change), null);
    expect(alert!.message).toContain(`行政复议案件同比上升${pct}`);
  });

  it("several yoy alerts are ordered by metric name", () => {
    const f = quiet();
    f.hotline = { ...f.hotline, orders: 10, orders_prev: 5, yoy: 1 };
    f.mediation = { ...f.mediation, registered: 10, registered_prev: 5, yoy: 1 };
    f.litigation.reconsideration = { ...f.litigation.reconsideration, filed: 10, filed_prev: 5, yoy: 1 };
    f.litigation.litigation = { ...f.litigation.litigation, filed: 10, filed_prev: 5, yoy: 1 };
    expect(evaluateAlerts(f, null).map((a) => a.metric)).toStrictEqual([
      "hotline.orders",
      "litigation.litigation.filed",
      "litigation.reconsideration.filed",
      "mediation.registered",
    ]);
  });
});

describe("evaluateAlerts: new_cause, one alert per new cause", () => {
  it.each([
    { newCauses: [] as string[], causes: [{ cause: "信息公开", filed: 3 }], expected: [] as [string, number][] },
    { newCauses: ["信息公开"], causes: [{ cause: "信息公开", filed: 3 }], expected: [["信息公开", 3]] },
    {
      newCauses: ["信息公开", "行政处罚"],
      causes: [
        { cause: "行政处罚", filed: 4 },
        { cause: "征收补偿", filed: 2 },
        { cause: "信息公开", filed: 1 },
      ],
      expected: [
        ["信息公开", 1],
        ["行政处罚", 4],
      ],
    },
  ])("new_causes $newCauses", ({ newCauses, causes, expected }) => {
    const f = quiet();
    f.litigation = { ...f.litigation, causes, new_causes: newCauses };
    const alerts = evaluateAlerts(f, null);
    expect(alerts.map((a) => [a.rule, a.metric, a.value])).toStrictEqual(
      expected.map(([, filed]) => ["new_cause", "litigation.new_causes", filed]),
    );
    alerts.forEach((a, i) => expect(a.message).toContain(`新增案由：${expected[i]![0]}`));
  });
});

describe("evaluateAlerts: lost_case (lost > 0)", () => {
  it.each([
    { lost: 0, message: null },
    { lost: 1, message: "本期行政复议、诉讼败诉案件1件" },
    { lost: 2, message: "本期行政复议、诉讼败诉案件2件" },
  ])("lost $lost", ({ lost, message }) => {
    const f = quiet();
    f.litigation = { ...f.litigation, decided: 5, lost, loss_rate: lost / 5 };
    const alerts = evaluateAlerts(f, null);
    if (message === null) expect(alerts).toStrictEqual([]);
    else expect(alerts).toStrictEqual([{ rule: "lost_case", metric: "litigation.lost", value: lost, message }]);
  });
});

describe("evaluateAlerts: head_appearance (rate < 1; not when null)", () => {
  it.each([
    { hearings: 0, appeared: 0, rate: null as number | null, fires: false },
    { hearings: 4, appeared: 4, rate: 1, fires: false },
    { hearings: 4, appeared: 2, rate: 0.5, fires: true },
    { hearings: 4, appeared: 0, rate: 0, fires: true },
    { hearings: 100, appeared: 99, rate: 0.99, fires: true },
  ])("$appeared/$hearings (rate $rate) → fires=$fires", ({ hearings, appeared, rate, fires }) => {
    const f = quiet();
    f.litigation = { ...f.litigation, hearings, head_appeared: appeared, head_appearance_rate: rate };
    const alerts = evaluateAlerts(f, null);
    if (!fires) {
      expect(alerts).toStrictEqual([]);
      return;
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: "head_appearance", metric: "litigation.head_appearance_rate", value: rate });
    expect(alerts[0]!.message).toMatch(CHINESE);
  });
});

describe("evaluateAlerts: category_spike (monthly only; orders >= 10 and >= 2x the 3-month mean)", () => {
  it.each([
    { orders: 10, base: 15, fires: true }, // mean 5: 10 >= 2 x 5
    { orders: 10, base: 16, fires: false }, // mean 5.33: 10 < 10.67
    { orders: 9, base: 0, fires: false }, // below 10 whatever the base
    { orders: 9, base: 3, fires: false },
    { orders: 10, base: 0, fires: true }, // mean 0 (months without orders count as 0)
    { orders: 20, base: 30, fires: true }, // mean 10
    { orders: 19, base: 30, fires: false },
    { orders: 11, base: 16, fires: true }, // mean 5.33: 11 >= 10.67
  ])("orders $orders, three months before $base → fires=$fires", ({ orders, base, fires }) => {
    const category = "城乡建设/违法建设";
    const alerts = evaluateAlerts(quiet(), [{ category, orders, base_orders: base }]);
    if (!fires) {
      expect(alerts).toStrictEqual([]);
      return;
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: "category_spike", metric: "hotline.by_category:城乡建设/违法建设", value: orders });
    expect(alerts[0]!.message).toMatch(CHINESE);
  });

  it("a yearly report (spikes null) raises no category_spike", () => {
    const f = quiet();
    f.period = "2024";
    f.hotline = { ...f.hotline, by_category: [{ category: "城乡建设/违法建设", orders: 50 }] };
    expect(evaluateAlerts(f, null)).toStrictEqual([]);
  });

  it("one alert per spiking category, by metric name", () => {
    const spikes: CategoryCount[] = [
      { category: "城乡建设/违法建设", orders: 12, base_orders: 3 },
      { category: "城乡建设/物业管理", orders: 12, base_orders: 30 },
      { category: "环境保护/噪音污染", orders: 30, base_orders: 6 },
    ];
    expect(evaluateAlerts(quiet(), spikes).map((a) => [a.metric, a.value])).toStrictEqual([
      ["hotline.by_category:城乡建设/违法建设", 12],
      ["hotline.by_category:环境保护/噪音污染", 30],
    ]);
  });
});

describe("evaluateAlerts: sla (on-time close rate < 0.9; not when null)", () => {
  it.each([
    { rate: null as number | null, fires: false },
    { rate: 1, fires: false },
    { rate: 0.9, fires: false },
    { rate: 0.89, fires: true },
    { rate: 0, fires: true },
  ])("rate $rate → fires=$fires", ({ rate, fires }) => {
    const f = quiet();
    f.hotline = { ...f.hotline, on_time_close_rate: rate };
    const alerts = evaluateAlerts(f, null);
    if (!fires) {
      expect(alerts).toStrictEqual([]);
      return;
    }
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: "sla", metric: "hotline.on_time_close_rate", value: rate });
    expect(alerts[0]!.message).toMatch(CHINESE);
  });
});

describe("evaluateAlerts: alerts come in REPORT.md's rule order", () => {
  it("every rule firing at once", () => {
    const f = quiet();
    const unit = (name: string) => ({ unit: name, orders: 12, closed: 10, closed_on_time: 7, on_time_close_rate: 0.7, satisfaction_rate: null });
    // by_unit's order (largest first) is not the names' order: unit_sla alerts keep it.
    f.hotline = { ...f.hotline, on_time_close_rate: 0.5, overdue_open: 2, by_unit: [unit("蛇口街道执法队"), unit("招商街道执法队")] };
    f.litigation = {
      ...f.litigation,
      reconsideration: { ...f.litigation.reconsideration, filed: 7, filed_prev: 4, yoy: 0.75 },
      decided: 3,
      lost: 1,
      loss_rate: 1 / 3,
      hearings: 2,
      head_appeared: 1,
      head_appearance_rate: 0.5,
      causes: [{ cause: "信息公开", filed: 7 }],
      new_causes: ["信息公开"],
    };
    f.supervision = { ...f.supervision, received: 2, late: 1 };
    const alerts = evaluateAlerts(f, [{ category: "城乡建设/违法建设", orders: 10, base_orders: 0 }]);
    expect(alerts.map((a) => [a.rule, a.metric])).toStrictEqual([
      ["yoy_increase", "litigation.reconsideration.filed"],
      ["new_cause", "litigation.new_causes"],
      ["lost_case", "litigation.lost"],
      ["head_appearance", "litigation.head_appearance_rate"],
      ["category_spike", "hotline.by_category:城乡建设/违法建设"],
      ["sla", "hotline.on_time_close_rate"],
      ["unit_sla", "hotline.by_unit:蛇口街道执法队"],
      ["unit_sla", "hotline.by_unit:招商街道执法队"],
      ["overdue_open", "hotline.overdue_open"],
      ["supervision_late", "supervision.late"],
    ]);
    for (const a of alerts) expect(a.message).toMatch(CHINESE);
  });
});
