-- Earlier versions of a session's notes. Autosave coalesces keystrokes into one revision
-- per minute of typing; the coach can restore any of them.
CREATE TABLE note_revisions (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    saved_at      TEXT NOT NULL,
    notes         TEXT NOT NULL,
    private_notes TEXT NOT NULL
);
CREATE INDEX note_revisions_session ON note_revisions (session_id, saved_at);
