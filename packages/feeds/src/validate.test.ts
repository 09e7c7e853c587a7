import { describe, expect, it } from "vitest";
import type { Feed } from "./model.ts";
import { validateRecord } from "./validate.ts";
import { BASES, DISPATCH, FILED, HOTLINE, HOTLINE_OUT, LITIGATION, LITIGATION_OUT, MEDIATION, MEDIATION_OPEN, MEDIATION_OUT, check, expectAccepted, expectRejected, utc, without } from "./validate-fixtures.ts";

// ---- accepted records ------------------------------------------------------------------------

describe("validateRecord: full valid records become their canonical form", () => {
  it.each([
    { feed: "hotline" as const, input: HOTLINE, output: HOTLINE_OUT },
    { feed: "mediation" as const, input: MEDIATION, output: MEDIATION_OUT },
    { feed: "litigation" as const, input: LITIGATION, output: LITIGATION_OUT },
  ])("$feed", ({ feed, input, output }) => {
    expect(expectAccepted(check(feed, input))).toStrictEqual(output);
  });

  it.each([
    {
      feed: "hotline" as const,
      input: DISPATCH,
      output: {
        msg_id: "h-2",
        order_id: "GD2024040100001",
        event: "派发",
        event_time: utc("2024-04-01T02:00:00Z"),
        category: null,
        community: null,
        deadline: null,
        channel: null,
        repeat_of: null,
        satisfaction: null,
        unit: null,
        caller_phone: null,
        content: null,
        street: null,
      },
    },
    {
      feed: "mediation" as const,
      input: MEDIATION_OPEN,
      output: {
        msg_id: "m-2",
        case_id: "TJ2024-0002",
        updated_at: utc("2024-04-03T10:00:00Z"),
        registered_at: utc("2024-04-03T09:00:00Z"),
        kind: "诉前调解",
        dispute_type: "劳动争议",
        status: "受理",
        closed_at: null,
        community: null,
        amount_yuan: null,
        parties: null,
        referral_order_id: null,
        street: null,
      },
    },
    {
      feed: "litigation" as const,
      input: FILED,
      output: {
        msg_id: "l-2",
        case_id: "(2024)粤0305行复45号",
        kind: "reconsideration",
        cause: "行政处罚",
        filed_at: utc("2024-04-01T00:00:00Z"),
        updated_at: utc("2024-04-01T00:00:00Z"),
        status: "filed",
        hearing_at: null,
        head_appeared: null,
        outcome: null,
        decided_at: null,
        street: null,
      },
    },
  ])("$feed: only required keys, optional ones come out null", ({ feed, input, output }) => {
    expect(expectAccepted(check(feed, input))).toStrictEqual(output);
  });

  it.each([
    { feed: "hotline" as const, input: HOTLINE },
    { feed: "mediation" as const, input: MEDIATION },
    { feed: "litigation" as const, input: LITIGATION },
  ])("$feed: a Uint8Array of valid UTF-8 is accepted like the string", ({ feed, input }) => {
    const bytes = new TextEncoder().encode(JSON.stringify(input));
    expect(validateRecord(feed, bytes).ok).toBe(true);
  });
});

describe("validateRecord: required keys, missing or null, are rejected naming the key", () => {
  const cases: { feed: Feed; key: string }[] = [
    ...["msg_id", "order_id", "event", "event_time"].map((key) => ({ feed: "hotline" as const, key })),
    ...["msg_id", "case_id", "updated_at", "registered_at", "kind", "dispute_type", "status"].map((key) => ({
      feed: "mediation" as const,
      key,
    })),
    ...["msg_id", "case_id", "kind", "cause", "filed_at", "updated_at", "status"].map((key) => ({
      feed: "litigation" as const,
      key,
    })),
    ...["msg_id", "item_id", "kind", "received_at", "due_at", "updated_at", "status"].map((key) => ({
      feed: "supervision" as const,
      key,
    })),
  ];
  it.each(cases)("$feed: missing $key", ({ feed, key }) => {
    expectRejected(check(feed, without(BASES[feed], key)), key);
  });
  it.each(cases)("$feed: $key = null", ({ feed, key }) => {
    expectRejected(check(feed, { ...BASES[feed], [key]: null }), key);
  });
});

describe("validateRecord: null for an optional key means absent", () => {
  it.each([
    { feed: "hotline" as const, base: HOTLINE, key: "channel" },
    { feed: "hotline" as const, base: HOTLINE, key: "repeat_of" },
    { feed: "hotline" as const, base: HOTLINE, key: "unit" },
    { feed: "hotline" as const, base: HOTLINE, key: "caller_phone" },
    { feed: "hotline" as const, base: HOTLINE, key: "content" },
    { feed: "hotline" as const, base: DISPATCH, key: "category" },
    { feed: "hotline" as const, base: DISPATCH, key: "community" },
    { feed: "hotline" as const, base: DISPATCH, key: "deadline" },
    { feed: "hotline" as const, base: DISPATCH, key: "satisfaction" },
    { feed: "mediation" as const, base: MEDIATION, key: "community" },
    { feed: "mediation" as const, base: MEDIATION, key: "amount_yuan" },
    { feed: "mediation" as const, base: MEDIATION, key: "parties" },
    { feed: "mediation" as const, base: MEDIATION, key: "referral_order_id" },
    { feed: "mediation" as const, base: MEDIATION_OPEN, key: "closed_at" },
    { feed: "litigation" as const, base: FILED, key: "hearing_at" },
    { feed: "litigation" as const, base: FILED, key: "head_appeared" },
    { feed: "litigation" as const, base: FILED, key: "outcome" },
    { feed: "litigation" as const, base: FILED, key: "decided_at" },
  ])("$feed: $key = null → accepted, $key null", ({ feed, base, key }) => {
    const record = expectAccepted(check(feed, { ...base, [key]: null }));
    expect(record[key]).toBeNull();
  });
});

describe("validateRecord: conditional requirements", () => {
  it.each([
    { name: "登记 without category", feed: "hotline" as const, record: without(HOTLINE, "category"), key: "category" },
    { name: "登记 without community", feed: "hotline" as const, record: without(HOTLINE, "community"), key: "community" },
    { name: "登记 without deadline", feed: "hotline" as const, record: without(HOTLINE, "deadline"), key: "deadline" },
    { name: "登记 with category null", feed: "hotline" as const, record: { ...HOTLINE, category: null }, key: "category" },
    { name: "登记 with community null", feed: "hotline" as const, record: { ...HOTLINE, community: null }, key: "community" },
    { name: "登记 with deadline null", feed: "hotline" as const, record: { ...HOTLINE, deadline: null }, key: "deadline" },
    { name: "回访 without satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "回访" }, key: "satisfaction" },
    {
      name: "回访 with satisfaction null",
      feed: "hotline" as const,
      record: { ...DISPATCH, event: "回访", satisfaction: null },
      key: "satisfaction",
    },
    { name: "调解成功 without closed_at", feed: "mediation" as const, record: without(MEDIATION, "closed_at"), key: "closed_at" },
    {
      name: "调解失败 without closed_at",
      feed: "mediation" as const,
      record: { ...without(MEDIATION, "closed_at"), status: "调解失败" },
      key: "closed_at",
    },
    {
      name: "终止 with closed_at null",
      feed: "mediation" as const,
      record: { ...MEDIATION, status: "终止", closed_at: null },
      key: "closed_at",
    },
    {
      name: "hearing_at without head_appeared",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00" },
      key: "head_appeared",
    },
    {
      name: "hearing_at with head_appeared null",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00", head_appeared: null },
      key: "head_appeared",
    },
    {
      name: "status decided without outcome",
      feed: "litigation" as const,
      record: { ...FILED, status: "decided", decided_at: "2024-04-20 09:00:00" },
      key: "outcome",
    },
    {
      name: "outcome without decided_at",
      feed: "litigation" as const,
      record: { ...FILED, status: "closed", outcome: "upheld" },
      key: "decided_at",
    },
    { name: "decided, outcome but no decided_at", feed: "litigation" as const, record: without(LITIGATION, "decided_at"), key: "decided_at" },
  ])("rejects $name", ({ feed, record, key }) => {
    expectRejected(check(feed, record), key);
  });

  it.each([
    { name: "派发 without category/community/deadline", feed: "hotline" as const, record: DISPATCH },
    { name: "办结 without satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "办结" } },
    { name: "回访 with satisfaction", feed: "hotline" as const, record: { ...DISPATCH, event: "回访", satisfaction: "不满意" } },
    { name: "受理 without closed_at", feed: "mediation" as const, record: MEDIATION_OPEN },
    { name: "调解中 without closed_at", feed: "mediation" as const, record: { ...MEDIATION_OPEN, status: "调解中" } },
    {
      name: "hearing_at with head_appeared false",
      feed: "litigation" as const,
      record: { ...FILED, status: "hearing", hearing_at: "2024-04-10 09:30:00", head_appeared: false },
    },
    { name: "head_appeared without hearing_at", feed: "litigation" as const, record: { ...FILED, head_appeared: true } },
    {
      name: "status closed with outcome and decided_at",
      feed: "litigation" as const,
      record: { ...FILED, status: "closed", outcome: "settled", decided_at: "2024-04-20T01:00:00Z" },
    },
    { name: "decided_at without outcome", feed: "litigation" as const, record: { ...FILED, decided_at: "2024-04-20T01:00:00Z" } },
  ])("accepts $name", ({ feed, record }) => {
    expectAccepted(check(feed, record));
  });
});
