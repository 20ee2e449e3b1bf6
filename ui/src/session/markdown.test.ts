import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown';

const text = (v: string) => ({ t: 'text', v });

describe('blocks', () => {
  it('headings, paragraphs with typed line breaks, rules', () => {
    expect(parseMarkdown('# Check-in\nFelt stuck\nwith the team\n\n---\n## Next')).toEqual([
      { t: 'heading', level: 1, c: [text('Check-in')] },
      { t: 'para', c: [text('Felt stuck'), { t: 'br' }, text('with the team')] },
      { t: 'hr' },
      { t: 'heading', level: 2, c: [text('Next')] },
    ]);
  });

  it('a #hashtag is not a heading', () => {
    expect(parseMarkdown('#delegation')).toEqual([{ t: 'para', c: [text('#delegation')] }]);
  });

  it('bullet, numbered, nested and task lists', () => {
    const blocks = parseMarkdown('- one\n  - one a\n- [x] done\n- [ ] open\n\n3. third\n4. fourth');
    expect(blocks).toEqual([
      {
        t: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            checked: null,
            blocks: [
              { t: 'para', c: [text('one')] },
              {
                t: 'list',
                ordered: false,
                start: 1,
                items: [{ checked: null, blocks: [{ t: 'para', c: [text('one a')] }] }],
              },
            ],
          },
          { checked: true, blocks: [{ t: 'para', c: [text('done')] }] },
          { checked: false, blocks: [{ t: 'para', c: [text('open')] }] },
        ],
      },
      {
        t: 'list',
        ordered: true,
        start: 3,
        items: [
          { checked: null, blocks: [{ t: 'para', c: [text('third')] }] },
          { checked: null, blocks: [{ t: 'para', c: [text('fourth')] }] },
        ],
      },
    ]);
  });

  it('quotes and fenced code keep their text', () => {
    expect(parseMarkdown('> I am not ready\n> yet\n\n```\n**not bold**\n```')).toEqual([
      { t: 'quote', blocks: [{ t: 'para', c: [text('I am not ready'), { t: 'br' }, text('yet')] }] },
      { t: 'code', v: '**not bold**' },
    ]);
  });

  it('never loops or throws on odd input', () => {
    for (const s of ['', '\n\n', '```', '- ', '>', '#', '1.', '* * *', '- [ ]', '  \t', '*', '**', '_', '[a](']) {
      expect(() => parseMarkdown(s)).not.toThrow();
    }
  });
});

describe('inline', () => {
  it('strong, em, code, strike, links', () => {
    expect(parseInline('**Bold** and *soft*, `x*y`, ~~no~~, [doc](https://e.x/a)')).toEqual([
      { t: 'strong', c: [text('Bold')] },
      text(' and '),
      { t: 'em', c: [text('soft')] },
      text(', '),
      { t: 'code', v: 'x*y' },
      text(', '),
      { t: 'del', c: [text('no')] },
      text(', '),
      { t: 'link', c: [text('doc')], href: 'https://e.x/a' },
    ]);
  });

  it('leaves snake_case, lone stars and escapes alone', () => {
    expect(parseInline('file_name_here')).toEqual([text('file_name_here')]);
    expect(parseInline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(parseInline('\\*not em\\*')).toEqual([text('*not em*')]);
    expect(parseInline('**unclosed')).toEqual([text('**unclosed')]);
  });

  it('HTML stays text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { t: 'para', c: [text('<img src=x onerror=alert(1)>')] },
    ]);
  });
});
