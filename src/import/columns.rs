//! What a CSV column holds, and the guess from its header: English spreadsheet headings and
//! the usual coaching-platform export names ("Client First Name", "Session Date", …).

use serde::{Deserialize, Serialize};

/// A column's meaning. `Ignore` leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CsvField {
    Ignore,
    ClientName,
    FirstName,
    LastName,
    Email,
    Phone,
    Organisation,
    Role,
    Tags,
    /// The client's background (a clients-only list's "Notes").
    Background,
    SessionDate,
    SessionTime,
    Duration,
    Notes,
    PrivateNotes,
    Agenda,
    Takeaways,
    NextSteps,
    Status,
    Format,
    Medium,
}

impl CsvField {
    pub const ALL: &'static [CsvField] = &[
        CsvField::Ignore,
        CsvField::ClientName,
        CsvField::FirstName,
        CsvField::LastName,
        CsvField::Email,
        CsvField::Phone,
        CsvField::Organisation,
        CsvField::Role,
        CsvField::Tags,
        CsvField::Background,
        CsvField::SessionDate,
        CsvField::SessionTime,
        CsvField::Duration,
        CsvField::Notes,
        CsvField::PrivateNotes,
        CsvField::Agenda,
        CsvField::Takeaways,
        CsvField::NextSteps,
        CsvField::Status,
        CsvField::Format,
        CsvField::Medium,
    ];

    /// The spelling of `--map col=FIELD` (and of the JSON).
    pub fn name(self) -> &'static str {
        match self {
            CsvField::Ignore => "ignore",
            CsvField::ClientName => "client_name",
            CsvField::FirstName => "first_name",
            CsvField::LastName => "last_name",
            CsvField::Email => "email",
            CsvField::Phone => "phone",
            CsvField::Organisation => "organisation",
            CsvField::Role => "role",
            CsvField::Tags => "tags",
            CsvField::Background => "background",
            CsvField::SessionDate => "session_date",
            CsvField::SessionTime => "session_time",
            CsvField::Duration => "duration",
            CsvField::Notes => "notes",
            CsvField::PrivateNotes => "private_notes",
            CsvField::Agenda => "agenda",
            CsvField::Takeaways => "takeaways",
            CsvField::NextSteps => "next_steps",
            CsvField::Status => "status",
            CsvField::Format => "format",
            CsvField::Medium => "medium",
        }
    }

    pub fn parse(text: &str) -> Option<CsvField> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        CsvField::ALL.iter().copied().find(|f| f.name() == t)
    }

    /// True for the fields that belong to a session (they need a date).
    pub fn is_session(self) -> bool {
        matches!(
            self,
            CsvField::SessionDate
                | CsvField::SessionTime
                | CsvField::Duration
                | CsvField::Notes
                | CsvField::PrivateNotes
                | CsvField::Agenda
                | CsvField::Takeaways
                | CsvField::NextSteps
                | CsvField::Status
                | CsvField::Format
                | CsvField::Medium
        )
    }
}

/// Lower case, words only: `Duration (mins)` → `duration mins`.
fn words(header: &str) -> String {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// One line per field: the table reads better than rustfmt's one word per line.
#[rustfmt::skip]
const EXACT: &[(CsvField, &[&str])] = &[
    (CsvField::ClientName, &[
        "client", "client name", "name", "full name", "coachee", "coachee name", "customer",
        "customer name", "contact", "contact name", "participant", "client full name", "attendee",
        "attendee name",
    ]),
    (CsvField::FirstName, &[
        "first name", "firstname", "given name", "forename", "client first name",
    ]),
    (CsvField::LastName, &["last name", "lastname", "surname", "family name", "client last name"]),
    (CsvField::Email, &[
        "email", "e mail", "email address", "client email", "mail", "e mail address",
    ]),
    (CsvField::Phone, &[
        "phone", "phone number", "mobile", "telephone", "tel", "cell", "client phone",
    ]),
    (CsvField::Organisation, &[
        "organisation", "organization", "company", "company name", "employer", "org",
        "client company", "client organisation", "client organization",
    ]),
    (CsvField::Role, &["role", "title", "job title", "position", "client role"]),
    (CsvField::Tags, &["tags", "labels", "tag"]),
    (CsvField::Background, &["background", "client notes", "about"]),
    (CsvField::SessionDate, &[
        "date", "session date", "appointment date", "meeting date", "start date", "start", "when",
        "date time", "session start", "scheduled", "scheduled for", "appointment",
        "session date time", "held on",
    ]),
    (CsvField::SessionTime, &[
        "time", "start time", "session time", "appointment time", "meeting time",
    ]),
    (CsvField::Duration, &[
        "duration", "length", "minutes", "mins", "duration min", "duration mins",
        "duration minutes", "session length", "duration h", "hours",
    ]),
    (CsvField::Notes, &[
        "notes", "note", "session notes", "summary", "session summary", "comments", "description",
        "shared notes",
    ]),
    (CsvField::PrivateNotes, &[
        "private notes", "coach notes", "private", "internal notes", "coach only notes",
        "coach private notes", "private coach notes",
    ]),
    (CsvField::Agenda, &["agenda", "topic", "topics", "focus", "session topic", "session focus"]),
    (CsvField::Takeaways, &[
        "takeaways", "key takeaways", "insights", "outcomes", "learnings", "outcome",
    ]),
    (CsvField::NextSteps, &[
        "next steps", "action items", "actions", "homework", "follow up", "commitments",
    ]),
    (CsvField::Status, &["status", "session status", "attendance", "appointment status"]),
    (CsvField::Format, &["format", "session type", "type", "session format"]),
    (CsvField::Medium, &["medium", "location", "mode", "meeting type", "channel", "delivery"]),
];

fn guess_one(header: &str) -> CsvField {
    let w = words(header);
    EXACT
        .iter()
        .find(|(_, names)| names.contains(&w.as_str()))
        .map(|(field, _)| *field)
        .unwrap_or(CsvField::Ignore)
}

/// A field per column from the headers. Each field goes to the first column that names it;
/// without a date column, "Notes" is the client's background (a list of clients).
pub fn guess(headers: &[String]) -> Vec<CsvField> {
    let mut taken = Vec::new();
    let mut fields: Vec<CsvField> = headers
        .iter()
        .map(|h| {
            let f = guess_one(h);
            if f == CsvField::Ignore || taken.contains(&f) {
                CsvField::Ignore
            } else {
                taken.push(f);
                f
            }
        })
        .collect();
    // A full name wins over first + last; both halves are kept only without it.
    if taken.contains(&CsvField::ClientName)
        && taken.contains(&CsvField::FirstName)
        && taken.contains(&CsvField::LastName)
    {
        for f in fields.iter_mut() {
            if matches!(f, CsvField::FirstName | CsvField::LastName) {
                *f = CsvField::Ignore;
            }
        }
    }
    // A lone "Start time" with no date column is the date and time together.
    if !taken.contains(&CsvField::SessionDate) {
        for f in fields.iter_mut() {
            if *f == CsvField::SessionTime {
                *f = CsvField::SessionDate;
                taken.push(CsvField::SessionDate);
            }
        }
    }
    if !taken.contains(&CsvField::SessionDate) && !taken.contains(&CsvField::Background) {
        for f in fields.iter_mut() {
            if *f == CsvField::Notes {
                *f = CsvField::Background;
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn spreadsheet_and_platform_headers_are_recognised() {
        use CsvField::*;
        assert_eq!(
            guess(&h(&[
                "Client",
                "Email",
                "Session date",
                "Duration",
                "Notes"
            ])),
            vec![ClientName, Email, SessionDate, Duration, Notes]
        );
        assert_eq!(
            guess(&h(&[
                "Client First Name",
                "Client Last Name",
                "Client Email",
                "Session Date",
                "Start Time",
                "Duration (mins)",
                "Session Notes",
                "Booking ID",
            ])),
            vec![
                FirstName,
                LastName,
                Email,
                SessionDate,
                SessionTime,
                Duration,
                Notes,
                Ignore
            ]
        );
        // No date: a list of clients, whose notes are their background.
        assert_eq!(
            guess(&h(&["Name", "E-mail", "Company", "Notes"])),
            vec![ClientName, Email, Organisation, Background]
        );
        assert_eq!(guess(&h(&["Date", "Date"])), vec![SessionDate, Ignore]);
        assert_eq!(
            guess(&h(&["Client", "Start time"])),
            vec![ClientName, SessionDate]
        );
    }

    #[test]
    fn field_names_round_trip() {
        for f in CsvField::ALL {
            assert_eq!(CsvField::parse(f.name()), Some(*f));
        }
        assert_eq!(CsvField::parse("Session Date"), Some(CsvField::SessionDate));
        assert_eq!(CsvField::parse("nonsense"), None);
    }
}
