-- What a user would otherwise do with psql: a table of the same columns, the CSV loaded with
-- \copy, the same secondary indexes as claimdb's PostgreSQL schema, and the same two GIN indexes
-- for full-text search. Run as: psql URL -f benches/baseline.pg.sql, from the data folder.
\set ON_ERROR_STOP on
CREATE TABLE claims (
    id TEXT COLLATE "C", source TEXT COLLATE "C", kind TEXT COLLATE "C", quote TEXT COLLATE "C", start BIGINT,
    "end" BIGINT, text TEXT COLLATE "C", party TEXT COLLATE "C", location TEXT COLLATE "C", value DOUBLE PRECISION,
    low DOUBLE PRECISION, high DOUBLE PRECISION, unit TEXT COLLATE "C", qualifier TEXT COLLATE "C",
    date TEXT COLLATE "C", speaker TEXT COLLATE "C", role TEXT COLLATE "C", said_on TEXT COLLATE "C",
    attribution TEXT COLLATE "C", modality TEXT COLLATE "C", origin TEXT COLLATE "C", extractor TEXT COLLATE "C"
);
\copy claims FROM 'claims.csv' WITH (FORMAT csv, HEADER true)
CREATE UNIQUE INDEX claims_id ON claims (id);
CREATE INDEX claims_source ON claims (source, start);
CREATE INDEX claims_kind_location ON claims (kind, location, value);
CREATE INDEX claims_party ON claims (party);
CREATE INDEX claims_speaker ON claims (speaker);
CREATE INDEX claims_date ON claims (date);
CREATE INDEX claims_said_on ON claims (said_on);
CREATE INDEX claims_fts_quote ON claims USING gin (to_tsvector('english', quote));
CREATE INDEX claims_fts ON claims USING gin ((to_tsvector('english', quote) || to_tsvector('english', text)));
