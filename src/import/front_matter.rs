//! The YAML front matter of a note, read for the few top-level scalars an import needs
//! (`client`, `date`, `duration`, …). Not a YAML parser: nested maps, anchors and block
//! scalars are left alone. It is lenient where people are — `client: [[Ana Souza]]` (a
//! nested list to a strict parser) is the wiki link it was meant to be. Every YAML crate was
//! heavier than this whole file, or unmaintained (serde_yaml is archived).

/// `key → value` of the top level, keys lower-cased with `-` and spaces as `_`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    fields: Vec<(String, String)>,
}

impl FrontMatter {
    /// The first of `keys` that is present and not empty, with the key as written.
    pub fn get<'a>(&'a self, keys: &[&'static str]) -> Option<(&'static str, &'a str)> {
        keys.iter().find_map(|k| {
            self.fields
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| (*k, v.as_str()))
        })
    }
}

fn key_of(text: &str) -> String {
    text.trim().to_lowercase().replace(['-', ' '], "_")
}

/// A scalar as written: quotes removed (`"…"` with JSON escapes, `'…'` with `''`).
fn scalar(text: &str) -> String {
    let t = text.trim();
    if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') {
        return serde_json::from_str::<String>(t).unwrap_or_else(|_| t[1..t.len() - 1].to_string());
    }
    if t.len() >= 2 && t.starts_with('\'') && t.ends_with('\'') {
        return t[1..t.len() - 1].replace("''", "'");
    }
    // A trailing comment: `date: 2026-03-14  # the first one`.
    match t.find(" #") {
        Some(i) if !t.starts_with('[') => t[..i].trim_end().to_string(),
        _ => t.to_string(),
    }
}

/// The front matter and the body after it. A note without one (or with an unclosed one) is
/// all body.
pub fn split(text: &str) -> (FrontMatter, &str) {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = t
        .strip_prefix("---\n")
        .or_else(|| t.strip_prefix("---\r\n"))
    else {
        return (FrontMatter::default(), t);
    };
    let mut offset = 0;
    let mut end = None;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = end else {
        return (FrontMatter::default(), t);
    };
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut open_list: Option<usize> = None;
    for line in rest[..yaml_end].lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t', '-']) {
            // `  - item` under a key with no value: the first item is the value.
            let item = line.trim_start().strip_prefix('-').map(str::trim);
            if let (Some(i), Some(item)) = (open_list, item)
                && fields[i].1.is_empty()
            {
                fields[i].1 = scalar(item);
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            open_list = None;
            continue;
        };
        fields.push((key_of(key), scalar(value)));
        open_list = value.trim().is_empty().then(|| fields.len() - 1);
    }
    (FrontMatter { fields }, &rest[body_start..])
}

/// A wiki link's target as a plain name: `[[People/Ana Souza|Ana]]` → `Ana Souza`.
pub fn unlink(value: &str) -> String {
    let v = value.trim();
    let v = v.trim_start_matches('[').trim_end_matches(']');
    let v = v.split('|').next().unwrap_or(v);
    let v = v.split('#').next().unwrap_or(v);
    let v = v.rsplit('/').next().unwrap_or(v);
    v.trim().trim_matches('"').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_scalars_and_keeps_the_body_as_written() {
        let text = "---\nclient: \"[[Ana Souza]]\"\nDate: 2026-03-14  # first\ntags: [coaching, q1]\n\
                    aliases:\n  - Ana\nsession-length: '1 h'\n---\n\n# Notes\n\nShe said ''ok''.\n";
        let (fm, body) = split(text);
        assert_eq!(fm.get(&["client"]), Some(("client", "[[Ana Souza]]")));
        assert_eq!(fm.get(&["date"]), Some(("date", "2026-03-14")));
        assert_eq!(fm.get(&["session_length"]), Some(("session_length", "1 h")));
        assert_eq!(fm.get(&["aliases"]), Some(("aliases", "Ana")));
        assert_eq!(fm.get(&["nope", "tags"]), Some(("tags", "[coaching, q1]")));
        assert_eq!(body, "\n# Notes\n\nShe said ''ok''.\n");
        assert_eq!(unlink("[[People/Ana Souza|Ana]]"), "Ana Souza");
        assert_eq!(unlink("Ana Souza"), "Ana Souza");
    }

    #[test]
    fn no_or_unclosed_front_matter_is_all_body() {
        assert_eq!(split("# Title\n").1, "# Title\n");
        let unclosed = "---\nclient: Ana\n# Title\n";
        assert_eq!(split(unclosed), (FrontMatter::default(), unclosed));
        let (fm, body) = split("---\r\nclient: Ana\r\n---\r\nText\r\n");
        assert_eq!(fm.get(&["client"]), Some(("client", "Ana")));
        assert_eq!(body, "Text\r\n");
    }
}
