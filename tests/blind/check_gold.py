#!/usr/bin/env python3
"""Check the held-out gold: every NAME.ndjson line parses, has exactly the guide's keys,
and its quote equals text[start:end] of NAME.txt (read as UTF-8 with newline='')."""
import glob, json, os, re, sys

KEYS = ["kind", "quote", "start", "end", "value", "low", "high", "unit", "qualifier", "date",
        "party", "location", "speaker", "role", "said_on", "attribution", "modality"]
KINDS = {"troops", "casualty", "capture", "strike", "operation", "statement", "milestone", "other"}
QUALS = {None, "exact", "approximate", "at_least", "at_most"}
ATTR = {"direct", "reported", "author"}
MODS = {"asserted", "expected", "scheduled", "denied"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
META = ["title", "url", "publisher", "published", "license", "retrieved_from"]

here = os.path.dirname(os.path.abspath(__file__))
errors = 0
def err(msg):
    global errors
    errors += 1
    print("ERROR", msg)

for nd in sorted(glob.glob(os.path.join(here, "*.ndjson"))):
    name = os.path.basename(nd)[:-len(".ndjson")]
    with open(os.path.join(here, name + ".txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    with open(os.path.join(here, name + ".meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if sorted(meta) != sorted(META):
        err(f"{name}.meta.json keys {sorted(meta)}")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", meta.get("published", "")):
        err(f"{name}.meta.json published {meta.get('published')!r}")
    if not os.path.exists(os.path.join(here, name + ".notes.md")):
        err(f"{name}.notes.md missing")
    last = (-1, -1)
    with open(nd, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            where = f"{name}.ndjson:{i}"
            try:
                c = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{where}: {e}"); continue
            if list(c) != KEYS:
                err(f"{where}: keys {list(c)}"); continue
            if text[c["start"]:c["end"]] != c["quote"]:
                err(f"{where}: quote mismatch {c['quote']!r} vs {text[c['start']:c['end']]!r}")
            if (c["start"], c["end"]) < last:
                err(f"{where}: not in text order")
            last = (c["start"], c["end"])
            if c["kind"] not in KINDS: err(f"{where}: kind {c['kind']}")
            if c["qualifier"] not in QUALS: err(f"{where}: qualifier {c['qualifier']}")
            if c["attribution"] not in ATTR: err(f"{where}: attribution {c['attribution']}")
            if c["modality"] not in MODS: err(f"{where}: modality {c['modality']}")
            trio = [c["value"] is None, c["unit"] is None, c["qualifier"] is None]
            if len(set(trio)) != 1: err(f"{where}: value/unit/qualifier must be all or none")
            if c["value"] is None and (c["low"] is not None or c["high"] is not None):
                err(f"{where}: bounds without value")
            if c["qualifier"] == "at_least" and c["low"] is None: err(f"{where}: at_least without low")
            for k in ("date", "said_on"):
                if c[k] is not None and not DATE.match(c[k]): err(f"{where}: {k} {c[k]!r}")
            if c["attribution"] == "author" and any(c[k] is not None for k in ("speaker", "role", "said_on")):
                err(f"{where}: author claim with speaker/role/said_on")
            if c["attribution"] != "author" and c["speaker"] is None:
                err(f"{where}: {c['attribution']} claim without speaker")
            if c["kind"] == "statement" and c["attribution"] != "direct":
                err(f"{where}: statement not direct")
print("checked", len(glob.glob(os.path.join(here, "*.ndjson"))), "files;", errors, "errors")
sys.exit(1 if errors else 0)
