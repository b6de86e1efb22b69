"""The name lexicon built from names-dataset and wordfreq: reproducible, and what it holds."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pipeline.arabic import fold
from dashboard.pipeline.translit import soft_fold
from dashboard.resources import load_names

DATA = Path(__file__).resolve().parent.parent / "data"
COMPILED = DATA / "lexicons" / "names.generated.json.gz"
BUILD_PACKAGES = ("names_dataset", "wordfreq", "babel")


@pytest.fixture(scope="module")
def names():
    return load_names(DATA)


@pytest.fixture(scope="module")
def latin(names):
    return {fold(n) for n in names["latin"]}


@pytest.fixture(scope="module")
def arabic(names):
    return {soft_fold(n): spelling for n, spelling in names["arabic"]}


@pytest.mark.slow
@pytest.mark.skipif(any(importlib.util.find_spec(m) is None for m in BUILD_PACKAGES),
                    reason="the build packages (pyproject extra `data`: names-dataset, wordfreq, babel) are not installed")
def test_committed_name_lexicon_is_what_the_build_writes(tmp_path):
    (tmp_path / "lexicons").mkdir()
    shutil.copy(DATA / "lexicons" / "titles.json", tmp_path / "lexicons" / "titles.json")
    from dashboard.build.names import build_names

    built = build_names(tmp_path)
    assert built.read_bytes() == COMPILED.read_bytes(), "run: python -m dashboard names build"


def test_the_pipeline_reads_the_lexicon_without_the_build_packages():
    code = ("import sys; from pathlib import Path; from dashboard.resources import load_actor_lexicon;"
            f"load_actor_lexicon(Path({str(DATA)!r}));"
            f"print(sorted(m for m in {BUILD_PACKAGES!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DATA.parent).stdout.strip()
    assert out == "[]"


def test_the_file_is_small_and_its_lists_sorted(names):
    assert COMPILED.stat().st_size < 1_000_000
    assert names["latin"] == sorted(set(names["latin"]))
    assert [n for n, _ in names["arabic"]] == sorted({n for n, _ in names["arabic"]})
    assert all(words == sorted(set(words)) for words in names["common"].values())


@pytest.mark.parametrize("name", ["Mohamed", "Youssef", "Abdelkader", "Mahamadou", "Boubacar", "Jean", "Dmitry",
                                  "Recep", "Ursula", "Boaz", "Said", "Mark"])
def test_given_names_of_the_region_and_the_powers_are_in(name, latin):
    assert fold(name) in latin


@pytest.mark.parametrize("word", ["general", "colonel", "ministre", "president", "ambassador",  # titles
                                  "chad", "jordan", "israel",                                   # countries
                                  "will", "les", "none", "lawyer", "song"])                     # vocabulary
def test_titles_countries_and_common_words_are_no_given_names(word, latin):
    assert word not in latin


def test_arabic_given_names_and_their_usual_spelling(arabic):
    assert arabic["محمد"] == "Mohamed"
    assert arabic["محمود"] == "Mahmoud"
    assert arabic["صبحي"] == "Sobhi"
    assert arabic["نور الدين"] == "Noureddine"


def test_the_preposition_that_folds_like_ali_is_no_given_name(arabic):
    assert "علي" in arabic
    assert "على" not in arabic
    assert "في" not in arabic and "من" not in arabic


def test_titles_are_no_arabic_given_names(arabic):
    assert not {"اللواء", "العميد", "وزير", "السفير"} & set(arabic)


def test_common_words_in_three_languages(names):
    common = {lang: set(words) for lang, words in names["common"].items()}
    assert {"the", "said", "will"} <= common["en"]
    assert {"les", "avec", "armee"} <= common["fr"]
    assert {"في", "الدفاع", "مذكره"} <= common["ar"]
    assert "chanegriha" not in common["fr"] | common["en"]
