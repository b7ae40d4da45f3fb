//! Arbitrary bytes as an article file, through the quote extractor.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    quotebot_fuzz::check_quotes(data);
});
