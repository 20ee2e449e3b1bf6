// A small markdown reader for the notes preview. It returns a tree that Markdown.svelte renders
// as ordinary elements — never an HTML string — so there is nothing to sanitize: whatever a note
// holds (`<script>`, `<img onerror>`, raw HTML) is shown as the text it is.
//
// Why not marked + DOMPurify: ~60 KB to preview a coach's own notes, a sanitizer to keep up to
// date, and links that would navigate the app's only window away. The subset here is what notes
// taken at typing speed use: headings, paragraphs (a single newline is a line break, as typed),
// bullet / numbered / task lists with nesting, quotes, code, rules, **bold**, *italic*,
// `code`, ~~strike~~ and [links](shown as text, with the address as a tooltip).

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'br' }
  | { t: 'code'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'del'; c: Inline[] }
  | { t: 'link'; c: Inline[]; href: string };

export interface ListItem {
  /** null: not a task; true/false: `[x]` / `[ ]`. */
  checked: boolean | null;
  blocks: Block[];
}

export type Block =
  | { t: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; c: Inline[] }
  | { t: 'para'; c: Inline[] }
  | { t: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { t: 'quote'; blocks: Block[] }
  | { t: 'code'; v: string }
  | { t: 'hr' };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const TASK = /^\[([ xX])\][ \t]+(.*)$/;

/** Parses a whole note. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n'));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++; // the closing fence (or the end)
      blocks.push({ t: 'code', v: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ t: 'heading', level, c: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ t: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const q = QUOTE.exec(lines[i]);
        body.push(q ? q[1] : lines[i]);
        i++;
      }
      blocks.push({ t: 'quote', blocks: parseBlocks(body) });
      continue;
    }
    if (ITEM.test(line)) {
      const [list, next] = parseList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) para.push(lines[i++]);
    if (para.length === 0) para.push(lines[i++]); // cannot happen; guards against a loop
    blocks.push({ t: 'para', c: parseInline(para.map((l) => l.trim()).join('\n')) });
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

/** A list starting at `lines[start]`; items are the lines at its indentation, deeper lines nest. */
function parseList(lines: string[], start: number): [Block, number] {
  const first = ITEM.exec(lines[start])!;
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const items: ListItem[] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    // The item's own text, then every following line that is indented deeper or continues it.
    const body: string[] = [m[3]];
    const contentIndent = m[1].length + m[2].length + 1;
    i++;
    while (i < lines.length) {
      const l = lines[i];
      if (l.trim() === '') {
        // A blank line ends the item unless deeper content follows.
        const nextLine = lines[i + 1];
        if (nextLine !== undefined && leading(nextLine) > indent && nextLine.trim() !== '') {
          body.push('');
          i++;
          continue;
        }
        break;
      }
      if (leading(l) > indent) {
        body.push(l.slice(Math.min(leading(l), contentIndent)));
        i++;
        continue;
      }
      if (startsBlock(l)) break;
      body.push(l.trim()); // a lazy continuation line
      i++;
    }
    let checked: boolean | null = null;
    const task = TASK.exec(body[0]);
    if (task) {
      checked = task[1] !== ' ';
      body[0] = task[2];
    }
    items.push({ checked, blocks: parseBlocks(body) });
    // Blank lines between items of the same list keep the list going.
    let j = i;
    while (j < lines.length && lines[j].trim() === '') j++;
    const again = j < lines.length ? ITEM.exec(lines[j]) : null;
    if (j > i && again && again[1].length === indent && /\d/.test(again[2]) === ordered) i = j;
  }
  const startNumber = ordered ? parseInt(first[2], 10) : 1;
  return [{ t: 'list', ordered, start: startNumber, items }, i];
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

const PUNCT_OR_SPACE = /[\s\p{P}\p{S}]/u;

/** Inline spans of one paragraph or heading. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ t: 'text', v: buf });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!~>]/.test(text[i + 1])) {
      buf += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ t: 'br' });
      i++;
      continue;
    }
    if (ch === '`') {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        flush();
        out.push({ t: 'code', v: text.slice(i + ticks.length, end).trim() });
        i = end + ticks.length;
        continue;
      }
      buf += ticks;
      i += ticks.length;
      continue;
    }
    if (ch === '[') {
      const m = /^\[([^\]\n]+)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (m) {
        flush();
        out.push({ t: 'link', c: parseInline(m[1]), href: m[2] });
        i += m[0].length;
        continue;
      }
    }
    const span = delimited(text, i);
    if (span) {
      flush();
      out.push(span.node);
      i = span.end;
      continue;
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

/** `**x**`, `__x__`, `*x*`, `_x_`, `~~x~~` starting at `i`, if it closes on the same line. */
function delimited(text: string, i: number): { node: Inline; end: number } | null {
  for (const [delim, kind] of [
    ['**', 'strong'],
    ['__', 'strong'],
    ['~~', 'del'],
    ['*', 'em'],
    ['_', 'em'],
  ] as const) {
    if (!text.startsWith(delim, i)) continue;
    const after = text[i + delim.length];
    if (after === undefined || /\s/.test(after)) continue; // "a * b" is not emphasis
    // Underscores inside words (snake_case, file_names) stay underscores.
    if (delim[0] === '_' && i > 0 && !PUNCT_OR_SPACE.test(text[i - 1])) continue;
    let from = i + delim.length + 1;
    while (from <= text.length) {
      const end = text.indexOf(delim, from);
      if (end < 0 || text.lastIndexOf('\n', end) >= i) break;
      const before = text[end - 1];
      const next = text[end + delim.length];
      const closes =
        !/\s/.test(before) &&
        // "*a**" must not close an em on the first "*" of a "**".
        !(delim.length === 1 && next === delim) &&
        !(delim[0] === '_' && next !== undefined && !PUNCT_OR_SPACE.test(next));
      if (closes) {
        const inner = parseInline(text.slice(i + delim.length, end));
        return { node: { t: kind, c: inner }, end: end + delim.length };
      }
      from = end + 1;
    }
  }
  return null;
}
