//! Session status, format and medium as other tools write them ("Completed", "Zoom", "1:1").

use crate::model::{Medium, SessionFormat, SessionStatus};

fn words(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `None` for a value that is not a status we know (the import names it as a problem:
/// attendance counts in reports depend on it).
pub fn status(text: &str) -> Option<SessionStatus> {
    let w = words(text);
    Some(match w.as_str() {
        "held" | "completed" | "complete" | "done" | "attended" | "happened" | "occurred"
        | "showed" | "show" | "checked in" | "finished" | "past" => SessionStatus::Held,
        "planned" | "scheduled" | "upcoming" | "booked" | "confirmed" | "pending" | "future" => {
            SessionStatus::Planned
        }
        "cancelled"
        | "canceled"
        | "late cancel"
        | "late cancellation"
        | "cancelled by client"
        | "canceled by client"
        | "cancelled by coach"
        | "canceled by coach" => SessionStatus::Cancelled,
        "no show" | "noshow" | "missed" | "absent" | "did not attend" | "dna" => {
            SessionStatus::NoShow
        }
        _ => SessionStatus::parse(text.trim(), "status").ok()?,
    })
}

/// `None` when the value says nothing we know (the import reads it as one-to-one and says so).
pub fn format(text: &str) -> Option<SessionFormat> {
    let w = words(text);
    let has = |word: &str| w.split(' ').any(|x| x == word);
    if has("team") || has("group") {
        Some(SessionFormat::Team)
    } else if w.contains("role play") || has("roleplay") || has("rehearsal") {
        Some(SessionFormat::RolePlay)
    } else if has("observation") || has("shadowing") || has("shadow") {
        Some(SessionFormat::Observation)
    } else if has("debrief") {
        Some(SessionFormat::Debrief)
    } else if w.starts_with("1 1")
        || w.contains("one to one")
        || w.contains("one on one")
        || has("individual")
        || has("coaching")
    {
        Some(SessionFormat::OneToOne)
    } else {
        SessionFormat::parse(text.trim(), "format").ok()
    }
}

/// `None` when the value names no medium we know (the import reads it as video and says so).
pub fn medium(text: &str) -> Option<Medium> {
    let w = words(text);
    let has = |word: &str| w.split(' ').any(|x| x == word);
    if w.contains("in person")
        || w.contains("face to face")
        || has("f2f")
        || has("office")
        || has("onsite")
        || w.contains("on site")
    {
        Some(Medium::InPerson)
    } else if has("phone") || has("call") || has("telephone") {
        Some(Medium::Phone)
    } else if has("video")
        || has("zoom")
        || has("teams")
        || has("meet")
        || has("online")
        || has("virtual")
        || has("webex")
        || has("skype")
        || has("remote")
    {
        Some(Medium::Video)
    } else {
        Medium::parse(text.trim(), "medium").ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_spellings() {
        assert_eq!(status("Completed"), Some(SessionStatus::Held));
        assert_eq!(status("No-show"), Some(SessionStatus::NoShow));
        assert_eq!(status("Canceled"), Some(SessionStatus::Cancelled));
        assert_eq!(status("no_show"), Some(SessionStatus::NoShow));
        assert_eq!(status("maybe"), None);
        assert_eq!(format("Group coaching"), Some(SessionFormat::Team));
        assert_eq!(format("1:1"), Some(SessionFormat::OneToOne));
        assert_eq!(
            format("Executive Coaching 60"),
            Some(SessionFormat::OneToOne)
        );
        assert_eq!(format("Intake"), None);
        assert_eq!(medium("Zoom"), Some(Medium::Video));
        assert_eq!(medium("Phone call"), Some(Medium::Phone));
        assert_eq!(medium("In-person"), Some(Medium::InPerson));
    }
}
