import { describe, expect, it } from 'vitest';
import { findMatch, firstMatch, splitSnippet, withoutEmphasis } from './snippet';

describe('splitSnippet', () => {
  it('splits on the markers, matches flagged', () => {
    expect(splitSnippet('…we «rehearsed» saying no to a «senior» one')).toEqual([
      { text: '…we ', match: false },
      { text: 'rehearsed', match: true },
      { text: ' saying no to a ', match: false },
      { text: 'senior', match: true },
      { text: ' one', match: false },
    ]);
  });

  it('a match at either end and a plain snippet', () => {
    expect(splitSnippet('«Board» meeting «reorg»')).toEqual([
      { text: 'Board', match: true },
      { text: ' meeting ', match: false },
      { text: 'reorg', match: true },
    ]);
    expect(splitSnippet('no marks at all')).toEqual([{ text: 'no marks at all', match: false }]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('keeps markup as text: the parts are rendered as text nodes', () => {
    expect(splitSnippet('<b>x</b> «<img src=x onerror=alert(1)>»')).toEqual([
      { text: '<b>x</b> ', match: false },
      { text: '<img src=x onerror=alert(1)>', match: true },
    ]);
  });

  it('the stand-ins for literal guillemets stay text; unbalanced markers do not throw', () => {
    expect(splitSnippet('she said ‹no› to «Zoë»')).toEqual([
      { text: 'she said ‹no› to ', match: false },
      { text: 'Zoë', match: true },
    ]);
    expect(splitSnippet('a » b «c')).toEqual([
      { text: 'a  b ', match: false },
      { text: 'c', match: true },
    ]);
    expect(splitSnippet('««x»»')).toEqual([{ text: '«x', match: true }]);
  });
});

describe('withoutEmphasis', () => {
  it('drops bold markers, keeps the rest', () => {
    expect(withoutEmphasis('afterwards. **«Practice».** We __did__ 2*3 a_b')).toBe('afterwards. «Practice». We did 2*3 a_b');
  });
});

describe('firstMatch and findMatch', () => {
  it('the first marked text', () => {
    expect(firstMatch('a «board meeting» and «reorg»')).toBe('board meeting');
    expect(firstMatch('nothing marked')).toBeNull();
  });

  it('finds the term in the field, ignoring case and line breaks', () => {
    const notes = 'Opening.\nWe Rehearsed the\nboard   meeting twice.';
    expect(findMatch(notes, 'rehearsed')).toEqual([12, 21]);
    const [s, e] = findMatch(notes, 'board meeting')!;
    expect(notes.slice(s, e)).toBe('board   meeting');
    expect(findMatch(notes, 'missing')).toBeNull();
    expect(findMatch(notes, '  ')).toBeNull();
  });

  it('treats the term as text, not a pattern; ‹ › find the real guillemets', () => {
    expect(findMatch('cost (a.k.a. [price]) +5', '(a.k.a.')).toEqual([5, 12]);
    expect(findMatch('she said «no» firmly', '‹no›')).toEqual([9, 13]);
  });

  it('prefers a whole word', () => {
    expect(findMatch('keyboard, then the Board', 'board')).toEqual([19, 24]);
    expect(findMatch('keyboard only', 'board')).toEqual([3, 8]);
  });
});
