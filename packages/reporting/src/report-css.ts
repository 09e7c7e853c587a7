// The HTML report's stylesheet, inline in the page. Fonts are the reader's own (no web fonts):
// the CJK families that Windows, macOS and Linux ship, then any sans-serif.
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;max-width:980px;margin:24px auto;padding:0 16px;color:#222;line-height:1.7;font-size:15px}
h1{font-size:24px;margin:0 0 4px;text-align:center}
h2{font-size:19px;border-bottom:2px solid #1f5fa8;padding-bottom:4px;margin-top:28px}
h3{font-size:16px;margin:18px 0 6px}
.note{color:#666;font-size:13px;text-align:center;margin:0 0 12px}
p{margin:6px 0;text-indent:2em}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin:12px 0}
.card{border:1px solid #d5dbe1;border-radius:6px;padding:8px;text-align:center}
.card .v{font-size:20px;font-weight:bold;color:#1f5fa8}
.card .k{font-size:12px;color:#555}
.card.alert{border-color:#c0392b;background:#fdecea}
.card.alert .v{color:#c0392b}
.alert-box{border:1px solid #c0392b;border-left:6px solid #c0392b;background:#fdf3f2;padding:8px 14px;margin:12px 0}
.calm{border-left:6px solid #2e8b57;background:#eef7f1;padding:8px 14px;margin:12px 0}
ul.alerts{list-style:none;padding:0;margin:6px 0}
ul.alerts li{background:#fdecea;border-left:4px solid #c0392b;color:#8e2418;padding:3px 10px;margin:4px 0}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:10px 16px;margin:10px 0}
figure{margin:0}
svg.chart{width:100%;height:auto;display:block}
table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}
th,td{border:1px solid #ccd3da;padding:2px 10px;text-align:left}
th{background:#f0f3f6}
td.num{text-align:right}
@page{size:A4;margin:15mm 14mm}
@media print{
  body{margin:0;max-width:none;font-size:12pt}
  section.sec{break-before:page}
  figure,svg.chart,tr,.card,.alert-box{break-inside:avoid}
  h2,h3{break-after:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
