/**
 * The desk's stylesheet, served from /desk/assets/desk.css (the CSP allows no
 * inline style). Colours are chosen for WCAG AA contrast on white; overdue and
 * error states are said in words too, never by colour alone.
 */
export const DESK_CSS = `
:root { --ink: #1b1f24; --muted: #4a5563; --line: #c9d1d9; --accent: #0b4f8a; --accent-ink: #ffffff;
  --bad: #8a1111; --bad-bg: #fdecec; --good: #0f5a2a; --good-bg: #e8f5ec; --note-bg: #eef4fb; --card: #ffffff; --page: #f4f6f8; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--page); line-height: 1.45; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip-link { position: absolute; left: -9999px; top: 0; background: var(--accent); color: var(--accent-ink); padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 10; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: .75rem 1.5rem; background: var(--accent); color: var(--accent-ink); }
header.top a { color: var(--accent-ink); }
header.top a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.brand { margin: 0; font-weight: 700; }
.nav { display: flex; gap: 1.25rem; list-style: none; margin: 0; padding: 0; }
.lang-switch { margin-left: auto; }
.signed-in { margin: 0; }
.sign-out { margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
header.top .sign-out button { background: transparent; color: var(--accent-ink); border-color: var(--accent-ink); }
main { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
footer.bottom { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 0 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.narrow { max-width: 32rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .25rem 1rem; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 0 1rem; }
.field { margin: 0 0 .85rem; display: flex; flex-direction: column; gap: .2rem; }
.field.check { flex-direction: row; flex-wrap: wrap; align-items: center; gap: .5rem; }
label { font-weight: 600; }
.hint { margin: 0; color: var(--muted); font-size: .9rem; }
.actor-id { color: var(--muted); font-size: .85rem; }
input, select, textarea { font: inherit; color: var(--ink); background: #fff; border: 1px solid #6b7785; border-radius: 4px; padding: .4rem .5rem; }
input[type="checkbox"] { width: 1.1rem; height: 1.1rem; }
.invalid input, .invalid select, .invalid textarea { border: 2px solid var(--bad); }
.field-error { margin: 0; color: var(--bad); font-weight: 600; }
button { font: inherit; font-weight: 600; cursor: pointer; color: var(--accent-ink); background: var(--accent); border: 2px solid var(--accent); border-radius: 4px; padding: .45rem 1rem; }
button.secondary { color: var(--accent); background: #fff; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; margin: .5rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .75rem 1rem; }
fieldset.row { border-style: dashed; }
legend { font-weight: 700; padding: 0 .25rem; }
.notice { background: var(--note-bg); border-left: 4px solid var(--accent); padding: .6rem .9rem; margin: 0 0 1rem; }
.notice.error { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
.notice.error a { color: var(--bad); }
.notice.success { background: var(--good-bg); border-color: var(--good); color: var(--good); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #e9eef3; }
td.num { white-space: nowrap; }
tr.overdue th, tr.overdue td { background: #fff6f6; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: 999px; font-size: .85rem; font-weight: 600; background: #e9eef3; color: var(--ink); }
.overdue-badge { background: var(--bad-bg); color: var(--bad); margin-left: .35rem; }
.status-paid, .status-approved, .status-partially_approved { background: var(--good-bg); color: var(--good); }
.status-rejected, .status-cancelled { background: #eceff2; color: #3b4450; }
.status-needs_info { background: #fff4d6; color: #5c4400; }
dl.facts, dl.parties { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .3rem 1rem; margin: 0 0 .75rem; }
dt { font-weight: 600; color: var(--muted); }
dd { margin: 0; }
.amount strong { font-size: 1.3rem; }
.lines li, .parts li, .evidence li, .missing li { margin: .2rem 0; }
.muted { color: var(--muted); }
.prose { white-space: pre-wrap; }
.move-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
form.move, form.remedy-offer { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
form.move h3, form.remedy-offer h3 { margin-top: 0; }
.pages { display: flex; gap: 1.5rem; margin: 1rem 0; }
.filters .actions { margin-top: 0; }
.letter-links span { font-weight: 600; }
.letter-body { background: #fff; }
.toolbar { display: flex; flex-wrap: wrap; gap: 1.5rem; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
main.letter { max-width: 48rem; font-family: Georgia, "Times New Roman", serif; }
main.letter h1 { text-align: center; letter-spacing: .05em; }
.subject { font-weight: 700; text-align: center; }
.demand { font-size: 1.1rem; font-weight: 700; }
.signature { margin-top: 3rem; }
/* The dashboard's charts and flags */
.charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
.bar-a { fill: var(--accent); }
.bar-b { fill: var(--good); }
.legend { display: flex; gap: 1rem; margin: 0 0 .5rem; padding: 0; list-style: none; font-size: .9rem; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; }
.swatch.bar-a { background: var(--accent); }
.swatch.bar-b { background: var(--good); }
.flags li { background: var(--bad-bg); color: var(--bad); border-left: 4px solid var(--bad); padding: .4rem .7rem; margin: 0 0 .4rem; list-style: none; font-weight: 600; }
.flags { padding: 0; }
@media print {
  .no-print, header.top, footer.bottom, .skip-link { display: none !important; }
  html, body, .letter-body { background: #fff; }
  main { padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
/* Customer remedies on the claim page. */
.answer-buttons { display: flex; flex-wrap: wrap; gap: .5rem; }
.answer-buttons form { margin: 0; }
table.remedies { margin-bottom: 1rem; }
/* Filing by phone: only the chosen type's fields (no script: :has() on the select). */
form.filing:has(#f-type option[value="late"]:checked) .for-loss { display: none; }
form.filing:has(#f-type option[value="lost"]:checked) .for-late,
form.filing:has(#f-type option[value="damaged"]:checked) .for-late,
form.filing:has(#f-type option[value="damaged"]:checked) .for-lost { display: none; }
ul.duplicates { margin: .5rem 0; }
/* The letter on paper: A4 with a binding margin, black text, no buttons. */
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
@media print {
  button, nav, form { display: none !important; }
  .letter-body, main.letter, main.letter * { color: #000 !important; background: transparent !important; }
  main.letter { font-size: 12pt; }
  main.letter table, main.letter tr { break-inside: avoid; }
}
/* issue 21: fields and marks */
.b2b-badge { background: #e3e8f7; color: #1d2f6f; }
p.field-error:focus, .notice:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
/* issue 21: queues */
.visually-hidden, form.filters .hint { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.nav-count { display: inline-block; min-width: 1.6em; margin-left: .4rem; padding: 0 .4em; border-radius: 999px; background: var(--accent-ink); color: var(--accent); font-size: .85rem; font-weight: 700; line-height: 1.5; text-align: center; }
form.filters { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem .75rem; padding: .6rem .9rem; }
form.filters .field { margin: 0; flex: 0 1 9rem; min-width: 7rem; gap: .1rem; }
form.filters > .field:first-of-type { flex: 1 1 12rem; }
form.filters .field:has(#q-in) { flex-basis: 11.5rem; }
form.filters .field:has(#q-sort) { flex-basis: 16rem; }
form.filters label { font-size: .85rem; }
form.filters input:not([type="checkbox"]), form.filters select { width: 100%; padding: .3rem .4rem; }
form.filters .checks { display: flex; flex-direction: column; gap: .15rem; }
form.filters .field.check { flex: none; min-width: 0; gap: .35rem; }
form.filters .actions { margin: 0; gap: .75rem; }
nav.tabs ul { display: flex; flex-wrap: wrap; gap: .25rem; margin: 0; padding: 0; list-style: none; border-bottom: 2px solid var(--accent); }
nav.tabs a { display: inline-flex; align-items: center; gap: .3rem; padding: .25rem .5rem; border: 1px solid var(--line); border-bottom: 0; border-radius: 6px 6px 0 0; background: var(--card); text-decoration: none; white-space: nowrap; }
nav.tabs a[aria-current="page"] { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 700; }
#counts-as-of, .sorted-by { margin: .3rem 0; color: var(--muted); font-size: .85rem; }
main.wide, main.wide ~ footer.bottom { max-width: 100rem; }
table.queue { font-size: .95rem; }
table.queue th, table.queue td { padding: .4rem .35rem; }
table.queue td.date, table.queue td.days, table.queue td.num, table.queue .badge { white-space: nowrap; }
table.queue td.customer { min-width: 8rem; }
table.late-queue .frozen { display: block; color: var(--muted); font-size: .85rem; }
table.late-queue th[scope="row"] .sub { display: block; font-weight: 400; color: var(--muted); font-size: .85rem; }
/* issue 22: the carrier's words and the event's source */
.carrier-says { color: var(--muted); font-size: .9rem; }
.badge.source { font-size: .75rem; font-weight: 600; padding: 0 .4rem; background: #eef1f4; color: #3b4450; border: 1px solid var(--line); white-space: nowrap; }
.badge.source-cdek_hook, .badge.source-reconciliation { background: var(--note-bg); color: var(--accent); }
.badge.source-sandbox { background: #fff4d6; color: #5c4400; }
table.unmatched td.reason .sub { display: block; color: var(--muted); font-size: .85rem; }
form.shop-find { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem .75rem; margin: 1rem 0; }
form.shop-find .field { margin: 0; }
/* issue 24: audits */
a.button { display: inline-block; font-weight: 600; color: var(--accent-ink); background: var(--accent); border: 2px solid var(--accent); border-radius: 4px; padding: .45rem 1rem; text-decoration: none; }
.audit-progress progress { width: 100%; height: 1.25rem; }
table.audit-rows ul.findings, table.audit-rows ul.problems { margin: 0; padding-left: 1rem; }
table.audit-rows details summary { cursor: pointer; }
table.audit-rows .sub { color: var(--muted); }
table.audit-rows p.claimed { margin: .2rem 0 0; font-size: .85rem; }
#totals .charts figure { margin: 0; }
`;
