/**
 * The letter's print button, as a script file (the desk's CSP allows no inline
 * script): it shows the button, which the page renders hidden so that a browser
 * without JavaScript never shows a button that does nothing (the hint beside it
 * says how to print instead).
 */
export const PRINT_SCRIPT_PATH = '/desk/assets/print.js';

export const PRINT_JS = `"use strict";
(function () {
  var button = document.getElementById("print-letter");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  var hint = document.getElementById("print-hint");
  if (hint) hint.hidden = true;
  button.addEventListener("click", function () { window.print(); });
})();
`;
