//! Arbitrary bytes as an article file: decoding (UTF-8, UTF-16 with a byte-order mark), front
//! matter, metadata detection and cleaning.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    quotebot_fuzz::check_parse(data);
});
