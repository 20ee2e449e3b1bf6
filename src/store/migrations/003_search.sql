-- Full-text search over the whole practice (FTS5). Generated once by hand-checked script;
-- like every migration it is never edited after it ships.
--
-- Every searchable field of a record is one search document, the FTS row. Its rowid says
-- what it is and when, so that neither needs a lookup:
--
--     rowid = (search_records.id << 4) + field
--     search_records.id = (day << 24) + n       day: the record's Julian day number
--                                               (8388607 = undated: a client's name and
--                                               organisation); n: 0, 1, 2 … within the day
--
-- so `rowid DESC` is newest first and a date range is a rowid range. The field numbers:
--      0 session agenda      5 goal title               9 debrief: what happened
--      1 session notes       6 goal success criteria   10 debrief: what the client did
--      2 session private     7 assignment title        11 debrief: outcome
--        notes               8 assignment scenario     12 debrief: lessons
--      3 session takeaways                             13 client name
--      4 session next steps                            14 client organisation
--
-- search_records (one row per record part: a session, a goal, an assignment, its debrief,
-- a client) maps the record's text id to its integer key; search_docs lists the rowids
-- in the index. The text is not copied: search_fts is an external-content FTS5 table over
-- the view search_text, which reads each field from its own table (snippet() reads there).
-- Besides `body`, each FTS row has a `scope` column, "c<client id> k<field>", so filters by
-- client and by kind are part of the MATCH itself.
--
-- Triggers keep the index in the same transaction as every write, whoever writes (the
-- store, import, the demo, a cascade from deleting a client): insert indexes a record's
-- fields; update re-indexes only the fields whose text changed (an autosave of the notes
-- touches one document) or, when the record's day or client changed, all of them under a
-- new key; delete removes them. An external-content delete must be given the old text:
-- the triggers have it as OLD.*.
--
-- Tokenizer: unicode61 folds case and, with remove_diacritics 2, diacritics ("Zoë" finds
-- "zoe" and the other way round). Prefix indexes of 2 and 3 characters serve
-- search-as-you-type.

CREATE TABLE search_records (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,  -- session, goal, assignment, debrief, client
    record_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    UNIQUE (record_id, kind)
);

CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY
);

CREATE VIEW search_text (doc, body, scope) AS
SELECT d.id,
    CASE d.id & 15
        WHEN 0 THEN (SELECT x.agenda FROM sessions x WHERE x.id = r.record_id)
        WHEN 1 THEN (SELECT x.notes FROM sessions x WHERE x.id = r.record_id)
        WHEN 2 THEN (SELECT x.private_notes FROM sessions x WHERE x.id = r.record_id)
        WHEN 3 THEN (SELECT x.takeaways FROM sessions x WHERE x.id = r.record_id)
        WHEN 4 THEN (SELECT x.next_steps FROM sessions x WHERE x.id = r.record_id)
        WHEN 5 THEN (SELECT x.title FROM goals x WHERE x.id = r.record_id)
        WHEN 6 THEN (SELECT x.success_criteria FROM goals x WHERE x.id = r.record_id)
        WHEN 7 THEN (SELECT x.title FROM assignments x WHERE x.id = r.record_id)
        WHEN 8 THEN (SELECT x.scenario FROM assignments x WHERE x.id = r.record_id)
        WHEN 9 THEN (SELECT coalesce(x.debrief_what_happened, '') FROM assignments x WHERE x.id = r.record_id)
        WHEN 10 THEN (SELECT coalesce(x.debrief_client_actions, '') FROM assignments x WHERE x.id = r.record_id)
        WHEN 11 THEN (SELECT coalesce(x.debrief_outcome, '') FROM assignments x WHERE x.id = r.record_id)
        WHEN 12 THEN (SELECT coalesce(x.debrief_lessons, '') FROM assignments x WHERE x.id = r.record_id)
        WHEN 13 THEN (SELECT x.name FROM clients x WHERE x.id = r.record_id)
        WHEN 14 THEN (SELECT x.organisation FROM clients x WHERE x.id = r.record_id)
    END,
    'c' || replace(r.client_id, '-', '') || ' k' || (d.id & 15)
FROM search_docs d JOIN search_records r ON r.id = d.id >> 4;

CREATE VIRTUAL TABLE search_fts USING fts5 (
    body,
    scope,
    content = 'search_text',
    content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- session: sessions -----------------------------------------------------------

CREATE TRIGGER search_session_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'session', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(substr(NEW.starts_at, 1, 10)) AS INTEGER), 8388607) AS day) AS k;
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (0), (1), (2), (3), (4)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'session';
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'session' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15;
END;

CREATE TRIGGER search_session_update AFTER UPDATE ON sessions
WHEN (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10))
    OR OLD.agenda IS NOT NEW.agenda OR OLD.notes IS NOT NEW.notes OR OLD.private_notes IS NOT NEW.private_notes OR OLD.takeaways IS NOT NEW.takeaways OR OLD.next_steps IS NOT NEW.next_steps
BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 0 THEN OLD.agenda WHEN 1 THEN OLD.notes WHEN 2 THEN OLD.private_notes WHEN 3 THEN OLD.takeaways WHEN 4 THEN OLD.next_steps END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'session' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10))
           OR CASE d.id & 15 WHEN 0 THEN OLD.agenda IS NOT NEW.agenda WHEN 1 THEN OLD.notes IS NOT NEW.notes WHEN 2 THEN OLD.private_notes IS NOT NEW.private_notes WHEN 3 THEN OLD.takeaways IS NOT NEW.takeaways WHEN 4 THEN OLD.next_steps IS NOT NEW.next_steps END);
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'session')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'session')
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10));
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'session'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10));
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'session', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(substr(NEW.starts_at, 1, 10)) AS INTEGER), 8388607) AS day) AS k
    WHERE (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10));
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (0), (1), (2), (3), (4)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'session'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10));
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'session' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR substr(OLD.starts_at, 1, 10) IS NOT substr(NEW.starts_at, 1, 10))
           OR CASE t.doc & 15 WHEN 0 THEN OLD.agenda IS NOT NEW.agenda WHEN 1 THEN OLD.notes IS NOT NEW.notes WHEN 2 THEN OLD.private_notes IS NOT NEW.private_notes WHEN 3 THEN OLD.takeaways IS NOT NEW.takeaways WHEN 4 THEN OLD.next_steps IS NOT NEW.next_steps END);
END;

CREATE TRIGGER search_session_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 0 THEN OLD.agenda WHEN 1 THEN OLD.notes WHEN 2 THEN OLD.private_notes WHEN 3 THEN OLD.takeaways WHEN 4 THEN OLD.next_steps END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'session' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15;
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'session')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'session');
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'session';
END;

-- goal: goals -----------------------------------------------------------------

CREATE TRIGGER search_goal_insert AFTER INSERT ON goals BEGIN
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'goal', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(coalesce(NEW.started_on, substr(NEW.created_at, 1, 10))) AS INTEGER), 8388607) AS day) AS k;
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (5), (6)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'goal';
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'goal' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15;
END;

CREATE TRIGGER search_goal_update AFTER UPDATE ON goals
WHEN (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)))
    OR OLD.title IS NOT NEW.title OR OLD.success_criteria IS NOT NEW.success_criteria
BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 5 THEN OLD.title WHEN 6 THEN OLD.success_criteria END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'goal' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)))
           OR CASE d.id & 15 WHEN 5 THEN OLD.title IS NOT NEW.title WHEN 6 THEN OLD.success_criteria IS NOT NEW.success_criteria END);
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'goal')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'goal')
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)));
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'goal'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)));
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'goal', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(coalesce(NEW.started_on, substr(NEW.created_at, 1, 10))) AS INTEGER), 8388607) AS day) AS k
    WHERE (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)));
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (5), (6)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'goal'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)));
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'goal' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.started_on, substr(OLD.created_at, 1, 10)) IS NOT coalesce(NEW.started_on, substr(NEW.created_at, 1, 10)))
           OR CASE t.doc & 15 WHEN 5 THEN OLD.title IS NOT NEW.title WHEN 6 THEN OLD.success_criteria IS NOT NEW.success_criteria END);
END;

CREATE TRIGGER search_goal_delete AFTER DELETE ON goals BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 5 THEN OLD.title WHEN 6 THEN OLD.success_criteria END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'goal' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15;
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'goal')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'goal');
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'goal';
END;

-- assignment: assignments -----------------------------------------------------

CREATE TRIGGER search_assignment_insert AFTER INSERT ON assignments BEGIN
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'assignment', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(NEW.assigned_on) AS INTEGER), 8388607) AS day) AS k;
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (7), (8)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'assignment';
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'assignment' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15;
END;

CREATE TRIGGER search_assignment_update AFTER UPDATE ON assignments
WHEN (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on)
    OR OLD.title IS NOT NEW.title OR OLD.scenario IS NOT NEW.scenario
BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 7 THEN OLD.title WHEN 8 THEN OLD.scenario END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'assignment' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on)
           OR CASE d.id & 15 WHEN 7 THEN OLD.title IS NOT NEW.title WHEN 8 THEN OLD.scenario IS NOT NEW.scenario END);
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'assignment')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'assignment')
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on);
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'assignment'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on);
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'assignment', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(NEW.assigned_on) AS INTEGER), 8388607) AS day) AS k
    WHERE (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on);
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (7), (8)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'assignment'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on);
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'assignment' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR OLD.assigned_on IS NOT NEW.assigned_on)
           OR CASE t.doc & 15 WHEN 7 THEN OLD.title IS NOT NEW.title WHEN 8 THEN OLD.scenario IS NOT NEW.scenario END);
END;

CREATE TRIGGER search_assignment_delete AFTER DELETE ON assignments BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 7 THEN OLD.title WHEN 8 THEN OLD.scenario END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'assignment' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15;
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'assignment')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'assignment');
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'assignment';
END;

-- debrief: assignments --------------------------------------------------------

CREATE TRIGGER search_debrief_insert AFTER INSERT ON assignments BEGIN
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'debrief', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(coalesce(NEW.debrief_held_on, NEW.assigned_on)) AS INTEGER), 8388607) AS day) AS k;
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (9), (10), (11), (12)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'debrief';
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'debrief' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15;
END;

CREATE TRIGGER search_debrief_update AFTER UPDATE ON assignments
WHEN (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on))
    OR coalesce(OLD.debrief_what_happened, '') IS NOT coalesce(NEW.debrief_what_happened, '') OR coalesce(OLD.debrief_client_actions, '') IS NOT coalesce(NEW.debrief_client_actions, '') OR coalesce(OLD.debrief_outcome, '') IS NOT coalesce(NEW.debrief_outcome, '') OR coalesce(OLD.debrief_lessons, '') IS NOT coalesce(NEW.debrief_lessons, '')
BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 9 THEN coalesce(OLD.debrief_what_happened, '') WHEN 10 THEN coalesce(OLD.debrief_client_actions, '') WHEN 11 THEN coalesce(OLD.debrief_outcome, '') WHEN 12 THEN coalesce(OLD.debrief_lessons, '') END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'debrief' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on))
           OR CASE d.id & 15 WHEN 9 THEN coalesce(OLD.debrief_what_happened, '') IS NOT coalesce(NEW.debrief_what_happened, '') WHEN 10 THEN coalesce(OLD.debrief_client_actions, '') IS NOT coalesce(NEW.debrief_client_actions, '') WHEN 11 THEN coalesce(OLD.debrief_outcome, '') IS NOT coalesce(NEW.debrief_outcome, '') WHEN 12 THEN coalesce(OLD.debrief_lessons, '') IS NOT coalesce(NEW.debrief_lessons, '') END);
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'debrief')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'debrief')
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on));
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'debrief'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on));
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'debrief', NEW.id, NEW.client_id
    FROM (SELECT coalesce(CAST(julianday(coalesce(NEW.debrief_held_on, NEW.assigned_on)) AS INTEGER), 8388607) AS day) AS k
    WHERE (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on));
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (9), (10), (11), (12)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'debrief'
      AND (OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on));
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'debrief' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.client_id IS NOT NEW.client_id
        OR coalesce(OLD.debrief_held_on, OLD.assigned_on) IS NOT coalesce(NEW.debrief_held_on, NEW.assigned_on))
           OR CASE t.doc & 15 WHEN 9 THEN coalesce(OLD.debrief_what_happened, '') IS NOT coalesce(NEW.debrief_what_happened, '') WHEN 10 THEN coalesce(OLD.debrief_client_actions, '') IS NOT coalesce(NEW.debrief_client_actions, '') WHEN 11 THEN coalesce(OLD.debrief_outcome, '') IS NOT coalesce(NEW.debrief_outcome, '') WHEN 12 THEN coalesce(OLD.debrief_lessons, '') IS NOT coalesce(NEW.debrief_lessons, '') END);
END;

CREATE TRIGGER search_debrief_delete AFTER DELETE ON assignments BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 9 THEN coalesce(OLD.debrief_what_happened, '') WHEN 10 THEN coalesce(OLD.debrief_client_actions, '') WHEN 11 THEN coalesce(OLD.debrief_outcome, '') WHEN 12 THEN coalesce(OLD.debrief_lessons, '') END,
           'c' || replace(OLD.client_id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'debrief' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15;
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'debrief')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'debrief');
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'debrief';
END;

-- client: clients -------------------------------------------------------------

CREATE TRIGGER search_client_insert AFTER INSERT ON clients BEGIN
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'client', NEW.id, NEW.id
    FROM (SELECT coalesce(CAST(julianday(NULL) AS INTEGER), 8388607) AS day) AS k;
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (13), (14)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'client';
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'client' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15;
END;

CREATE TRIGGER search_client_update AFTER UPDATE ON clients
WHEN (OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL)
    OR OLD.name IS NOT NEW.name OR OLD.organisation IS NOT NEW.organisation
BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 13 THEN OLD.name WHEN 14 THEN OLD.organisation END,
           'c' || replace(OLD.id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'client' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL)
           OR CASE d.id & 15 WHEN 13 THEN OLD.name IS NOT NEW.name WHEN 14 THEN OLD.organisation IS NOT NEW.organisation END);
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'client')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'client')
      AND (OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL);
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'client'
      AND (OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL);
    INSERT INTO search_records (id, kind, record_id, client_id)
    SELECT coalesce((SELECT max(id) + 1 FROM search_records
                     WHERE id BETWEEN k.day << 24 AND (k.day << 24) + 16777215),
                    k.day << 24),
           'client', NEW.id, NEW.id
    FROM (SELECT coalesce(CAST(julianday(NULL) AS INTEGER), 8388607) AS day) AS k
    WHERE (OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL);
    INSERT INTO search_docs (id)
    SELECT (r.id << 4) + f.column1 FROM search_records r, (VALUES (13), (14)) AS f
    WHERE r.record_id = NEW.id AND r.kind = 'client'
      AND (OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL);
    INSERT INTO search_fts (rowid, body, scope)
    SELECT t.doc, t.body, t.scope FROM search_records r, search_text t
    WHERE r.record_id = NEW.id AND r.kind = 'client' AND t.doc BETWEEN r.id << 4 AND (r.id << 4) + 15
      AND ((OLD.id IS NOT NEW.id OR OLD.id IS NOT NEW.id
        OR NULL IS NOT NULL)
           OR CASE t.doc & 15 WHEN 13 THEN OLD.name IS NOT NEW.name WHEN 14 THEN OLD.organisation IS NOT NEW.organisation END);
END;

CREATE TRIGGER search_client_delete AFTER DELETE ON clients BEGIN
    INSERT INTO search_fts (search_fts, rowid, body, scope)
    SELECT 'delete', d.id, CASE d.id & 15 WHEN 13 THEN OLD.name WHEN 14 THEN OLD.organisation END,
           'c' || replace(OLD.id, '-', '') || ' k' || (d.id & 15)
    FROM search_records r, search_docs d
    WHERE r.record_id = OLD.id AND r.kind = 'client' AND d.id BETWEEN r.id << 4 AND (r.id << 4) + 15;
    DELETE FROM search_docs
    WHERE id BETWEEN (SELECT id << 4 FROM search_records WHERE record_id = OLD.id AND kind = 'client')
                 AND (SELECT (id << 4) + 15 FROM search_records WHERE record_id = OLD.id AND kind = 'client');
    DELETE FROM search_records WHERE record_id = OLD.id AND kind = 'client';
END;

-- Index what is already there (a database written before this migration). ----------

INSERT INTO search_records (id, kind, record_id, client_id)
SELECT (day << 24) + row_number() OVER (PARTITION BY day ORDER BY kind, record_id) - 1,
       kind, record_id, client_id
FROM (
    SELECT coalesce(CAST(julianday(substr(t.starts_at, 1, 10)) AS INTEGER), 8388607) AS day, 'session' AS kind, t.id AS record_id, t.client_id AS client_id FROM sessions t
    UNION ALL
    SELECT coalesce(CAST(julianday(coalesce(t.started_on, substr(t.created_at, 1, 10))) AS INTEGER), 8388607) AS day, 'goal' AS kind, t.id AS record_id, t.client_id AS client_id FROM goals t
    UNION ALL
    SELECT coalesce(CAST(julianday(t.assigned_on) AS INTEGER), 8388607) AS day, 'assignment' AS kind, t.id AS record_id, t.client_id AS client_id FROM assignments t
    UNION ALL
    SELECT coalesce(CAST(julianday(coalesce(t.debrief_held_on, t.assigned_on)) AS INTEGER), 8388607) AS day, 'debrief' AS kind, t.id AS record_id, t.client_id AS client_id FROM assignments t
    UNION ALL
    SELECT coalesce(CAST(julianday(NULL) AS INTEGER), 8388607) AS day, 'client' AS kind, t.id AS record_id, t.id AS client_id FROM clients t
);

INSERT INTO search_docs (id)
SELECT (r.id << 4) + f.field FROM search_records r JOIN (
    SELECT 'session' AS kind, 0 AS field
    UNION ALL
    SELECT 'session' AS kind, 1 AS field
    UNION ALL
    SELECT 'session' AS kind, 2 AS field
    UNION ALL
    SELECT 'session' AS kind, 3 AS field
    UNION ALL
    SELECT 'session' AS kind, 4 AS field
    UNION ALL
    SELECT 'goal' AS kind, 5 AS field
    UNION ALL
    SELECT 'goal' AS kind, 6 AS field
    UNION ALL
    SELECT 'assignment' AS kind, 7 AS field
    UNION ALL
    SELECT 'assignment' AS kind, 8 AS field
    UNION ALL
    SELECT 'debrief' AS kind, 9 AS field
    UNION ALL
    SELECT 'debrief' AS kind, 10 AS field
    UNION ALL
    SELECT 'debrief' AS kind, 11 AS field
    UNION ALL
    SELECT 'debrief' AS kind, 12 AS field
    UNION ALL
    SELECT 'client' AS kind, 13 AS field
    UNION ALL
    SELECT 'client' AS kind, 14 AS field
) AS f ON f.kind = r.kind
ORDER BY 1;

INSERT INTO search_fts (search_fts) VALUES ('rebuild');
