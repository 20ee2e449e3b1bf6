//! Small text helpers for the demo generator.

pub struct Ctx {
    pub name: String,
    pub org: String,
}

impl Ctx {
    pub fn fill(&self, template: &str, comp: &str, report: &str, topic: &str) -> String {
        template
            .replace("{name}", &self.name)
            .replace("{org}", &self.org)
            .replace("{comp}", comp)
            .replace("{report}", report)
            .replace("{topic}", topic)
    }
}

/// Lowercase ASCII letters only, for made-up email addresses.
pub fn slug(text: &str) -> String {
    let s: String = text
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if s.is_empty() { "x".to_string() } else { s }
}

pub fn offset_seconds(text: &str) -> i32 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits: Vec<i32> = text[1..]
        .split(':')
        .filter_map(|p| p.parse().ok())
        .collect();
    match digits.as_slice() {
        [h, m] => sign * (h * 3600 + m * 60),
        _ => 0,
    }
}

pub fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("- {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(n, i)| format!("{}. {i}", n + 1))
        .collect::<Vec<_>>()
        .join("\n")
}
