//! A fixed set of 100 search queries for benchmarks, derived from the demo's own phrase
//! banks and names so that they find things in any demo practice: common single words,
//! rare words (surnames, which only client names hold), first names, exact phrases,
//! prefixes typed one letter at a time, and boolean combinations.

use super::{names, phrases};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchQuery {
    pub category: &'static str,
    pub text: String,
    /// Search as you type (the last word is a prefix).
    pub prefix_last: bool,
}

/// Lowercase words of a bank entry, placeholders (`{name}` …) left out.
fn words(template: &str) -> Vec<String> {
    let mut text = String::new();
    let mut depth = 0;
    for c in template.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn push_unique(out: &mut Vec<String>, w: String) {
    if !out.contains(&w) {
        out.push(w);
    }
}

pub fn benchmark_queries() -> Vec<BenchQuery> {
    let q = |category, text: String, prefix_last| BenchQuery {
        category,
        text,
        prefix_last,
    };
    let mut out = Vec::new();

    // 25 common words: the longest word of each entry of the session banks.
    let banks: [&[&str]; 7] = [
        phrases::TAKEAWAYS,
        phrases::NEXT_STEPS,
        phrases::OBSERVATIONS,
        phrases::PRACTICE,
        phrases::OPENINGS,
        phrases::AGENDA,
        phrases::LESSONS,
    ];
    let mut common = Vec::new();
    for bank in banks {
        for entry in bank {
            if let Some(w) = words(entry)
                .into_iter()
                .filter(|w| w.chars().count() >= 5)
                .max_by_key(|w| w.chars().count())
            {
                push_unique(&mut common, w);
            }
        }
    }
    common.truncate(25);
    out.extend(common.iter().map(|w| q("word (common)", w.clone(), false)));

    // 15 rare words: surnames appear only in client names.
    out.extend(
        names::LAST_NAMES
            .iter()
            .step_by(4)
            .take(15)
            .map(|n| q("word (rare)", n.to_string(), false)),
    );

    // 10 first names (in names and throughout that client's notes).
    out.extend(
        names::FIRST_NAMES
            .iter()
            .step_by(7)
            .take(10)
            .map(|n| q("first name", n.to_string(), false)),
    );

    // 20 exact phrases: the first three words of takeaways and lessons, topics.
    let mut phrase_texts = Vec::new();
    for entry in phrases::TAKEAWAYS.iter().chain(phrases::LESSONS) {
        let w = words(entry);
        if w.len() >= 3 {
            push_unique(&mut phrase_texts, w[..3].join(" "));
        }
    }
    for topic in names::SECTOR_TOPICS {
        push_unique(&mut phrase_texts, words(topic).join(" "));
    }
    out.extend(
        phrase_texts
            .into_iter()
            .take(20)
            .map(|p| q("phrase", format!("\"{p}\""), false)),
    );

    // 20 prefixes as typed: 2, 3, 4 and 5 letters of five common words.
    for len in 2..=5 {
        for w in common.iter().step_by(5).take(5) {
            let prefix: String = w.chars().take(len).collect();
            out.push(q("prefix (typing)", prefix, true));
        }
    }

    // 10 boolean combinations of common words.
    for (i, pair) in common.chunks(2).take(10).enumerate() {
        let (a, b) = (&pair[0], pair.get(1).unwrap_or(&pair[0]));
        let text = match i % 3 {
            0 => format!("{a} {b}"),
            1 => format!("{a} OR {b}"),
            _ => format!("{a} -{b}"),
        };
        out.push(q("boolean", text, false));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_hundred_fixed_queries() {
        let qs = super::benchmark_queries();
        assert_eq!(qs.len(), 100);
        assert_eq!(qs, super::benchmark_queries());
        assert!(qs.iter().any(|q| q.text == "\"the board meeting\""));
    }
}
