//! The page in a real browser: headless Chromium (Debian's `chromium`) opens `claimdb view`'s
//! page; a real mouse moved over a claim, and the Tab key, each bring up its reading; nothing is
//! logged to the console; screenshots are taken. Skips with a reason when Chromium is not installed, except
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

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// commands on fd 3, replies and events on fd 4, each JSON message ended by a NUL), so the test
/// can move a real mouse over a claim. No client crate: the protocol here is a dozen messages.
struct Browser {
    child: std::process::Child,
    to: std::fs::File,
    from: std::io::BufReader<std::fs::File>,
    next: u64,
    /// Console messages and log entries the page produced.
    console: Vec<String>,
}

impl Browser {
    fn start(chromium: &Path) -> Browser {
        use std::os::unix::io::FromRawFd;
        use std::os::unix::process::CommandExt;
        let (mut cmd_pipe, mut out_pipe) = ([0; 2], [0; 2]);
        // SAFETY: two fresh pipes; their ends are owned below exactly once.
        unsafe {
            assert_eq!(libc::pipe(cmd_pipe.as_mut_ptr()), 0);
            assert_eq!(libc::pipe(out_pipe.as_mut_ptr()), 0);
        }
        let (child_read, child_write) = (cmd_pipe[0], out_pipe[1]);
        let mut c = Command::new(chromium);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--remote-debugging-pipe",
            "--allow-file-access-from-files",
            "--window-size=1280,900",
            "about:blank",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
        // SAFETY: between fork and exec only async-signal-safe calls (dup2) run.
        unsafe {
            c.pre_exec(move || {
                if libc::dup2(child_read, 3) < 0 || libc::dup2(child_write, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = c.spawn().expect("chromium starts");
        // A browser that hangs must fail the test, not hold CI: after a minute it is killed,
        // its pipe closes, and the read waiting on it fails.
        let pid = child.id() as libc::pid_t;
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(60));
            // SAFETY: a plain signal to the child's pid.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        });
        // SAFETY: the parent's ends, owned from here on; the child's ends are closed here.
        let (to, from) = unsafe {
            libc::close(child_read);
            libc::close(child_write);
            (std::fs::File::from_raw_fd(cmd_pipe[1]), std::fs::File::from_raw_fd(out_pipe[0]))
        };
        Browser { child, to, from: std::io::BufReader::new(from), next: 0, console: Vec::new() }
    }

    /// Sends a command (to a page's session, if given) and waits for its reply's `result`.
    fn call(&mut self, session: Option<&str>, method: &str, params: serde_json::Value) -> serde_json::Value {
        use std::io::{BufRead, Write};
        self.next += 1;
        let id = self.next;
        let mut msg = serde_json::json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = s.into();
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).unwrap();
        loop {
            let mut buf = Vec::new();
            let n = self.from.read_until(0, &mut buf).unwrap();
            assert!(n > 0, "chromium closed the pipe waiting for {method}");
            buf.pop();
            let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
            match v["method"].as_str() {
                Some("Runtime.consoleAPICalled") => self.console.push(v["params"].to_string()),
                Some("Runtime.exceptionThrown") | Some("Log.entryAdded") => self.console.push(v["params"].to_string()),
                _ => {}
            }
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
        }
    }

    fn eval(&mut self, session: &str, js: &str) -> serde_json::Value {
        let r =
            self.call(Some(session), "Runtime.evaluate", serde_json::json!({"expression": js, "returnByValue": true}));
        r["result"]["value"].clone()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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

#[test]
fn a_real_mouse_and_the_tab_key_show_a_claims_reading() {
    let Some(chromium) = chromium() else {
        assert!(std::env::var_os("CI").is_none(), "CI must run the browser test: install Debian's chromium");
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    let env = Env::new();
    let db = env.sample_db("s.db");
    env.run(&["--db", db.to_str().unwrap(), "view", "centcom-isis-2025-01", "-o", "page.html"]).expect(0);
    let mut b = Browser::start(&chromium);
    let url = format!("file://{}", env.path("page.html").display());
    let target = b.call(None, "Target.createTarget", serde_json::json!({"url": url}));
    let attached =
        b.call(None, "Target.attachToTarget", serde_json::json!({"targetId": target["targetId"], "flatten": true}));
    let s = attached["sessionId"].as_str().unwrap().to_string();
    b.call(Some(&s), "Runtime.enable", serde_json::json!({}));
    b.call(Some(&s), "Log.enable", serde_json::json!({}));
    // A headless page has no window focus to move with Tab unless it is given one.
    b.call(Some(&s), "Page.bringToFront", serde_json::json!({}));
    b.call(Some(&s), "Emulation.setFocusEmulationEnabled", serde_json::json!({"enabled": true}));
    let mut ready = false;
    for _ in 0..100 {
        if b.eval(&s, "document.readyState === 'complete' && !!document.getElementById('span-cc16')") == true {
            ready = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(ready, "the page loaded");
    let box_of = "(() => { const m = document.getElementById('span-cc16'); const b = getComputedStyle(m, '::after'); \
                  return {hover: m.matches(':hover'), focus: document.activeElement === m, shown: b.content, \
                  reading: m.getAttribute('data-reading')}; })()";
    let at = b.eval(
        &s,
        "(() => { const m = document.getElementById('span-cc16'); m.scrollIntoView({block: 'center'}); \
         const r = m.getClientRects()[0]; return {x: r.left + 20, y: r.top + r.height / 2}; })()",
    );
    // Nothing shows before the mouse comes.
    assert_eq!(b.eval(&s, box_of)["shown"], "none");
    b.call(Some(&s), "Input.dispatchMouseEvent", serde_json::json!({"type": "mouseMoved", "x": at["x"], "y": at["y"]}));
    let hovered = b.eval(&s, box_of);
    let reading = hovered["reading"].as_str().unwrap().to_string();
    assert!(reading.starts_with("troops · around 2,500 troops"), "{reading}");
    assert_eq!(hovered["hover"], true, "{hovered}");
    assert_eq!(hovered["shown"], format!("\"{reading}\""), "the reading shows on hover");
    b.call(Some(&s), "Input.dispatchMouseEvent", serde_json::json!({"type": "mouseMoved", "x": 1, "y": 1}));
    assert_eq!(b.eval(&s, box_of)["shown"], "none", "and goes when the mouse does");
    // Tab through the highlights, as a keyboard user would, to the troop figure (at most twice
    // round the page's 34 highlights and 34 list links).
    let mut focused = serde_json::Value::Null;
    for _ in 0..150 {
        for kind in ["keyDown", "keyUp"] {
            b.call(
                Some(&s),
                "Input.dispatchKeyEvent",
                serde_json::json!({"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}),
            );
        }
        focused = b.eval(&s, box_of);
        if focused["focus"] == true {
            break;
        }
    }
    assert_eq!(focused["focus"], true, "Tab reaches the claim: {focused}");
    assert_eq!(focused["shown"], format!("\"{reading}\""), "the reading shows on focus");
    let shot = b.call(Some(&s), "Page.captureScreenshot", serde_json::json!({"format": "png"}));
    let data = shot["data"].as_str().unwrap();
    assert!(data.starts_with("iVBORw0KGgo") && data.len() > 10_000, "a PNG screenshot");
    assert!(b.console.is_empty(), "the console stays quiet: {:?}", b.console);
}
