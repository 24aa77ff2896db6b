#!/usr/bin/env python3
"""How often two annotators agree on claims' dates, and how often claimdb agrees with each.

The first annotator's dates are the gold (tests/gold/NAME.ndjson; the bundled article's in
examples/sample). A second annotator, who saw neither those dates nor the extractor or its output,
dated the same claims (same quotes and offsets) from the guide in tests/gold/README.md: NAME.dates.ndjson
here. Run from the repository root after `cargo build --release`:

    python3 tests/gold/second-pass/agreement.py [-v]

With -v, every claim the two annotators date differently.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = 'target/release/claimdb'


def load(path):
    return [json.loads(line) for line in open(path, encoding='utf-8') if line.strip()]


def main():
    total = same = 0
    matched = with_first = with_second = 0
    differ = []
    for path in sorted(glob.glob(os.path.join(HERE, '*.dates.ndjson'))):
        name = os.path.basename(path)[: -len('.dates.ndjson')]
        second = load(path)
        if name == 'sample':
            gold = [c for c in load('examples/sample/claims.ndjson') if c.get('type') == 'claim']
            text, published = 'examples/sample/article.txt', '2025-01-06'
        else:
            gold = load(f'tests/gold/{name}.ndjson')
            text = f'tests/corpus/{name}.txt'
            published = json.load(open(f'tests/corpus/{name}.meta.json'))['published']
        assert len(gold) == len(second), name
        out = subprocess.run(
            [BIN, '--db', '/tmp/claimdb-agreement.db', 'ingest', '--dry-run', '--format', 'ndjson',
             '--published', published, text],
            capture_output=True, text=True, check=True).stdout
        ours = [json.loads(line) for line in out.splitlines() if line.strip()]
        for claim, other in zip(gold, second):
            total += 1
            if claim.get('date') == other['date']:
                same += 1
            else:
                differ.append((name, claim['kind'], claim['quote'][:60], claim.get('date'), other['date']))
            # claimdb's claim of the same kind whose words overlap the gold's.
            mine = next((o for o in ours if o['kind'] == claim['kind']
                         and o['start'] < claim['end'] and claim['start'] < o['end']), None)
            if mine is not None:
                matched += 1
                with_first += mine.get('date') == claim.get('date')
                with_second += mine.get('date') == other['date']
    print(f'{total} claims: the two annotators give the same date to {same} ({same / total:.3f})')
    print(f'claimdb, on the {matched} it also finds: the first annotator\'s date {with_first} '
          f'({with_first / matched:.3f}), the second\'s {with_second} ({with_second / matched:.3f})')
    if '-v' in sys.argv:
        for row in differ:
            print(*row, sep=' | ')


if __name__ == '__main__':
    main()
