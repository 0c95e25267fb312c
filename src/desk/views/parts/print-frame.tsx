import type { Child } from 'hono/jsx';
import type { Language } from '../../i18n/lang';
import { STYLESHEET_PATH } from '../layout';
import { PRINT_SCRIPT_PATH } from '../print-script';

export interface PrintFrameProps {
  /** The document's language, which may differ from the desk's. */
  lang: Language;
  title: string;
  /** The toolbar's accessible name. */
  toolbar: string;
  back: { href: string; text: string };
  /** The same document in the other language. */
  other: { href: string; lang: Language; text: string };
  print: string;
  printHint: string;
  children?: Child;
}

/**
 * The frame of a document to print (the claim letter, the destruction act): its own page,
 * every word in the document's language, a toolbar (back, the other language, print) that
 * the print stylesheet hides, and the document in `main.letter`, on A4.
 *
 * @example <PrintFrame lang="ru" title={t} toolbar={m.toolbar} back={…} other={…} print={m.print} printHint={m.printHint}>…</PrintFrame>
 */
export function PrintFrame(props: PrintFrameProps) {
  const { other } = props;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={PRINT_SCRIPT_PATH} defer></script>
      </head>
      <body class="letter-body">
        <nav class="toolbar no-print" aria-label={props.toolbar}>
          <a href={props.back.href}>{props.back.text}</a>
          <a href={other.href} hreflang={other.lang} lang={other.lang}>
            {other.text}
          </a>
          {/* Shown by print.js (the CSP allows no inline script); without it, the hint says how. */}
          <button type="button" id="print-letter" hidden>
            {props.print}
          </button>
          <span class="muted" id="print-hint">
            {props.printHint}
          </span>
        </nav>
        <main class="letter">{props.children}</main>
      </body>
    </html>
  );
}
