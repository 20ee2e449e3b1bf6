PRAGMA application_id = 1131364971;

CREATE TABLE coach (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL DEFAULT '',
    credentials TEXT NOT NULL DEFAULT '',
    logo_mime   TEXT,
    logo        BLOB
);
INSERT INTO coach (id) VALUES (1);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE competencies (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    group_name  TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);

CREATE TABLE clients (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    email            TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    organisation     TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL DEFAULT '',
    stage            TEXT NOT NULL,
    promotion_date   TEXT,
    sponsor_name     TEXT NOT NULL DEFAULT '',
    sponsor_email    TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL,
    engagement_start TEXT,
    engagement_end   TEXT,
    background       TEXT NOT NULL DEFAULT '',
    tags             TEXT NOT NULL DEFAULT '[]',
    archived_at      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX clients_name ON clients (name COLLATE NOCASE);

CREATE TABLE goals (
    id               TEXT PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    competency_id    TEXT REFERENCES competencies (id),
    title            TEXT NOT NULL,
    success_criteria TEXT NOT NULL DEFAULT '',
    baseline         INTEGER NOT NULL CHECK (baseline BETWEEN 0 AND 10),
    target           INTEGER NOT NULL CHECK (target BETWEEN 0 AND 10),
    started_on       TEXT,
    target_date      TEXT,
    status           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX goals_client ON goals (client_id);

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,
    client_id        TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    -- RFC 3339 with the offset the session was held in; starts_at_utc orders them.
    starts_at        TEXT NOT NULL,
    starts_at_utc    TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
    format           TEXT NOT NULL,
    medium           TEXT NOT NULL,
    status           TEXT NOT NULL,
    agenda           TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    private_notes    TEXT NOT NULL DEFAULT '',
    takeaways        TEXT NOT NULL DEFAULT '',
    next_steps       TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX sessions_client_start ON sessions (client_id, starts_at_utc);
CREATE INDEX sessions_start ON sessions (starts_at_utc);

CREATE TABLE session_goals (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    goal_id    TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX session_goals_goal ON session_goals (goal_id);

CREATE TABLE check_ins (
    id         TEXT PRIMARY KEY,
    goal_id    TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    rater      TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX check_ins_goal ON check_ins (goal_id, on_date);
CREATE INDEX check_ins_session ON check_ins (session_id);

CREATE TABLE assignments (
    id                       TEXT PRIMARY KEY,
    client_id                TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    title                    TEXT NOT NULL,
    kind                     TEXT NOT NULL,
    stakes                   INTEGER NOT NULL CHECK (stakes BETWEEN 1 AND 5),
    scenario                 TEXT NOT NULL DEFAULT '',
    support_plan             TEXT NOT NULL DEFAULT '',
    assigned_on              TEXT NOT NULL,
    due_on                   TEXT,
    status                   TEXT NOT NULL,
    -- The debrief: all NULL until it is held.
    debrief_held_on          TEXT,
    debrief_what_happened    TEXT,
    debrief_client_actions   TEXT,
    debrief_outcome          TEXT,
    debrief_lessons          TEXT,
    debrief_composure        INTEGER CHECK (debrief_composure BETWEEN 1 AND 5),
    debrief_decision_quality INTEGER CHECK (debrief_decision_quality BETWEEN 1 AND 5),
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL
);
CREATE INDEX assignments_client ON assignments (client_id, assigned_on);
CREATE INDEX assignments_due ON assignments (status, due_on);

CREATE TABLE assignment_goals (
    assignment_id TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    goal_id       TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    PRIMARY KEY (assignment_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX assignment_goals_goal ON assignment_goals (goal_id);

-- The default framework: fixed ids so every practice starts from the same entries.
INSERT INTO competencies (id, name, group_name, description, position) VALUES
('0b7c1a00-0000-4000-8000-000000000001', 'Self-awareness', 'Leading self', 'Knows their strengths, blind spots and triggers, and how they land on others.', 1),
('0b7c1a00-0000-4000-8000-000000000002', 'Composure under pressure', 'Leading self', 'Stays steady and thinks clearly when stakes and emotions run high.', 2),
('0b7c1a00-0000-4000-8000-000000000003', 'Prioritising and time', 'Leading self', 'Spends time on leadership work, not only on the technical work they were promoted for.', 3),
('0b7c1a00-0000-4000-8000-000000000004', 'Leadership identity', 'Leading self', 'Sees themself as a leader and acts from that role rather than as the best individual contributor.', 4),
('0b7c1a00-0000-4000-8000-000000000005', 'Delegation', 'Leading others', 'Hands over outcomes, not tasks, with the right level of support and follow-up.', 5),
('0b7c1a00-0000-4000-8000-000000000006', 'Giving feedback', 'Leading others', 'Gives timely, specific feedback, both reinforcing and redirecting.', 6),
('0b7c1a00-0000-4000-8000-000000000007', 'Difficult conversations', 'Leading others', 'Raises hard topics early and holds them with candour and care.', 7),
('0b7c1a00-0000-4000-8000-000000000008', 'Building trust', 'Leading others', 'Is predictable, keeps commitments and makes it safe to speak up.', 8),
('0b7c1a00-0000-4000-8000-000000000009', 'Coaching and growing others', 'Leading others', 'Develops people through questions, stretch work and sponsorship.', 9),
('0b7c1a00-0000-4000-8000-00000000000a', 'Setting direction', 'Leading the organisation', 'Turns strategy into clear priorities people can act on.', 10),
('0b7c1a00-0000-4000-8000-00000000000b', 'Influencing stakeholders', 'Leading the organisation', 'Builds support across peers, seniors and other functions.', 11),
('0b7c1a00-0000-4000-8000-00000000000c', 'Leading in a crisis', 'Leading the organisation', 'Takes charge when things go wrong: decides under uncertainty, communicates, stabilises.', 12),
('0b7c1a00-0000-4000-8000-00000000000d', 'Leading change', 'Leading the organisation', 'Brings people through reorganisations and new ways of working.', 13),
('0b7c1a00-0000-4000-8000-00000000000e', 'Growing leaders', 'Leading the organisation', 'Builds the next layer of leaders and a bench for their own role.', 14);
