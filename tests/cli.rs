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
    assert!(stderr.contains("binary.txt: not UTF-8 text"), "{stderr}");
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
    std::fs::write(dir.join("good.txt"), good).unwrap();
    // UTF-16 with a byte-order mark, and UTF-8 with one before front matter: both are text.
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(good.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    std::fs::write(
        dir.join("bom.md"),
        format!("\u{feff}---\ntitle: With BOM\npublished: 2020\nsource: X\n---\n{good}"),
    )
    .unwrap();
    std::fs::write(dir.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("half.md"), "---\ntitle: never closed\n").unwrap();
    std::fs::File::create(dir.join("huge.txt"))
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("loop-b.txt"), dir.join("loop-a.txt")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop-a.txt"), dir.join("loop-b.txt")).unwrap();
    }
    for i in 0..2000 {
        std::fs::write(
            dir.join(format!("tiny-{i:04}.txt")),
            format!("Note {i}: \"Short words here for the record,\" said Ann Lee.\n"),
        )
        .unwrap();
    }
    let out = quotebot()
        .args(["--corpus", &dir.display().to_string(), "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("binary.txt: binary data"), "{stdout}");
    assert!(
        stdout.contains("empty.txt: the article has no text"),
        "{stdout}"
    );
    assert!(
        stdout.contains("half.md: line 1: front matter opened here is never closed"),
        "{stdout}"
    );
    assert!(
        stdout.contains("huge.txt: 17825792 bytes is too large"),
        "{stdout}"
    );
    assert!(stdout.contains("articles loaded"), "{stdout}");
    assert!(
        stdout.contains("2003 articles loaded, 4 errors"),
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
