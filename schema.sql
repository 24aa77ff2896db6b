-- claimdb schema, version 5. This file is the single source of the schema: the binary embeds it
-- to create new databases, and the migrations under src/store/migrations/ bring older files to it.
-- The version lives in PRAGMA user_version, and PRAGMA application_id marks the file as claimdb's.
--
-- A CHECK that a value is one of a list spells the list out as `x = 'a' OR x = 'b' …`: SQLite
-- builds a temporary table for every `x IN ('a', 'b', …)` it evaluates, once per inserted row, and
-- those four lists took a third of a bulk import's time.
--
-- It is a plain SQLite file on purpose: no STRICT tables (older readers refuse them), ISO-8601 text
-- for dates, declared primary and foreign keys, a readable view, and an FTS5 index named and wired
-- the way sqlite-utils and Datasette expect (claims_fts, content="claims", triggers claims_ai/ad/au).

-- People, organizations, countries, places and operations. `parent_id` is "part of": the Hamrin
-- Mountains are in Iraq, New Orleans in the United States, CENTCOM belongs to the United States.
CREATE TABLE entities (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE CHECK (typeof(name) = 'text' AND length(name) > 0 AND name = trim(name)),
    kind      TEXT NOT NULL
              CHECK (kind = 'person' OR kind = 'organization' OR kind = 'country' OR kind = 'place' OR kind = 'operation'
                     OR kind = 'unnamed'),
    parent_id INTEGER REFERENCES entities (id),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX entities_parent ON entities (parent_id);

-- Every name an entity goes by, its canonical name included. `key` is the folded form (lowercase,
-- straight quotes, single spaces) that lookups use, so one alias can only ever mean one entity.
CREATE TABLE entity_aliases (
    key       TEXT PRIMARY KEY CHECK (typeof(key) = 'text' AND length(key) > 0),
    alias     TEXT NOT NULL CHECK (length(alias) > 0),
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

-- A text claims come from, stored exactly as given, with the SHA-256 of its UTF-8 bytes.
CREATE TABLE sources (
    id        TEXT PRIMARY KEY
              CHECK (typeof(id) = 'text' AND length(id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^A-Za-z0-9._:-]*'),
    title     TEXT NOT NULL CHECK (length(title) > 0),
    publisher TEXT,
    url       TEXT,
    published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]*'),
    added_at  TEXT NOT NULL CHECK (added_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*'),
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    text      TEXT NOT NULL CHECK (typeof(text) = 'text'),
    -- The first and last day `published` may mean (schema 4 added them, so they come last).
    published_start TEXT,
    published_end   TEXT,
    CHECK ((published IS NULL) = (published_start IS NULL) AND (published IS NULL) = (published_end IS NULL)
           AND published_start <= published_end)
);

-- One checkable assertion. `start`/`end` count Unicode scalar values, so
-- substr(sources.text, start + 1, end - start) = quote (claimdb verify checks it).
-- Dates are kept as written (`2019`, `2025-09`, `2025-01-02/2025-01-03`) and as the first and last
-- day they may mean, which is what every date comparison uses. `date_days` is how many days after
-- its first day a date's last day is: the widest span in the table bounds an overlap query's scan of
-- claims_date at both ends (see `DayBounds` in the query compiler).
-- A figure may carry bounds: `low` for "at least 7" or "dozens" (12), `high` for "up to 20", both
-- for "between 20 and 30". `origin` says whether a person wrote the claim (`curated`, by import) or
-- `claimdb ingest` extracted it, and `extractor` which version of its rules did.
-- `pk` is an explicit INTEGER PRIMARY KEY because the FTS index points at it: VACUUM may renumber
-- an implicit rowid, which would silently detach the index from its rows.
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
CREATE INDEX claims_source ON claims (source_id, start);
CREATE INDEX claims_kind_location ON claims (kind, location_id, value);
CREATE INDEX claims_party ON claims (party_id);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_date ON claims (date_start, date_end);
CREATE INDEX claims_date_days ON claims (date_days);
CREATE INDEX claims_said_on ON claims (said_on_start, said_on_end);

-- Claims with names instead of ids: what a person browsing the file in Datasette or the sqlite3
-- shell wants to read. Its columns are the JSON keys of `claimdb export`.
CREATE VIEW claims_view AS
SELECT c.id, c.source_id AS source, c.kind, c.quote, c.start, c."end", c.text,
       p.name AS party, l.name AS location, c.value, c.low, c.high, c.unit, c.qualifier, c.date,
       s.name AS speaker, c.role, c.said_on, c.attribution, c.modality, c.origin, c.extractor
FROM claims AS c
LEFT JOIN entities AS p ON p.id = c.party_id
LEFT JOIN entities AS l ON l.id = c.location_id
LEFT JOIN entities AS s ON s.id = c.speaker_id;

-- Full-text search over quotes and claim texts, kept in sync by triggers.
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    quote, text,
    content="claims", content_rowid="pk",
    tokenize="porter unicode61 remove_diacritics 2"
);
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
