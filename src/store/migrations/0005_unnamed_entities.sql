-- Schema 4 → 5: entities of kind `unnamed`, the people a text does not name ("residents said",
-- "according to security sources"), so what they said is reported speech with a speaker instead
-- of the author's own words. The CHECK only widens, so every row already meets it and the stored
-- CREATE TABLE text is edited in place, as 0003 did (https://sqlite.org/lang_altertable.html#otheralter).
-- The caller bumps PRAGMA schema_version afterwards.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, 'kind = ''place'' OR kind = ''operation'')',
    'kind = ''place'' OR kind = ''operation''
                     OR kind = ''unnamed'')')
    WHERE type = 'table' AND name = 'entities';
PRAGMA writable_schema = OFF;
