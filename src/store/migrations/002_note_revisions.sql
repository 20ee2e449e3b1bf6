-- Earlier versions of a session's notes. Saves while typing are coalesced: one revision
-- holds a minute of typing (started_at .. saved_at); a restore always starts a new one.
CREATE TABLE note_revisions (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    started_at    TEXT NOT NULL,
    saved_at      TEXT NOT NULL,
    notes         TEXT NOT NULL,
    private_notes TEXT NOT NULL,
    restored_from INTEGER
);
CREATE INDEX note_revisions_session ON note_revisions (session_id, id);
