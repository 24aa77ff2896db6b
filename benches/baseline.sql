-- What a user would otherwise do with the sqlite3 shell: a table of the same columns, the CSV
-- imported, the same secondary indexes as claimdb's schema, and an FTS5 index over the quote
-- built with 'rebuild'. Run as: sqlite3 FILE < benches/baseline.sql, from the data folder.
CREATE TABLE claims (
    id TEXT, source TEXT, kind TEXT, quote TEXT, start INTEGER, "end" INTEGER, text TEXT, party TEXT,
    location TEXT, value NUMERIC, low NUMERIC, high NUMERIC, unit TEXT, qualifier TEXT, date TEXT,
    speaker TEXT, role TEXT, said_on TEXT, attribution TEXT, modality TEXT, origin TEXT, extractor TEXT
);
.import --csv --skip 1 claims.csv claims
CREATE INDEX claims_source ON claims (source, start);
CREATE INDEX claims_kind_location ON claims (kind, location, value);
CREATE INDEX claims_party ON claims (party);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE INDEX claims_date ON claims (date);
CREATE INDEX claims_said_on ON claims (said_on);
CREATE VIRTUAL TABLE claims_fts USING fts5 (quote, content="claims");
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
