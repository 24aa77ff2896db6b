-- Schema 1 → 2: the readable view and the full-text index over quotes and claim texts, with the
-- triggers that keep it in sync. Schema 1 was the store's first cut: the four tables alone.
CREATE VIEW claims_view AS
SELECT c.id, c.source_id AS source, c.kind, c.quote, c.start, c."end", c.text,
       p.name AS party, l.name AS location, c.value, c.unit, c.qualifier, c.date,
       s.name AS speaker, c.role, c.said_on, c.attribution, c.modality
FROM claims AS c
LEFT JOIN entities AS p ON p.id = c.party_id
LEFT JOIN entities AS l ON l.id = c.location_id
LEFT JOIN entities AS s ON s.id = c.speaker_id;

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
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
