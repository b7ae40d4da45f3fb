use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn quotebot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotebot"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CORPUS_DIR")
        .env_remove("DISCORD_TOKEN");
    cmd
}

#[test]
fn export_lists_the_corpus_with_speakers_and_occasion_dates() {
    let out = quotebot().args(["export"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"].as_array().unwrap().len(), 5);
    let quotes = doc["quotes"].as_array().unwrap();
    let sovereignty = quotes
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .contains("respect cyber sovereignty")
        })
        .expect("the 2014 message is extracted");
    assert_eq!(sovereignty["speaker"], "Xi Jinping");
    assert_eq!(sovereignty["kind"], "block");
    assert_eq!(sovereignty["said_on"], "2014-11-19");
    // Spans point at the words in the file.
    let file = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/001_f51e464d7cf6a9c4.txt"),
    )
    .unwrap();
    let (s, e) = (
        sovereignty["span"]["start"].as_u64().unwrap() as usize,
        sovereignty["span"]["end"].as_u64().unwrap() as usize,
    );
    assert!(file[s..e].contains("respect cyber sovereignty"));
}

#[test]
fn extract_reports_bad_files_and_still_extracts_the_good_ones() {
    let dir = std::env::temp_dir().join(format!("quotebot-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    std::fs::write(
        &good,
        "A title here\n\n\"We will keep every promise we made to the voters,\" said Jane Doe.\n",
    )
    .unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0x41, 0x9f, 0x92, 0x96]).unwrap();
    let broken = dir.join("broken.md");
    std::fs::write(&broken, "---\ntitle: x\nno colon here\n---\nBody.\n").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n  \n").unwrap();
    let missing = dir.join("missing.txt");
    let out = quotebot()
        .arg("extract")
        .args([&good, &binary, &broken, &empty, &missing])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("binary.txt: line 1: not UTF-8 text (invalid byte at offset 1)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.md: line 3: expected `key: value`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.txt: the article has no text"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt: cannot read"), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["quotes"][0]["speaker"], "Jane Doe");
    assert_eq!(doc["articles"][0]["file"], good.display().to_string());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_of_a_missing_folder_says_what_to_do() {
    let out = quotebot()
        .args(["export", "--corpus", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no/such/folder") && stderr.contains("--corpus"),
        "{stderr}"
    );
}

#[test]
fn check_reports_every_bad_file_and_loads_the_rest() {
    let dir = std::env::temp_dir().join(format!("quotebot-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good =
        "Title of it\n\n\"We will keep every promise we made to the voters,\" said Jane Doe.\n";
    let mut good_files = 0;
    let mut write_good = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.join(name), bytes).unwrap();
        good_files += 1;
    };
    write_good("good.txt", good.as_bytes());
    // UTF-16 with a byte-order mark (either order), and UTF-8 with one before front matter.
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
    write_good("utf16.txt", &utf16);
    let mut utf16be = vec![0xfe, 0xff];
    utf16be.extend(good.encode_utf16().flat_map(u16::to_be_bytes));
    write_good("utf16be.txt", &utf16be);
    write_good(
        "bom.md",
        format!("\u{feff}---\ntitle: With BOM\npublished: 2020\nsource: X\n---\n{good}").as_bytes(),
    );
    // Careless but readable text loads: quotes never closed, a megabyte without a full stop,
    // punctuation repeated 100,000 times, quotes nested deep, unusual Unicode.
    write_good(
        "unbalanced.txt",
        "Title\n\nHe said “ we will go on and \" on and “ on and on.\n\n\"Every promise,\" said Jane Doe.\n"
            .as_bytes(),
    );
    write_good(
        "no-full-stop.txt",
        "the talks went on and on, with 12 votes cast "
            .repeat((1 << 20) / 45 + 1)
            .as_bytes(),
    );
    write_good("punctuation.txt", "!?.".repeat(100_000).as_bytes());
    write_good("nested.txt", "“‘“‘".repeat(10_000).as_bytes());
    write_good(
        "unicode.txt",
        "عنوان \u{200f}\u{200d}👩‍👩‍👧 中文报道\n\n“We welcome every visitor 🙂 to the fair,” said Ana Lima.\n"
            .as_bytes(),
    );
    for i in 0..2000 {
        write_good(
            &format!("tiny-{i:04}.txt"),
            format!("Note {i}: \"Short words here for the record,\" said Ann Lee.\n").as_bytes(),
        );
    }
    // The bad ones, each with what `check` must say about it.
    let mut expected = vec![];
    let mut write_bad = |name: &str, bytes: &[u8], says: &str| {
        std::fs::write(dir.join(name), bytes).unwrap();
        expected.push(format!("error: {}: {says}", dir.join(name).display()));
    };
    write_bad(
        "binary.txt",
        b"PK\x03\x04\x00\x00binary",
        "line 1: binary data (a NUL byte at offset 4)",
    );
    write_bad(
        "latin1.txt",
        b"Title\n\nCaf\xe9 au lait, he said.\n",
        "line 3: not UTF-8 text (invalid byte at offset 10)",
    );
    let mut bad16 = vec![0xff, 0xfe];
    bad16.extend("Title\nA lone ".encode_utf16().flat_map(u16::to_le_bytes));
    bad16.extend([0x00, 0xd8, b'x', 0x00]); // a high surrogate with nothing after it
    write_bad(
        "utf16-broken.txt",
        &bad16,
        "line 2: not UTF-8 text (invalid byte at offset 28)",
    );
    write_bad("empty.txt", b"", "the article has no text");
    write_bad(
        "half.md",
        b"---\ntitle: never closed\nauthor: Jane Doe\n",
        "line 1: front matter opened here is never closed",
    );
    write_bad(
        "partial.md",
        b"---\ntitle: never closed\n\nThe body.\n",
        "line 4: expected `key: value` in front matter, found `The body.` (if the front matter \
         ended above, close it with a line of `---`)",
    );
    write_bad(
        "broken.md",
        b"---\ntitle: x\nno colon here\n---\nBody.\n",
        "line 3: expected `key: value` in front matter, found `no colon here`",
    );
    // A 100 MB article, written as text: refused by its size before it is read.
    {
        use std::io::Write;
        let mut big = std::io::BufWriter::new(std::fs::File::create(dir.join("big.txt")).unwrap());
        let block = "\"We will go on,\" said Jane Doe. ".repeat(1 << 15);
        for _ in 0..100 {
            big.write_all(block.as_bytes()).unwrap();
        }
        big.flush().unwrap();
        let size = std::fs::metadata(dir.join("big.txt")).unwrap().len();
        assert!(size >= 100_000_000, "{size}");
        expected.push(format!(
            "error: {}: {size} bytes is too large for one article (the limit is 16 MiB)",
            dir.join("big.txt").display()
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(dir.join("loop-b.txt"), dir.join("loop-a.txt")).unwrap();
        symlink(dir.join("loop-a.txt"), dir.join("loop-b.txt")).unwrap();
        symlink(dir.join("gone"), dir.join("dangling.txt")).unwrap();
        // A link back to the folder itself: not an article, and not followed.
        symlink(&dir, dir.join("again.txt")).unwrap();
        for name in ["loop-a.txt", "loop-b.txt", "dangling.txt"] {
            expected.push(format!(
                "error: {}: cannot read: ",
                dir.join(name).display()
            ));
        }
    }
    let out = quotebot()
        .args(["--corpus", &dir.display().to_string(), "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for says in &expected {
        assert!(
            stdout.contains(says.as_str()),
            "missing `{says}` in:\n{stdout}"
        );
    }
    let errors = stdout.lines().filter(|l| l.starts_with("error: ")).count();
    assert_eq!(errors, expected.len(), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{good_files} articles loaded, {} errors",
            expected.len()
        )),
        "{stdout}"
    );
    // The UTF-16 file is read as text and extracted like the UTF-8 one.
    let out = quotebot()
        .args([
            "extract",
            &dir.join("utf16.txt").display().to_string(),
            &dir.join("bom.md").display().to_string(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["quotes"][0]["speaker"], "Jane Doe");
    assert_eq!(doc["articles"][1]["title"], "With BOM");
    assert_eq!(doc["quotes"][1]["speaker"], "Jane Doe");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `quotebot extract big.txt | head`: the reader closes the pipe early, and quotebot ends quietly
/// with success instead of panicking on the failed write.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // Far more output than a pipe buffers (64 KiB), so writes are still due when it closes.
    let dir = std::env::temp_dir().join(format!("quotebot-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    let paragraph = "\"We will keep every promise we made to the voters,\" said Jane Doe.\n\n";
    std::fs::write(&big, format!("A title here\n\n{}", paragraph.repeat(2000))).unwrap();
    let mut child = quotebot()
        .arg("extract")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: every later write fails with a broken pipe.
    let out = child.wait_with_output().unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit {:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
