use std::io::Write;
use std::process::{Command, Stdio};

fn quotebot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotebot"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CORPUS_DIR")
        .env_remove("DISCORD_TOKEN")
        .env("RUST_LOG", "warn");
    cmd
}

#[test]
fn ask_answers_one_line_with_speaker_date_and_source() {
    let out = quotebot()
        .args(["ask", "/quote topic:sovereignty"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Speaker: Xi Jinping, President"),
        "{stdout}"
    );
    assert!(stdout.contains("When: 2014-11-19"), "{stdout}");
    assert!(
        stdout.contains("Source: China to step up cyberspace cooperation — China Daily"),
        "{stdout}"
    );
}

#[test]
fn ask_fails_with_the_message_on_stderr() {
    let out = quotebot()
        .args(["ask", "/quote from:someday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().trim(),
        "from: `someday` is not a date; write 2015, 2015-09, 2015-09-26 or 26 September 2015"
    );
}

#[test]
fn no_arguments_without_a_token_opens_the_console() {
    let mut child = quotebot()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"/claim topic:\"internet users\"\n/quote speaker:Xi\nnext\n/quote when:now\nquit\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("No DISCORD_TOKEN set: opening the local console"),
        "{stderr}"
    );
    assert!(stdout.contains("854 million — internet users"), "{stdout}");
    assert!(stdout.contains("(page 2 of"), "{stdout}");
    assert!(
        stdout.contains(
            "! when: /quote has no option `when`; it takes topic, speaker, source, from, to"
        ),
        "{stdout}"
    );
}
