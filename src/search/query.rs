//! Turns what a coach types into a safe FTS5 query. Nothing the user types reaches FTS5 as
//! syntax: every word and phrase is quoted (a `"` inside is doubled), and the only syntax
//! in the output is what this module writes itself.
//!
//! Understood:
//! - words: all must match (`board reorg`);
//! - `"exact phrase"` (an unclosed quote runs to the end);
//! - `OR` between words or phrases (`reorg OR restructuring`), binding tighter than the
//!   implicit AND, as in web search: `board reorg OR merger` = board AND (reorg OR merger);
//! - `AND` (the default anyway), `NOT word` and `-word` / `-"a phrase"` to exclude;
//! - `word*` for a prefix, and with `prefix_last` (search as you type) the last word is a
//!   prefix unless the text ends in a space.
//!
//! Everything else is text: parentheses, `NEAR`, `:`, `^`, `+`, stray stars; control
//! characters (NUL would end the query for FTS5) separate words. Words with no
//! letter or digit are dropped (they would be empty phrases, which match nothing). A
//! prefix needs at least [`MIN_PREFIX_CHARS`] letters — a one-letter prefix would make
//! FTS5 merge every term that starts with it; while typing, such a last word is simply
//! left out until a second letter arrives. At most [`MAX_TERMS`] words and phrases are
//! used and a phrase is cut at [`MAX_PHRASE_CHARS`], so 10 KB of pasted text is an
//! ordinary (and fast) query.

pub const MIN_PREFIX_CHARS: usize = 2;
pub const MAX_TERMS: usize = 24;
pub const MAX_PHRASE_CHARS: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Atom {
    text: String,
    prefix: bool,
}

impl Atom {
    fn render(&self) -> String {
        let mut s = String::with_capacity(self.text.len() + 4);
        s.push('"');
        s.push_str(&self.text.replace('"', "\"\""));
        s.push('"');
        if self.prefix {
            s.push_str(" *");
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Lexeme {
    Word(String),
    /// A quoted phrase; `negated` when written `-"…"`, not `closed` when the text ended
    /// inside it (still being typed).
    Phrase {
        text: String,
        negated: bool,
        closed: bool,
    },
    And,
    Or,
    Not,
}

fn lex(text: &str) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Lexeme>| {
        if !word.is_empty() {
            out.push(match word.as_str() {
                "AND" => Lexeme::And,
                "OR" => Lexeme::Or,
                "NOT" => Lexeme::Not,
                _ => Lexeme::Word(std::mem::take(word)),
            });
            word.clear();
        }
    };
    while let Some(c) = chars.next() {
        if c == '"' {
            let negated = word == "-";
            if negated {
                word.clear();
            }
            flush(&mut word, &mut out);
            let mut phrase = String::new();
            let mut closed = false;
            for p in chars.by_ref() {
                if p == '"' {
                    closed = true;
                    break;
                }
                phrase.push(if p.is_control() { ' ' } else { p });
            }
            out.push(Lexeme::Phrase {
                text: phrase,
                negated,
                closed,
            });
        } else if c.is_whitespace() || c.is_control() || c == '(' || c == ')' {
            // Control characters separate words: FTS5 would read a NUL as the end of the query.
            flush(&mut word, &mut out);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn has_token_char(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Letters and digits at the end of `text`: the part a trailing `*` applies to.
fn last_token_chars(text: &str) -> usize {
    text.chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .count()
}

fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// One word or phrase, with whether it excludes, and whether it may become the typed prefix.
struct Term {
    atom: Atom,
    negated: bool,
    bare_word: bool,
}

/// A compiled query: the FTS5 expression (to go inside `{body} : (…)`) and, for each of its
/// phrases in order, whether it is a prefix (the ranking function counts documents only
/// for plain words; see `rank`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtsQuery {
    pub expr: String,
    pub prefixes: Vec<bool>,
}

/// The FTS5 expression for `text`, or `None` when nothing searchable is left (empty text,
/// only punctuation, only exclusions).
pub fn to_fts(text: &str, prefix_last: bool) -> Option<String> {
    compile(text, prefix_last).map(|q| q.expr)
}

/// [`to_fts`] with the phrases' prefix flags.
pub fn compile(text: &str, prefix_last: bool) -> Option<FtsQuery> {
    let typing_last = prefix_last && !text.ends_with(|c: char| c.is_whitespace() || c == '"');
    let lexemes = lex(text);

    // Terms with the operator that joins each to the one before: true = OR.
    let mut terms: Vec<(Term, bool)> = Vec::new();
    let mut pending_or = false;
    let mut pending_not = false;
    let n_lex = lexemes.len();
    for (i, lexeme) in lexemes.into_iter().enumerate() {
        let is_last = i + 1 == n_lex;
        let (mut term, explicit_negation) = match lexeme {
            Lexeme::And => {
                pending_or = false;
                continue;
            }
            Lexeme::Or => {
                pending_or = true;
                continue;
            }
            Lexeme::Not => {
                pending_not = true;
                continue;
            }
            Lexeme::Phrase {
                text,
                negated,
                closed,
            } => (
                Term {
                    atom: Atom {
                        text: cut(&text, MAX_PHRASE_CHARS),
                        prefix: false,
                    },
                    negated,
                    // A phrase still being typed ends in a word still being typed.
                    bare_word: !closed,
                },
                negated,
            ),
            Lexeme::Word(w) => {
                let (negated, w) = match w.strip_prefix('-') {
                    Some(rest) if !rest.is_empty() => (true, rest.to_string()),
                    _ => (false, w),
                };
                let w = w.trim_start_matches('+');
                let starred = w.ends_with('*');
                let core = w.trim_end_matches('*');
                (
                    Term {
                        atom: Atom {
                            text: cut(core, MAX_PHRASE_CHARS),
                            prefix: starred,
                        },
                        negated,
                        bare_word: !starred,
                    },
                    negated,
                )
            }
        };
        term.negated = explicit_negation || pending_not;
        pending_not = false;
        if typing_last && is_last && term.bare_word {
            term.atom.prefix = true;
        }
        if !has_token_char(&term.atom.text) {
            continue;
        }
        if term.atom.prefix && last_token_chars(&term.atom.text) < MIN_PREFIX_CHARS {
            // A phrase keeps its complete words; a lone short word waits for more letters.
            if term
                .atom
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty())
                .count()
                > 1
            {
                term.atom.prefix = false;
            } else {
                continue;
            }
        }
        let or = std::mem::take(&mut pending_or) && !term.negated;
        terms.push((term, or));
        if terms.len() == MAX_TERMS {
            break;
        }
    }

    // Positive terms in OR-groups (AND between groups); negatives each excluded.
    let mut groups: Vec<Vec<&Atom>> = Vec::new();
    let mut negatives: Vec<&Atom> = Vec::new();
    for (term, or) in &terms {
        if term.negated {
            negatives.push(&term.atom);
        } else if *or && !groups.is_empty() {
            if let Some(g) = groups.last_mut() {
                g.push(&term.atom);
            }
        } else {
            groups.push(vec![&term.atom]);
        }
    }
    if groups.is_empty() {
        return None;
    }
    // Phrases in the order the expression names them (FTS5 numbers them so).
    let prefixes = groups
        .iter()
        .flatten()
        .chain(negatives.iter())
        .map(|a| a.prefix)
        .collect();
    let positive = groups
        .iter()
        .map(|g| {
            if g.len() == 1 {
                g[0].render()
            } else {
                format!(
                    "({})",
                    g.iter()
                        .map(|a| a.render())
                        .collect::<Vec<_>>()
                        .join(" OR ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ");
    let mut expr = if negatives.is_empty() {
        positive
    } else {
        format!("({positive})")
    };
    for n in negatives {
        expr.push_str(" NOT ");
        expr.push_str(&n.render());
    }
    Some(FtsQuery { expr, prefixes })
}

#[cfg(test)]
mod tests {
    use super::to_fts;

    fn q(text: &str) -> Option<String> {
        to_fts(text, false)
    }

    #[test]
    fn words_are_quoted_and_anded() {
        assert_eq!(q("board reorg").unwrap(), r#""board" AND "reorg""#);
    }

    #[test]
    fn phrases_or_not_and_minus() {
        assert_eq!(
            q(r#""board meeting" reorg OR merger -budget NOT "cost cut""#).unwrap(),
            r#"("board meeting" AND ("reorg" OR "merger")) NOT "budget" NOT "cost cut""#
        );
        assert_eq!(q(r#"-"a b" c"#).unwrap(), r#"("c") NOT "a b""#);
    }

    #[test]
    fn stars_and_typing() {
        assert_eq!(q("dele*").unwrap(), r#""dele" *"#);
        assert_eq!(to_fts("board me", true).unwrap(), r#""board" AND "me" *"#);
        assert_eq!(to_fts("board me ", true).unwrap(), r#""board" AND "me""#);
        // One letter is not yet a prefix.
        assert_eq!(to_fts("board m", true).unwrap(), r#""board""#);
        assert_eq!(to_fts("m", true), None);
        assert_eq!(q("a*"), None);
        assert_eq!(to_fts(r#""board mee"#, true).unwrap(), r#""board mee" *"#);
        assert_eq!(to_fts(r#""board mee""#, true).unwrap(), r#""board mee""#);
    }

    #[test]
    fn syntax_is_only_text() {
        assert_eq!(q("NEAR(a b)").unwrap(), r#""NEAR" AND "a" AND "b""#);
        assert_eq!(q(r#"ab"c"#).unwrap(), r#""ab" AND "c""#);
        assert_eq!(q("body:x").unwrap(), r#""body:x""#);
        assert_eq!(q("^start").unwrap(), r#""^start""#);
        assert_eq!(q(r#"x""y"#).unwrap(), r#""x" AND "y""#);
        assert_eq!(q("a\0b \"c\0d\"").unwrap(), r#""a" AND "b" AND "c d""#);
    }

    #[test]
    fn nothing_searchable_gives_none() {
        for text in [
            "",
            "   ",
            "\"\"",
            "()",
            "* ** ***",
            "AND OR NOT",
            "-x",
            "NOT x",
            "—",
        ] {
            assert_eq!(q(text), None, "{text:?}");
        }
    }

    #[test]
    fn dangling_operators_are_ignored() {
        assert_eq!(q("OR a AND").unwrap(), r#""a""#);
        assert_eq!(q("a OR").unwrap(), r#""a""#);
        assert_eq!(q("a NOT").unwrap(), r#""a""#);
    }

    #[test]
    fn prefix_flags_follow_the_phrase_order() {
        let q = super::compile("ab* \"b c\" OR d -ef* f", false).unwrap();
        assert_eq!(q.expr, r#"("ab" * AND ("b c" OR "d") AND "f") NOT "ef" *"#);
        assert_eq!(q.prefixes, [true, false, false, false, true]);
    }

    #[test]
    fn long_text_is_capped() {
        let text = "word ".repeat(2000);
        let expr = q(&text).unwrap();
        assert_eq!(expr.matches("\"word\"").count(), super::MAX_TERMS);
    }
}
