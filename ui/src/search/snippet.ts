// Snippets from the core mark each match between « and » (a literal « or » in the text arrives
// as ‹ or ›, so the markers are unambiguous). The UI splits on them and renders the matches as
// <mark> text nodes — never as HTML.

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** "a «board» meeting" → [a ], [board]*, [ meeting]. An unclosed « marks the rest; a stray » is
 * dropped. Empty parts are left out. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let text = '';
  let match = false;
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === '«' && !match) {
      flush();
      match = true;
    } else if (ch === '»') {
      if (match) {
        flush();
        match = false;
      }
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/** Markdown emphasis markers (`**bold**`, `__bold__`) left out: a snippet reads as text. The
 * notes keep them; single `*` and `_` stay (they are as often arithmetic or names). */
export function withoutEmphasis(snippet: string): string {
  return snippet.replace(/\*\*|__/g, '');
}

/** The first marked text of a snippet: what the editor selects when the hit is opened. */
export function firstMatch(snippet: string): string | null {
  return splitSnippet(snippet).find((p) => p.match)?.text.trim() || null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `term` (a snippet's marked text) is in the field's full text: [start, end), or null.
 * Case-insensitive, whole words preferred; any run of white space matches any other (snippets are on one line); ‹ and
 * › match the « and » they stand for.
 */
export function findMatch(value: string, term: string): [number, number] | null {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = words
    .map((w) => escapeRegExp(w).replace(/‹/g, '[‹«]').replace(/›/g, '[›»]'))
    .join('\\s+');
  // A whole word first ("board" in "keyboard, board" is the second one), else anywhere.
  const m =
    new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').exec(value) ??
    new RegExp(pattern, 'iu').exec(value);
  return m ? [m.index, m.index + m[0].length] : null;
}
