/**
 * The README's five-minute tour is true: its curls, run in order against the Worker, give the
 * answers it shows. The tour's `sh` blocks are parsed as written (README.md, bundled by
 * Vite's `?raw`: workerd cannot read the repository's files; a block in another language, such
 * as the webhook receiver's `bash` block, run in a second shell, is not run):
 *
 * - `NAME=value` sets a shell variable. `KEY=pca_…` and `CLERK=pca_…` are the keys `npm start`
 *   prints: the test seeds its own (shop `demo-shop`, clerk "Demo Clerk"). Any other value
 *   with `…`, such as `ID=clm_…`, is the `id` of the answer just before, which must start so.
 * - `$(date -u +%F)` and `$(date -u -d '-N days' +%F)` are dates relative to the test
 *   Worker's pinned today (TODAY), as the shell makes them relative to the real one.
 * - `curl` takes `-s`/`-i`, `-X`, `-H`, `-d` and a `localhost:8787` URL; anything else fails.
 * - The comment lines right after a curl are its answer: `# <status> [Name: value]…` then
 *   the body after `→`, continued on `#   ` lines. In the body, `…` between members or items
 *   stands for what was left out (an object or array without it must match exactly), and
 *   `…` inside a string for any text. Every date in it is shifted from the README's run
 *   ("from a run on YYYY-MM-DD") to TODAY.
 */
import { describe, expect, it } from 'vitest';
import readme from '../../README.md?raw';
import { seedKey } from './claims-helpers';
import { call } from './helpers';
import { TODAY } from './worker';

const ELIDED = '…';
/** What an elision outside a string becomes while the abridged JSON is parsed. */
const MORE = '\u0000more';

interface ShownAnswer {
  status: number;
  headers: [string, string][];
  /** The body as shown, parsed; undefined when the README shows none. */
  body?: unknown;
}
type Step =
  | { kind: 'set'; name: string; value: string; line: string }
  | { kind: 'curl'; line: string; answer: ShownAnswer };

/** The tour: README.md from its heading to the next `## `. */
function tourOf(markdown: string): string {
  const start = markdown.indexOf('\n## A five-minute tour');
  if (start < 0) throw new Error('README.md has no "## A five-minute tour" section');
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Days from 1970-01-01 to an ISO date. */
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
/** The ISO date `days` after `date`. @example addDays('2025-06-16', -10) // '2025-06-06' */
const addDays = (date: string, days: number) =>
  new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

/**
 * Splits one shell line into words, expanding `$NAME` and the `date` forms; a `#` starting a
 * word starts a comment. Strict: an unknown variable or command substitution throws.
 */
function shellWords(line: string, lookup: (name: string) => string): string[] {
  const words: string[] = [];
  let i = 0;
  const expand = (): string => {
    const rest = line.slice(i);
    const date = /^\$\(date -u(?: -d '([+-]?\d+) days?')? \+%F\)/.exec(rest);
    if (date) {
      i += date[0].length;
      return addDays(TODAY, Number(date[1] ?? 0));
    }
    const name = /^\$([A-Z_]+)/.exec(rest);
    if (!name?.[1]) throw new Error(`unknown expansion at: ${rest}`);
    i += name[0].length;
    return lookup(name[1]);
  };
  while (i < line.length) {
    if (/\s/.test(line[i] ?? '')) {
      i++;
      continue;
    }
    if (line[i] === '#') break;
    let word = '';
    while (i < line.length && !/\s/.test(line[i] ?? '')) {
      const c = line[i];
      if (c === "'") {
        const close = line.indexOf("'", i + 1);
        if (close < 0) throw new Error(`unclosed ' in: ${line}`);
        word += line.slice(i + 1, close);
        i = close + 1;
      } else if (c === '"') {
        i++;
        while (line[i] !== '"') {
          if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
          if (line[i] === '$') word += expand();
          else word += line[i++];
        }
        i++;
      } else if (c === '$') {
        word += expand();
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}

/**
 * Parses abridged JSON: `…` between members or items becomes a marker (a member `MORE: true`,
 * an item `MORE`); `…` inside strings stays, for `matches` to read as "any text".
 *
 * @example parseShown('{"a":1,…}') // { a: 1, [MORE]: true }
 */
function parseShown(text: string): unknown {
  let json = '';
  const open: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (inString) {
      json += c;
      if (c === '\\') json += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      json += c;
    } else if (c === '{' || c === '[') {
      open.push(c);
      json += c;
    } else if (c === '}' || c === ']') {
      open.pop();
      json += c;
    } else if (c === ELIDED) {
      json += open.at(-1) === '{' ? `${JSON.stringify(MORE)}:true` : JSON.stringify(MORE);
    } else {
      json += c;
    }
  }
  return JSON.parse(json) as unknown;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `shown` with `…` as any text: the whole of `actual` must match. */
const textMatches = (actual: string, shown: string) =>
  shown.includes(ELIDED)
    ? new RegExp(`^${shown.split(ELIDED).map(escapeRegExp).join('[\\s\\S]*')}$`).test(actual)
    : actual === shown;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where `actual` differs from what the README shows (`shown`, from `parseShown`, its dates
 * already shifted): an empty list when it matches.
 *
 * @example differences({ a: 1, b: 2 }, { a: 1, [MORE]: true }) // []
 */
function differences(actual: unknown, shown: unknown, at = ''): string[] {
  if (typeof shown === 'string') {
    return typeof actual === 'string' && textMatches(actual, shown)
      ? []
      : [`${at || '/'}: ${JSON.stringify(actual)} is not ${JSON.stringify(shown)}`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return [`${at}: not an array`];
    const items = shown.filter((item) => item !== MORE);
    if (items.length === shown.length) {
      if (actual.length !== items.length)
        return [`${at}: ${actual.length} items, the README shows ${items.length}`];
      return items.flatMap((item, i) => differences(actual[i], item, `${at}/${i}`));
    }
    // Elided: the items shown appear in this order, others between them.
    let from = 0;
    for (const [n, item] of items.entries()) {
      const found = actual.findIndex((a, i) => i >= from && differences(a, item).length === 0);
      if (found < 0) return [`${at}: no item matches the README's item ${n}, in order`];
      from = found + 1;
    }
    return [];
  }
  if (isRecord(shown)) {
    if (!isRecord(actual)) return [`${at}: not an object`];
    const keys = Object.keys(shown).filter((key) => key !== MORE);
    const extra = MORE in shown ? [] : Object.keys(actual).filter((key) => !(key in shown));
    return [
      ...extra.map((key) => `${at}/${key}: not shown, and the object is not abridged with …`),
      ...keys.flatMap((key) =>
        key in actual
          ? differences(actual[key], shown[key], `${at}/${key}`)
          : [`${at}/${key}: missing`],
      ),
    ];
  }
  return Object.is(actual, shown)
    ? []
    : [`${at || '/'}: ${JSON.stringify(actual)} is not ${JSON.stringify(shown)}`];
}

/** Every date in the strings of `shown`, moved by `days`. */
function shiftDates(shown: unknown, days: number): unknown {
  if (typeof shown === 'string')
    return shown.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => addDays(date, days));
  if (Array.isArray(shown)) return shown.map((item) => shiftDates(item, days));
  if (isRecord(shown))
    return Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, shiftDates(v, days)]));
  return shown;
}

/** An answer's comment lines: `# <status> [Name: value]… [→ body]`, then body lines. */
function parseAnswer(comments: string[], curl: string): ShownAnswer {
  const [first, ...rest] = comments;
  const head = /^# (\d{3})(.*)$/.exec(first ?? '');
  if (!head?.[1]) throw new Error(`the curl has no answer shown ("# <status> …"): ${curl}`);
  const [headerText = '', ...bodyStart] = (head[2] ?? '').split(' → ');
  const headers = [...headerText.matchAll(/([A-Za-z-]+): (\S+)/g)].map((m): [string, string] => [
    m[1] ?? '',
    m[2] ?? '',
  ]);
  if (headerText.replace(/([A-Za-z-]+): (\S+)/g, '').trim())
    throw new Error(`cannot read the headers in: ${first}`);
  let body = bodyStart.join(' → ');
  for (const line of rest) {
    const starts = /^# → (.*)$/.exec(line);
    const continues = /^# {2,}(\S.*)$/.exec(line);
    if (starts && !body) body = starts[1] ?? '';
    else if (continues && body) body += continues[1];
    else throw new Error(`cannot read this answer line: ${line}`);
  }
  return { status: Number(head[1]), headers, ...(body ? { body: parseShown(body) } : {}) };
}

/** True when `text` ends inside a quoted string (of the shell; a comment quotes nothing). */
function inQuotes(text: string): boolean {
  let quote = '';
  for (const [i, c] of [...text].entries()) {
    if (quote && c === quote) quote = '';
    else if (!quote && (c === "'" || c === '"')) quote = c;
    else if (!quote && c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) break;
  }
  return quote !== '';
}

/** The steps of every `sh` block of the tour, in order. */
function tourSteps(tour: string): Step[] {
  const steps: Step[] = [];
  for (const block of tour.matchAll(/```sh\n([\s\S]*?)```/g)) {
    // Backslash-newline joins a command's lines, as the shell does, and so does a newline
    // inside quotes (a JSON body written over several lines).
    const lines = (block[1] ?? '').replace(/\\\n/g, ' ').split('\n');
    for (let i = 0; i < lines.length; i++) {
      let line = (lines[i] ?? '').trim();
      while (!line.startsWith('#') && inQuotes(line) && i + 1 < lines.length) {
        line += `\n${lines[++i] ?? ''}`;
      }
      if (!line || line.startsWith('#')) continue;
      const set = /^([A-Z_]+)=(.*)$/.exec(line);
      if (set?.[1]) {
        steps.push({ kind: 'set', name: set[1], value: set[2] ?? '', line });
        continue;
      }
      if (!line.startsWith('curl ')) throw new Error(`not a curl nor an assignment: ${line}`);
      const comments: string[] = [];
      while ((lines[i + 1] ?? '').startsWith('#')) comments.push(lines[++i] ?? '');
      steps.push({ kind: 'curl', line, answer: parseAnswer(comments, line) });
    }
  }
  return steps;
}

/** A curl's words as a request. */
function requestOf(words: string[]) {
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let data: string | undefined;
  let url: string | undefined;
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (/^-[si]+$/.test(word)) continue;
    if (!word.startsWith('-') && url === undefined) {
      url = word;
      continue;
    }
    if (!['-X', '-d', '-H'].includes(word)) throw new Error(`curl option not understood: ${word}`);
    const value = words[++i];
    if (value === undefined) throw new Error(`${word} without a value`);
    if (word === '-X') method = value;
    else if (word === '-d') data = value;
    else {
      const colon = value.indexOf(':');
      if (colon < 1) throw new Error(`not a header: ${value}`);
      headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
    }
  }
  const path = /^localhost:8787(\/\S*)$/.exec(url ?? '')?.[1];
  if (!path) throw new Error(`not a localhost:8787 URL: ${url}`);
  return { method: method ?? (data === undefined ? 'GET' : 'POST'), path, data, headers };
}

describe('the README tour', () => {
  const tour = tourOf(readme);
  const runDate = /from a run on (\d{4}-\d{2}-\d{2})/.exec(tour)?.[1];

  it('says the day its answers are from, and shows an answer for every curl', () => {
    expect(runDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const steps = tourSteps(tour);
    expect(steps.filter((s) => s.kind === 'curl').length).toBeGreaterThanOrEqual(8);
  });

  it('answers each curl as the README shows', async () => {
    const shop = await seedKey('shop', 'demo-shop');
    const clerk = await seedKey('clerk', undefined, 'Demo Clerk');
    const provided: Record<string, string> = { KEY: shop.key, CLERK: clerk.key };
    const vars: Record<string, string> = {};
    const lookup = (name: string) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`$${name} is used before the tour sets it`);
      return value;
    };
    const shift = dayNumber(TODAY) - dayNumber(runDate ?? TODAY);
    let last: Record<string, unknown> = {};
    for (const step of tourSteps(tour)) {
      if (step.kind === 'set') {
        const [value = ''] = shellWords(step.value, lookup);
        if (!value.includes(ELIDED)) vars[step.name] = value;
        else {
          const prefix = value.slice(0, value.indexOf(ELIDED));
          const taken = provided[step.name] ?? last.id;
          expect(taken, step.line).toBeTypeOf('string');
          expect(String(taken).startsWith(prefix), `${step.line}: ${String(taken)}`).toBe(true);
          vars[step.name] = String(taken);
        }
        continue;
      }
      const request = requestOf(shellWords(step.line, lookup));
      const body = request.data === undefined ? undefined : (JSON.parse(request.data) as unknown);
      const answer = await call(request.method, request.path, body, request.headers);
      const shown = step.answer;
      // The step and what came back (its start: a shipment's answer runs to kilobytes).
      const context = `${step.line}\n${answer.text.slice(0, 1500)}`;
      expect(answer.status, context).toBe(shown.status);
      for (const [name, value] of shown.headers) {
        expect(textMatches(answer.headers.get(name) ?? '', value), `${step.line}: ${name}`).toBe(
          true,
        );
      }
      if (shown.body !== undefined) {
        const problems = differences(answer.body, shiftDates(shown.body, shift));
        expect(problems, context).toEqual([]);
      }
      last = answer.body;
    }
  });
});

describe('the tour parser', () => {
  it('reads elisions between members, between items and inside strings', () => {
    const shown = parseShown('{"a":[…,{"k":"x…z"}],…}');
    expect(differences({ a: [1, { k: 'xyz' }, 2], b: 3 }, shown)).toEqual([]);
    expect(differences({ a: [{ k: 'xy' }], b: 3 }, shown)).not.toEqual([]);
  });

  it('holds an object or array shown without … to exactly what it shows', () => {
    expect(differences({ a: 1, b: 2 }, parseShown('{"a":1}'))).toEqual([
      '/b: not shown, and the object is not abridged with …',
    ]);
    expect(differences([1, 2], parseShown('[1]'))).not.toEqual([]);
    expect(differences({ a: 2 }, parseShown('{"a":1,…}'))).not.toEqual([]);
  });

  it('refuses what it does not know', () => {
    const lookup = (name: string) => name;
    expect(() => shellWords('curl $(whoami)', lookup)).toThrow(/unknown expansion/);
    expect(() => requestOf(['curl', '--data', '{}'])).toThrow(/not understood/);
    expect(shellWords(`X="a$(date -u -d '-2 days' +%F)"'b' # note`, lookup)).toEqual([
      `X=a${addDays(TODAY, -2)}b`,
    ]);
  });
});
