/**
 * The audit page's progress bar, kept current by a script file (the desk's CSP allows no
 * inline script): while the audit is read, or its claims are filed, it asks the page's JSON
 * (`data-poll`) every second and moves the `<progress>`; once the work is done it reloads the
 * page, which then shows the totals. Without JavaScript the page says to reload it.
 */
export const AUDIT_PROGRESS_SCRIPT_PATH = '/desk/assets/audit-progress.js';

export const AUDIT_PROGRESS_JS = `"use strict";
(function () {
  var bar = document.getElementById("audit-progress");
  if (!bar || !window.fetch) return;
  var src = bar.getAttribute("data-poll");
  var text = document.getElementById("audit-progress-text");
  var busy = function (s) {
    return s.status === "processing" || (s.filing && s.filing.status === "filing");
  };
  var tick = function () {
    fetch(src, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return setTimeout(tick, 3000);
        bar.value = s.percent;
        if (text && s.text) text.textContent = s.text;
        if (!busy(s)) return window.location.reload();
        setTimeout(tick, 1000);
      }, function () { setTimeout(tick, 3000); });
  };
  setTimeout(tick, 1000);
})();
`;
