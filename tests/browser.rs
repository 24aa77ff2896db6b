//! The page in a real browser: headless Chromium (Debian's `chromium`) opens `claimdb view`'s
//! page, a claim's highlight takes keyboard focus and shows its reading, nothing is logged to the
//! console, and a screenshot is taken. Skips with a reason when Chromium is not installed, except
//! under CI (`CI` set), where a skip is a failure: `.ci/run` installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Env;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        let out = Command::new("sh").args(["-c", &format!("command -v {name}")]).output().ok()?;
        out.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
    })
}

fn headless(chromium: &Path, args: &[&str]) -> std::process::Output {
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
            "--window-size=1280,900",
        ])
        .args(args)
        .output()
        .expect("chromium runs")
}

/// What the page itself logged: console messages and resources it failed to load.
fn console_errors(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains("CONSOLE") || l.contains("Failed to load") || l.contains("Uncaught")).collect()
}

#[test]
fn a_claim_shows_its_reading_on_focus_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must run the browser test: install Debian's chromium");
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let env = Env::new();
    let db = env.sample_db("s.db");
    env.run(&["--db", db.to_str().unwrap(), "view", "centcom-isis-2025-01", "-o", "page.html"]).expect(0);
    let page = env.path("page.html");

    // The page alone: it loads with nothing logged.
    let out = headless(&chromium, &["--dump-dom", &format!("file://{}", page.display())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("span-cc16"));
    assert!(console_errors(&stderr).is_empty(), "console: {:?}", console_errors(&stderr));

    // A harness frames the page, focuses the troop figure's highlight as Tab would, and reads
    // what the highlight then shows (its ::after box) back into the DOM Chromium dumps.
    let harness = env.write(
        "harness.html",
        r#"<!doctype html><html><body>
<iframe id="f" src="page.html" style="width:1200px;height:800px;border:0"></iframe>
<pre id="result">pending</pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = document.getElementById('f').contentDocument;
  var m = d.getElementById('span-cc16');
  m.scrollIntoView();
  m.focus();
  var box = getComputedStyle(m, '::after');
  // Hover shows the same box: the rule that draws it on focus names :hover as well.
  var hover = false;
  var rules = d.styleSheets[0].cssRules;
  for (var i = 0; i < rules.length; i++) {
    var t = rules[i].selectorText || '';
    if (t.indexOf(':hover::after') >= 0 && t.indexOf(':focus::after') >= 0) { hover = true; }
  }
  document.getElementById('result').textContent = JSON.stringify({
    focused: d.activeElement === m,
    shown: box.content,
    visible: box.display !== 'none' && box.position === 'absolute',
    hover: hover,
    reading: m.getAttribute('data-reading')
  });
});
</script></body></html>"#,
    );
    let out = headless(&chromium, &["--dump-dom", &format!("file://{}", harness.display())]);
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"result\">").expect("the harness ran") + "<pre id=\"result\">".len();
    let result = &dom[start..start + dom[start..].find("</pre>").unwrap()];
    let result: serde_json::Value = serde_json::from_str(&result.replace("&quot;", "\"").replace("&amp;", "&"))
        .unwrap_or_else(|e| panic!("{e}: {result}"));
    assert_eq!(result["focused"], true, "{result}");
    assert_eq!(result["visible"], true, "{result}");
    assert_eq!(result["hover"], true, "{result}");
    let reading = result["reading"].as_str().unwrap();
    assert!(reading.starts_with("troops · around 2,500 troops"), "{reading}");
    assert_eq!(result["shown"].as_str().unwrap(), format!("\"{reading}\""), "the reading appears on focus");

    // A screenshot of the focused state.
    let shot = env.path("focused.png");
    let out =
        headless(&chromium, &[&format!("--screenshot={}", shot.display()), &format!("file://{}", harness.display())]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
}
