-- Schema 3 → 4: figures get bounds (`low`, `high`), claims their `origin` (curated or extracted,
-- with the `extractor`'s version) and `date_days` (how wide a date is, so an overlap query can bound
-- its index scan at both ends), and sources their publication date as a first and last day (schema 3
-- compared `2025-01` as the text it is, which put January's last days outside January).
--
-- New columns with table CHECKs cannot be added by ALTER TABLE, so claims is rebuilt the way SQLite
-- documents (https://sqlite.org/lang_altertable.html#otheralter): renamed aside, made anew with the
-- exact text of schema.sql, the rows copied, the old one dropped. legacy_alter_table keeps the
-- rename from rewriting views and triggers that name it. Rowids (`pk`) are kept, so the full-text
-- index still points at the right claims.
PRAGMA legacy_alter_table = ON;
DROP VIEW claims_view;
DROP TRIGGER claims_ai;
DROP TRIGGER claims_ad;
DROP TRIGGER claims_au;
DROP INDEX claims_source;
DROP INDEX claims_kind_location;
DROP INDEX claims_party;
DROP INDEX claims_speaker;
DROP INDEX claims_date;
DROP INDEX claims_said_on;

-- sources is referenced by claims, so it is not rebuilt (a rename would rewrite that reference):
-- the two columns are added at its end, filled, and its stored text is then set to schema.sql's,
-- which adds the CHECK the rows now satisfy. SQLite documents writable_schema for such changes.
ALTER TABLE sources ADD COLUMN published_start TEXT;
ALTER TABLE sources ADD COLUMN published_end TEXT;
-- A date's first part is its start, its last part its end (`2025-01-02/2025-01-03`); a year or a
-- month spans its days.
UPDATE sources SET
    published_start = CASE length((CASE WHEN instr(published, '/') > 0 THEN substr(published, 1, instr(published, '/') - 1) ELSE published END))
        WHEN 4 THEN (CASE WHEN instr(published, '/') > 0 THEN substr(published, 1, instr(published, '/') - 1) ELSE published END) || '-01-01'
        WHEN 7 THEN (CASE WHEN instr(published, '/') > 0 THEN substr(published, 1, instr(published, '/') - 1) ELSE published END) || '-01'
        ELSE (CASE WHEN instr(published, '/') > 0 THEN substr(published, 1, instr(published, '/') - 1) ELSE published END) END,
    published_end = CASE length((CASE WHEN instr(published, '/') > 0 THEN substr(published, instr(published, '/') + 1) ELSE published END))
        WHEN 4 THEN (CASE WHEN instr(published, '/') > 0 THEN substr(published, instr(published, '/') + 1) ELSE published END) || '-12-31'
        WHEN 7 THEN date((CASE WHEN instr(published, '/') > 0 THEN substr(published, instr(published, '/') + 1) ELSE published END) || '-01', '+1 month', '-1 day')
        ELSE (CASE WHEN instr(published, '/') > 0 THEN substr(published, instr(published, '/') + 1) ELSE published END) END
WHERE published IS NOT NULL;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = 'CREATE TABLE sources (
    id        TEXT PRIMARY KEY
              CHECK (typeof(id) = ''text'' AND length(id) BETWEEN 1 AND 64 AND id NOT GLOB ''*[^A-Za-z0-9._:-]*''),
    title     TEXT NOT NULL CHECK (length(title) > 0),
    publisher TEXT,
    url       TEXT,
    published TEXT CHECK (published IS NULL OR published GLOB ''[0-9][0-9][0-9][0-9]*''),
    added_at  TEXT NOT NULL CHECK (added_at GLOB ''[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*''),
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB ''*[^0-9a-f]*''),
    text      TEXT NOT NULL CHECK (typeof(text) = ''text''),
    -- The first and last day `published` may mean (schema 4 added them, so they come last).
    published_start TEXT,
    published_end   TEXT,
    CHECK ((published IS NULL) = (published_start IS NULL) AND (published IS NULL) = (published_end IS NULL)
           AND published_start <= published_end)
)'
WHERE type = 'table' AND name = 'sources';
PRAGMA writable_schema = OFF;

ALTER TABLE claims RENAME TO claims_v3;
CREATE TABLE claims (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE
                  CHECK (typeof(id) = 'text' AND length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
    source_id     TEXT NOT NULL REFERENCES sources (id),
    kind          TEXT NOT NULL
                  CHECK (kind = 'troops' OR kind = 'casualty' OR kind = 'capture' OR kind = 'strike' OR kind = 'operation'
                         OR kind = 'statement' OR kind = 'milestone' OR kind = 'other'),
    quote         TEXT NOT NULL,
    start         INTEGER NOT NULL CHECK (typeof(start) = 'integer' AND start >= 0),
    "end"         INTEGER NOT NULL CHECK (typeof("end") = 'integer' AND "end" > start),
    text          TEXT NOT NULL CHECK (length(text) > 0),
    party_id      INTEGER REFERENCES entities (id),
    location_id   INTEGER REFERENCES entities (id),
    value         NUMERIC CHECK (value IS NULL OR typeof(value) IN ('integer', 'real')),
    low           NUMERIC CHECK (low IS NULL OR typeof(low) IN ('integer', 'real')),
    high          NUMERIC CHECK (high IS NULL OR typeof(high) IN ('integer', 'real')),
    unit          TEXT,
    qualifier     TEXT
                  CHECK (qualifier = 'exact' OR qualifier = 'approximate' OR qualifier = 'at_least' OR qualifier = 'at_most'),
    date          TEXT,
    date_start    TEXT,
    date_end      TEXT,
    date_days     INTEGER,
    speaker_id    INTEGER REFERENCES entities (id),
    role          TEXT,
    said_on       TEXT,
    said_on_start TEXT,
    said_on_end   TEXT,
    attribution   TEXT NOT NULL CHECK (attribution = 'direct' OR attribution = 'reported' OR attribution = 'author'),
    modality      TEXT NOT NULL DEFAULT 'asserted'
                  CHECK (modality = 'asserted' OR modality = 'expected' OR modality = 'scheduled' OR modality = 'denied'),
    origin        TEXT NOT NULL DEFAULT 'curated' CHECK (origin = 'curated' OR origin = 'extracted'),
    extractor     TEXT,
    CHECK (length(quote) = "end" - start),
    CHECK ((value IS NULL) = (unit IS NULL) AND (unit IS NULL) = (qualifier IS NULL)),
    CHECK ((date IS NULL) = (date_start IS NULL) AND (date IS NULL) = (date_end IS NULL) AND date_start <= date_end),
    CHECK ((said_on IS NULL) = (said_on_start IS NULL) AND (said_on IS NULL) = (said_on_end IS NULL)
           AND said_on_start <= said_on_end),
    CHECK ((speaker_id IS NULL) = (attribution = 'author')),
    CHECK (speaker_id IS NOT NULL OR (role IS NULL AND said_on IS NULL)),
    CHECK ((low IS NULL AND high IS NULL) OR value IS NOT NULL),
    CHECK ((low IS NULL OR low <= value) AND (high IS NULL OR high >= value)),
    CHECK ((date IS NULL) = (date_days IS NULL) AND (date_days IS NULL OR date_days >= 0)),
    CHECK ((origin = 'extracted') = (extractor IS NOT NULL))
);

INSERT INTO claims (pk, id, source_id, kind, quote, start, "end", text, party_id, location_id, value, unit, qualifier,
                    date, date_start, date_end, date_days, speaker_id, role, said_on, said_on_start, said_on_end,
                    attribution, modality)
SELECT pk, id, source_id, kind, quote, start, "end", text, party_id, location_id, value, unit, qualifier,
       date, date_start, date_end, CAST(julianday(date_end) - julianday(date_start) AS INTEGER), speaker_id, role,
       said_on, said_on_start, said_on_end, attribution, modality
FROM claims_v3;
DROP TABLE claims_v3;
CREATE INDEX claims_source ON claims (source_id, start);
CREATE INDEX claims_kind_location ON claims (kind, location_id, value);
CREATE INDEX claims_party ON claims (party_id);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_date ON claims (date_start, date_end);
CREATE INDEX claims_date_days ON claims (date_days);
CREATE INDEX claims_said_on ON claims (said_on_start, said_on_end);

CREATE VIEW claims_view AS
SELECT c.id, c.source_id AS source, c.kind, c.quote, c.start, c."end", c.text,
       p.name AS party, l.name AS location, c.value, c.low, c.high, c.unit, c.qualifier, c.date,
       s.name AS speaker, c.role, c.said_on, c.attribution, c.modality, c.origin, c.extractor
FROM claims AS c
LEFT JOIN entities AS p ON p.id = c.party_id
LEFT JOIN entities AS l ON l.id = c.location_id
LEFT JOIN entities AS s ON s.id = c.speaker_id;

CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, quote, text) VALUES (new.pk, new.quote, new.text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, quote, text) VALUES ('delete', old.pk, old.quote, old.text);
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, quote, text) VALUES ('delete', old.pk, old.quote, old.text);
    INSERT INTO claims_fts (rowid, quote, text) VALUES (new.pk, new.quote, new.text);
END;
PRAGMA legacy_alter_table = OFF;
