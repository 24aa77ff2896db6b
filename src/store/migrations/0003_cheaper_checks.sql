-- Schema 2 → 3: the same constraints, cheaper to check. A CHECK of the form `x IN ('a', 'b', …)`
-- makes SQLite build a temporary table each time it runs, once per inserted row; `x = 'a' OR x = 'b' …`
-- says the same thing at a fraction of the cost. Only the CHECK text changes, not what is stored, so
-- this edits the stored CREATE TABLE text in place: SQLite documents writable_schema for exactly such
-- changes (https://sqlite.org/lang_altertable.html#otheralter), and every row already satisfies the
-- new text because it means the same. The caller bumps PRAGMA schema_version afterwards.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql, '(kind IN (''person'', ''organization'', ''country'', ''place'', ''operation''))',
    '(kind = ''person'' OR kind = ''organization'' OR kind = ''country'' OR kind = ''place'' OR kind = ''operation'')')
    WHERE type = 'table' AND name = 'entities';
UPDATE sqlite_schema SET sql = replace(sql, '(kind IN (''troops'', ''casualty'', ''capture'', ''strike'', ''operation'', ''statement'', ''milestone'', ''other''))',
    '(kind = ''troops'' OR kind = ''casualty'' OR kind = ''capture'' OR kind = ''strike'' OR kind = ''operation'' OR kind = ''statement'' OR kind = ''milestone'' OR kind = ''other'')')
    WHERE type = 'table' AND name = 'claims';
UPDATE sqlite_schema SET sql = replace(sql, '(qualifier IN (''exact'', ''approximate'', ''at_least'', ''at_most''))',
    '(qualifier = ''exact'' OR qualifier = ''approximate'' OR qualifier = ''at_least'' OR qualifier = ''at_most'')')
    WHERE type = 'table' AND name = 'claims';
UPDATE sqlite_schema SET sql = replace(sql, '(attribution IN (''direct'', ''reported'', ''author''))',
    '(attribution = ''direct'' OR attribution = ''reported'' OR attribution = ''author'')')
    WHERE type = 'table' AND name = 'claims';
UPDATE sqlite_schema SET sql = replace(sql, '(modality IN (''asserted'', ''expected'', ''scheduled'', ''denied''))',
    '(modality = ''asserted'' OR modality = ''expected'' OR modality = ''scheduled'' OR modality = ''denied'')')
    WHERE type = 'table' AND name = 'claims';
PRAGMA writable_schema = OFF;
