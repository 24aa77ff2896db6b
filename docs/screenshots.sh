#!/bin/sh
# Regenerates README's two pictures with Debian's chromium: the sample's page (docs/view.png) and
# the sample's terminal timeline (docs/timeline.png, the text drawn in a monospace <pre>).
set -eu
cd "$(dirname "$0")/.."
cargo build --release -q
mkdir -p target/screens
./target/release/claimdb view centcom-isis-2025-01 -o target/screens/page.html 2>/dev/null
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" --screenshot="$2" "file://$PWD/$3" 2>/dev/null; }
shot 1280,820 docs/view.png target/screens/page.html
{
    printf '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#1e1e1e">'
    printf '<pre style="color:#e8e8e8;font:14px/1.3 DejaVu Sans Mono,monospace;padding:14px;margin:0">'
    printf '$ claimdb timeline --width 100\n'
    ./target/release/claimdb timeline --width 100 2>/dev/null | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g'
    printf '</pre>'
} > target/screens/timeline.html
shot 1000,760 docs/timeline.png target/screens/timeline.html
echo "wrote docs/view.png and docs/timeline.png"
