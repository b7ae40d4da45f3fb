//! Arbitrary bytes as an article file through the claim extractor, and as one sentence.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    quotebot_fuzz::check_claims(data);
});
