import { describe, expect, it } from "vitest";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { fixtureReport, type FixtureCounts } from "./report-fixture.ts";
import type { SupervisionKindEntry } from "./report-types.ts";

const entry = (kind: SupervisionKindEntry["kind"], level: SupervisionKindEntry["level"], received: number, replied = received, onTime = replied): SupervisionKindEntry => ({
  kind,
  level,
  received,
  replied,
  replied_on_time: onTime,
});

describe("annual text: the supervision section in the words of the report's 七(一)", () => {
  it.each<{ name: string; counts: FixtureCounts; sentences: string[] }>([
    {
      name: "the seed report's year: all on time",
      counts: {},
      sentences: [
        "（一）自觉接受人大、政协监督。2024年，街道办理市人大建议36件、区人大建议17件、市政协提案1件、区政协提案19件，均按时答复。",
        "（二）自觉接受司法、检察机关监督。收到司法建议2件，均按时答复。",
        "（三）答复时效。合计办理75件，按时答复75件，按时答复率100%；无逾期答复事项。",
      ],
    },
    {
      name: "some late, some still open: replies, on-time count and the rate over the items received",
      counts: { supervision: [entry("人大建议", "区", 10, 9, 7), entry("政协提案", "市", 2), entry("检察建议", null, 3, 2, 1)], late: 4 },
      sentences: [
        "2024年，街道办理区人大建议10件、市政协提案2件，已答复11件，按时答复9件，尚在办理1件，按时答复率75%。",
        "收到检察建议3件，已答复2件，按时答复1件，尚在办理1件，按时答复率33.3%。",
        "（三）答复时效。合计办理15件，按时答复10件，按时答复率66.6%；逾期4件（超过答复期限答复或到期未答复）。",
      ],
    },
    {
      name: "all replied, one after its due time",
      counts: { supervision: [entry("司法建议", null, 2, 2, 1), entry("检察建议", null, 1)], late: 1 },
      sentences: ["收到司法建议2件、检察建议1件，已答复3件，按时答复2件，按时答复率66.6%。", "2024年，街道无交办的人大建议、政协提案。"],
    },
    {
      name: "nothing received",
      counts: { supervision: [] },
      sentences: ["2024年，街道无交办的人大建议、政协提案。", "本年未收到司法建议、检察建议。", "（三）答复时效。本年无交办事项。"],
    },
  ])("$name", ({ counts, sentences }) => {
    const md = renderMarkdown(fixtureReport(counts));
    for (const s of sentences) expect(md).toContain(s);
  });

  it("a table of the entries in by_kind's order, or （无）", () => {
    const section = (md: string) => md.slice(md.indexOf("## 四、"), md.indexOf("## 五、"));
    expect(section(renderMarkdown(fixtureReport()))).toContain(
      "| 类别 | 交办数 | 已答复 | 按时答复 |\n| --- | --- | --- | --- |\n| 市人大建议 | 36 | 36 | 36 |\n| 区人大建议 | 17 | 17 | 17 |\n| 市政协提案 | 1 | 1 | 1 |\n| 区政协提案 | 19 | 19 | 19 |\n| 司法建议 | 2 | 2 | 2 |\n",
    );
    expect(section(renderMarkdown(fixtureReport({ supervision: [] })))).toContain("（无）");
  });
});

describe("monthly text: the supervision lines", () => {
  it.each<{ counts: FixtureCounts; lines: string[] }>([
    {
      counts: { period: "2024-03", supervision: [entry("人大建议", "市", 3), entry("司法建议", null, 1)] },
      lines: ["- 办理市人大建议3件、司法建议1件（合计4件），均按时答复。", "- 无逾期答复事项。"],
    },
    {
      counts: { period: "2024-03", supervision: [entry("政协提案", "区", 4, 2, 1)], late: 2 },
      lines: ["- 办理区政协提案4件（合计4件），已答复2件，按时答复1件，尚在办理2件，按时答复率25%。", "- 逾期2件（超过答复期限答复或到期未答复）。"],
    },
    { counts: { period: "2024-03", supervision: [] }, lines: ["- 本月无交办的建议提案和司法、检察建议。"] },
  ])("$lines.0", ({ counts, lines }) => {
    const md = renderMarkdown(fixtureReport(counts)).split("\n");
    expect(md).toContain("## 四、建议提案和司法、检察建议办理");
    for (const l of lines) expect(md).toContain(l);
  });
});

describe("HTML: the supervision section", () => {
  it("has its sentences, its two charts and its table", () => {
    const html = renderHtml(fixtureReport({ supervision: [entry("人大建议", "市", 5, 4, 3)], late: 2 }));
    const section = html.slice(html.indexOf('<section class="sec sec-supervision">'), html.indexOf('<section class="sec sec-alerts">'));
    expect(section).toContain("<h2>四、自觉接受人大、政协和司法、检察机关监督</h2>");
    expect(section).toContain("街道办理市人大建议5件，已答复4件，按时答复3件，尚在办理1件，按时答复率60%。");
    expect(section).toContain("<title>按时答复：3</title>");
    expect(section).toContain("<title>超期答复：1</title>");
    expect(section).toContain("<title>尚在办理：1</title>");
    expect(section).toContain("<title>市人大建议：5</title>");
    expect(section).toContain('<td class="num">5</td>');
    expect(html).toContain('<div class="card alert" data-metric="supervision.late"><div class="v">2件</div>');
  });
});
