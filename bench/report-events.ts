// The report bench's store: `events` realistic hotline events made by ClickHouse itself from
// numbers() (five per order over 2023-2024: 登记 with category, community, deadline, channel and
// caller hash; 派发 with a unit; 签收; 办结 or 退回; 回访 with a rating or 重启), plus mediation
// and litigation snapshots, of a district: each order, case and item of one of BENCH_STREETS
// (one in ten naming none, one order in twenty transferred to another street at 派发).
// Deterministic: the same count always gives the same rows.
import { DEFAULT_STREET } from "@casepulse/config";
const CATEGORIES = ["城乡建设/违法建设", "市场监管/食品安全", "物业管理/物业服务", "交通运输/违规停车", "环境保护/噪音扰民", "劳动保障/欠薪", "城市管理/占道经营", "教育/校外培训"];
const COMMUNITIES = ["湾厦社区", "蛇口社区", "渔二社区", "雷岭社区", "海湾社区", "四海社区", "东角头社区", "花果山社区", "大陆庄园社区", "金竹园社区"];
const UNITS = ["蛇口街道执法队", "南山区市场监督管理局蛇口监管所", "蛇口街道城建办", "南山交警大队蛇口中队", "蛇口街道劳动办"];
const CAUSES = ["信息公开", "行政处罚", "行政强制", "行政许可", "工伤认定", "房屋征收", "不履行法定职责"];

/** The district's streets; a street's report is timed for the second (the default street has the records naming none). */
export const BENCH_STREETS = [DEFAULT_STREET, "招商街道", "粤海街道"] as const;

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(", ")}]`;
const pick = (values: readonly string[], seed: string) => `${list(values)}[1 + cityHash64(${seed}) % ${values.length}]`;
const TWO_YEARS_MS = 731 * 86_400_000;
const START = "toDateTime64('2022-12-31 16:00:00', 3, 'UTC')";

export function reportEventsSql(db: string, events: number): string[] {
  const orders = Math.floor(events / 5);
  const o = "intDiv(number, 5)";
  const k = "(number % 5)";
  const reg = `(${START} + toIntervalMillisecond(${o} * ${Math.floor(TWO_YEARS_MS / orders)} + cityHash64(${o}, 1) % 3600000))`;
  const cases = Math.max(200, Math.floor(events / 500));
  return [
    `INSERT INTO ${db}.hotline_events (msg_id, order_id, event, event_time, category, community, deadline, channel, repeat_of, satisfaction, unit, caller_hash, has_content, street)
     SELECT
       toString(reinterpretAsUUID(MD5(toString(number)))) AS msg_id,
       concat('SZ', leftPad(toString(${o}), 10, '0')) AS order_id,
       multiIf(${k} = 0, '登记', ${k} = 1, '派发', ${k} = 2, '签收', ${k} = 3, if(${o} % 10 = 7, '退回', '办结'), if(${o} % 10 = 7, '重启', '回访')) AS event,
       ${reg} + toIntervalMillisecond(multiIf(${k} = 0, 0, ${k} = 1, 3600000 + cityHash64(number) % 10800000, ${k} = 2, 18000000 + cityHash64(number) % 68400000,
         ${k} = 3, 86400000 + cityHash64(number) % 777600000, 950400000 + cityHash64(number) % 259200000)) AS event_time,
       if(${k} = 0 OR (${k} = 2 AND ${o} % 25 = 0), ${pick(CATEGORIES, `${o}, ${k}`)}, NULL) AS category,
       if(${k} = 0, ${pick(COMMUNITIES, `${o}, 2`)}, NULL) AS community,
       if(${k} = 0, ${reg} + toIntervalMillisecond(604800000 + cityHash64(${o}, 3) % 259200000), NULL) AS deadline,
       if(${k} = 0, ${pick(["电话", "网站", "微信", "APP"], `${o}, 4`)}, NULL) AS channel,
       if(${k} = 0 AND ${o} % 20 = 0 AND ${o} > 0, concat('SZ', leftPad(toString(${o} - 1), 10, '0')), NULL) AS repeat_of,
       if(${k} = 4 AND ${o} % 10 != 7, ${pick(["满意", "基本满意", "不满意"], `${o}, 5`)}, NULL) AS satisfaction,
       if(${k} = 1, ${pick(UNITS, `${o}, 6`)}, NULL) AS unit,
       if(${k} = 0, lower(hex(SHA256(toString(${o} % ${Math.max(1, Math.floor(orders * 0.8))})))), NULL) AS caller_hash,
       ${k} = 0 AS has_content,
       multiIf(${k} = 0 AND ${o} % 10 != 3, ${pick(BENCH_STREETS, `${o}, 7`)}, ${k} = 1 AND ${o} % 20 = 9, ${pick(BENCH_STREETS, `${o}, 8`)}, NULL) AS street
     FROM numbers(${orders * 5})`,
    `INSERT INTO ${db}.mediation_snapshots (msg_id, case_id, updated_at, registered_at, kind, dispute_type, status, closed_at, community, amount_yuan, parties, referral_order_id, street)
     SELECT
       toString(reinterpretAsUUID(MD5(concat('m', toString(number))))),
       concat('TJ', leftPad(toString(intDiv(number, 2)), 8, '0')),
       registered + toIntervalDay(number % 2 * 20),
       ${START} + toIntervalMillisecond(intDiv(number, 2) * ${Math.floor(TWO_YEARS_MS / cases)}) AS registered,
       ${pick(["人民调解", "诉前调解", "行政调解", "司法调解"], "intDiv(number, 2), 1")},
       ${pick(["邻里纠纷", "婚姻家庭", "物业纠纷", "劳动争议", "合同纠纷"], "intDiv(number, 2), 2")},
       if(number % 2 = 0, '调解中', ${pick(["调解成功", "调解成功", "调解失败", "终止"], "intDiv(number, 2), 3")}),
       if(number % 2 = 0, NULL, registered + toIntervalDay(20)),
       ${pick(COMMUNITIES, "intDiv(number, 2), 4")},
       toDecimal128(cityHash64(number) % 10000000 / 100, 6),
       toUInt32(2 + cityHash64(number) % 3),
       NULL,
       if(intDiv(number, 2) % 10 = 3, NULL, ${pick(BENCH_STREETS, "intDiv(number, 2), 9")})
     FROM numbers(${cases * 2})`,
    `INSERT INTO ${db}.litigation_snapshots (msg_id, case_id, kind, cause, filed_at, updated_at, status, hearing_at, head_appeared, outcome, decided_at, street)
     SELECT
       toString(reinterpretAsUUID(MD5(concat('l', toString(number))))),
       concat('XZ', leftPad(toString(intDiv(number, 2)), 8, '0')),
       if(intDiv(number, 2) % 2 = 0, 'reconsideration', 'litigation'),
       ${pick(CAUSES, "intDiv(number, 2), 1")},
       ${START} + toIntervalMillisecond(intDiv(number, 2) * ${Math.floor(TWO_YEARS_MS / (cases / 4))}) AS filed,
       filed + toIntervalDay(number % 2 * 60),
       if(number % 2 = 0, 'filed', 'decided'),
       if(number % 2 = 0, NULL, filed + toIntervalDay(30)),
       if(number % 2 = 0, NULL, cityHash64(number) % 10 != 0),
       if(number % 2 = 0, NULL, ${pick(["upheld", "dismissed", "revoked", "confirmed_illegal", "settled"], "number")}),
       if(number % 2 = 0, NULL, filed + toIntervalDay(60)),
       if(intDiv(number, 2) % 10 = 3, NULL, ${pick(BENCH_STREETS, "intDiv(number, 2), 10")})
     FROM numbers(${Math.floor(cases / 2)})`,
    `INSERT INTO ${db}.ingest_batches (batch_id, feed, source, received, rejected) VALUES ('bench:hotline', 'hotline', 'bench', ${orders * 5}, 0)`,
  ];
}
