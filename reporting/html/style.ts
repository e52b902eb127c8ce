// The inline stylesheet of report.html: system fonts only, nothing fetched.
export const STYLE = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #d2f4dc; --fail: #cf222e; --fail-bg: #ffd8d3;
  --skip: #59636e; --skip-bg: #eaeef2; --inconclusive: #9a6700; --inconclusive-bg: #fff1b8;
  --expected-fail: #8250df; --expected-fail-bg: #ecdcff;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 64px; color: var(--fg); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 0 0 4px; }
h4 { font-size: 13px; margin: 14px 0 6px; }
h5 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: var(--muted); font-weight: normal; }
[hidden] { display: none !important; }

.meta { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 0; padding: 12px 16px; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; }
.meta div { min-width: 0; }
.meta dt { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }

table { border-collapse: collapse; }
.scores th, .scores td { padding: 6px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
.scores thead th { font-size: 12px; color: var(--muted); font-weight: 600; }
.scores .num { text-align: right; font-variant-numeric: tabular-nums; }
.scores td.zero { color: #afb8c1; }
.scores tr.total th, .scores tr.total td { border-top: 2px solid var(--line); font-weight: 600; }
.scores .figure { min-width: 150px; }
.scores .figure strong { font-size: 15px; font-variant-numeric: tabular-nums; }
.bar { height: 5px; margin-top: 3px; background: var(--skip-bg); border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.conformance .bar span { background: var(--pass); }
.coverage .bar span { background: #0969da; }
.footnote { max-width: 900px; font-size: 12px; color: var(--muted); }

.c-pass { color: var(--pass); } .c-fail { color: var(--fail); font-weight: 600; } .c-skip { color: var(--skip); }
.c-inconclusive { color: var(--inconclusive); } .c-expected-fail { color: var(--expected-fail); }

.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 11.5px; font-weight: 600; line-height: 18px; white-space: nowrap; border: 1px solid transparent; }
.v-pass.badge, .v-pass.cell, .v-pass.cell-sample { background: var(--pass-bg); color: var(--pass); }
.v-fail.badge, .v-fail.cell, .v-fail.cell-sample { background: var(--fail-bg); color: var(--fail); }
.v-skip.badge, .v-skip.cell, .v-skip.cell-sample { background: var(--skip-bg); color: var(--skip); }
.v-inconclusive.badge, .v-inconclusive.cell, .v-inconclusive.cell-sample { background: var(--inconclusive-bg); color: var(--inconclusive); }
.v-expected-fail.badge, .v-expected-fail.cell, .v-expected-fail.cell-sample { background: var(--expected-fail-bg); color: var(--expected-fail); }

.filters { display: none; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin: 0 0 10px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg-soft); }
html.js .filters { display: flex; }
.filters fieldset { display: flex; flex-wrap: wrap; gap: 4px 10px; border: 0; margin: 0; padding: 0; align-items: center; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; }
.filters label { white-space: nowrap; }
.filters input[type=search], .filters select, .filters button { font: inherit; padding: 2px 6px; }
.filters output { margin-left: auto; color: var(--muted); }
.legend { font-size: 12px; margin: 4px 0 10px; }
.cell-sample { display: inline-block; min-width: 26px; text-align: center; font-weight: 700; font-size: 11px; border-radius: 3px; margin-left: 8px; }

.matrix-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.matrix { width: 100%; font-size: 13px; }
.matrix th, .matrix td { padding: 3px 8px; border-bottom: 1px solid #eaeef2; text-align: left; }
.matrix thead th { position: sticky; top: 0; background: #fff; z-index: 1; font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--line); }
.matrix th.op { text-align: center; width: 56px; font-size: 11px; line-height: 1.2; padding: 3px 4px; vertical-align: bottom; }
.matrix tr.group th { background: var(--bg-soft); padding-top: 7px; padding-bottom: 5px; font-size: 13px; border-top: 1px solid var(--line); }
.matrix .gcounts { margin-left: 10px; font-size: 12px; font-weight: normal; }
.matrix th.rid { font-weight: normal; white-space: nowrap; }
.matrix .rtitle { max-width: 320px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--muted); }
.matrix .tier { font-size: 12px; color: var(--muted); }
.matrix td.cell { text-align: center; font-weight: 700; font-size: 11.5px; border-left: 2px solid #fff; }
.matrix td.cell a { color: inherit; display: block; }
.matrix td.cell.none { background: none; }
.matrix tr.rule:hover td, .matrix tr.rule:hover th { box-shadow: inset 0 0 0 999px rgba(9,105,218,.06); }
.matrix tr.rule:target th, .matrix tr.rule:target td { outline: 2px solid #0969da; }

.evidence { margin: 16px 0; padding: 14px 18px; border: 1px solid var(--line); border-left: 5px solid var(--skip); border-radius: 6px; scroll-margin-top: 12px; }
.evidence.v-fail { border-left-color: var(--fail); }
.evidence.v-inconclusive { border-left-color: var(--inconclusive); }
.evidence.v-expected-fail { border-left-color: var(--expected-fail); }
.evidence:target { box-shadow: 0 0 0 3px rgba(9,105,218,.3); }
.evidence .rule-title { margin: 0 0 4px; }
.evidence .facts { margin: 0 0 8px; font-size: 12px; color: var(--muted); }
.evidence .reason, .evidence .documented-only { margin: 6px 0; padding: 6px 10px; background: var(--bg-soft); border-radius: 4px; }
.evidence .message { margin: 8px 0; padding: 8px 10px; background: #fff5f4; border-radius: 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12.5px; white-space: pre-wrap; overflow-wrap: anywhere; }
.evidence.v-inconclusive .message { background: #fffbe6; }
.evidence.v-expected-fail .message { background: #f8f2ff; }
.evidence pre { margin: 0; padding: 8px 10px; background: var(--bg-soft); border: 1px solid #eaeef2; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 420px; }
.diff { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.diff .expected pre { border-left: 3px solid var(--pass); }
.diff .actual pre { border-left: 3px solid var(--fail); }
.replay { font-size: 12px; margin: 6px 0; }
.repro details { margin-top: 8px; }
.repro summary { cursor: pointer; font-weight: 600; font-size: 12.5px; margin-bottom: 4px; }
.back { margin: 10px 0 0; font-size: 12px; }
.problems pre { white-space: pre-wrap; margin: 0; }
.headline { font-size: 18px; font-weight: 600; margin: 16px 0 8px; }
#no-verdict li { margin: 6px 0; }
.causes li { margin: 4px 0; }
.evidence .at, .evidence .root-cause { margin: 6px 0; font-size: 12.5px; }
.exchanges { margin-top: 8px; }
.exchanges summary { cursor: pointer; font-weight: 600; font-size: 12.5px; }
.exchanges li p { margin: 6px 0 2px; }
.causes summary { cursor: pointer; }
.causes .num { display: inline-block; min-width: 2.5em; text-align: right; font-weight: 600; margin-right: 6px; }
#no-verdict li.blocking > p:first-child { color: var(--fail); }
#no-verdict .fix { margin: 2px 0 0; padding: 4px 10px; background: var(--bg-soft); border-radius: 4px; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
@media print { .filters { display: none !important; } .evidence pre { max-height: none; } }
`;
