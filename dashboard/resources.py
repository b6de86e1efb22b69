"""Load the pipeline's resources from the data files: the compiled gazetteer, the lexicons and the
boilerplate rules. The stages themselves never open a file; they get what this module builds.

`default_resources()` loads once per process and data folder (the CLI, the app and workers share
it); `settle_for_batch()` is for processes that then run the pipeline over many articles.
"""
from __future__ import annotations

import gc
import gzip
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from dashboard import settings
from dashboard.pipeline import Resources
from dashboard.pipeline.actors import ActorLexicon, actor_lexicon_from_data
from dashboard.pipeline.clean import BoilerplateRules, boilerplate_from_data
from dashboard.pipeline.events import EventLexicon, event_lexicon_from_data
from dashboard.pipeline.geoparse import Gazetteer, gazetteer_from_data
from dashboard.pipeline.operations import OperationLexicon, operation_lexicon_from_data

GAZETTEER_FILE = Path("gazetteer") / "gazetteer.json.gz"  # written by `python -m dashboard gazetteer build`
LEXICON_DIR = Path("lexicons")
NAMES_FILE = LEXICON_DIR / "names.generated.json.gz"  # written by `python -m dashboard names build`


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def load_boilerplate(data_dir: Path) -> BoilerplateRules:
    return boilerplate_from_data(_json(Path(data_dir) / "boilerplate.json"))


def load_gazetteer(data_dir: Path) -> Gazetteer:
    with gzip.open(Path(data_dir) / GAZETTEER_FILE, "rb") as fh:
        return gazetteer_from_data(json.loads(fh.read()))


def load_names(data_dir: Path) -> dict:
    """The generated name lexicon: given names, their Latin spellings, common words."""
    with gzip.open(Path(data_dir) / NAMES_FILE, "rb") as fh:
        return json.loads(fh.read())


def load_actor_lexicon(data_dir: Path) -> ActorLexicon:
    lex = Path(data_dir) / LEXICON_DIR
    return actor_lexicon_from_data(
        countries=_json(lex / "countries.json")["countries"],
        orgs=_json(lex / "organizations.json")["organizations"],
        people=_json(lex / "people.json")["people"],
        cues=_json(lex / "person_cues.json"),
        titles=_json(lex / "titles.json"),
        names=load_names(data_dir),
        first_names_text=(lex / "first_names.txt").read_text(encoding="utf-8"),
    )


def load_event_lexicon(data_dir: Path) -> EventLexicon:
    return event_lexicon_from_data(_json(Path(data_dir) / LEXICON_DIR / "event_triggers.json"))


def load_operations(data_dir: Path) -> OperationLexicon:
    return operation_lexicon_from_data(_json(Path(data_dir) / LEXICON_DIR / "operations.json"))
class SearchNames(NamedTuple):
    """What widens a search to other spellings (see dashboard/store/search.py)."""

    groups: tuple[tuple[str, ...], ...]  # the spellings of one country, person or organisation each
    never: frozenset[str]  # names that are also common words: never searched for


def load_search_names(data_dir: Path) -> SearchNames:
    """Country names in three languages (CLDR, from the borders file), and the spellings of the
    people and organisations of the actor lexicon; the gazetteer's stoplist and the Arabic country
    names that are also words (مالي) are never used."""
    data_dir = Path(data_dir)
    lex = data_dir / LEXICON_DIR
    groups: list[tuple[str, ...]] = []
    borders = _json(data_dir / "borders" / "countries.geojson")
    for feature in borders.get("features", []):
        props = feature.get("properties") or {}
        groups.append(tuple(props[k] for k in ("name_en", "name_fr", "name_ar") if props.get(k)))
    for person in _json(lex / "people.json")["people"]:
        groups.append((person["name"], *person.get("latin", []), *person.get("ar", []), *person.get("short", [])))
    for org in _json(lex / "organizations.json")["organizations"]:
        groups.append((org["name"], *(n for k in ("ar", "fr", "en", "acronyms") for n in org.get(k, []))))
    never = {line.strip() for line in (data_dir / "gazetteer" / "stoplist.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    for country in _json(lex / "countries.json")["countries"]:
        never.update(country.get("ambiguous_ar", []))
    return SearchNames(tuple(groups), frozenset(never))


@lru_cache(maxsize=2)
def load_actor_display_names(data_dir: Path) -> dict[str, dict[str, str]]:
    """{language: {an actor's English name: its usual name in that language}} for the people,
    organisations and countries of the lexicons: the first Arabic spelling, and for organisations
    and countries the first French one (people keep their Latin spelling in French)."""
    lex = Path(data_dir) / LEXICON_DIR
    out: dict[str, dict[str, str]] = {"ar": {}, "fr": {}}
    countries = [{**c, "name": c.get("en")} for c in _json(lex / "countries.json")["countries"]]
    entries = _json(lex / "people.json")["people"] + _json(lex / "organizations.json")["organizations"] + countries
    for entry in entries:
        for lang in ("ar", "fr"):
            spellings = entry.get(lang) or []
            if spellings and entry.get("name"):
                out[lang].setdefault(entry["name"], spellings[0])
    return out


def actor_display_names(data_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """`load_actor_display_names` of the project's data folder."""
    return load_actor_display_names(Path(data_dir or settings.data_dir()))


def search_names(data_dir: Path | None = None) -> SearchNames:
    """`load_search_names` of the project's data folder, once per process."""
    return load_search_names(Path(data_dir or settings.data_dir()))


def load_resources(data_dir: Path) -> Resources:
    """Read every data file the pipeline needs from `data_dir` and build the matchers."""
    return Resources(gazetteer=load_gazetteer(data_dir), actors=load_actor_lexicon(data_dir),
                     events=load_event_lexicon(data_dir), boilerplate=load_boilerplate(data_dir),
                     operations=load_operations(data_dir))


def default_resources(data_dir: Path | None = None) -> Resources:
    """Resources loaded once per process and data folder (the CLI, the app and workers share this)."""
    return _loaded(Path(data_dir or settings.data_dir()).resolve())


@lru_cache(maxsize=2)
def _loaded(data_dir: Path) -> Resources:  # (one cache entry per folder, however the call names it)
    return load_resources(data_dir)


BATCH_YOUNG_GC_THRESHOLD = 10_000  # allocations between young-generation passes (Python's default: 700)


def settle_for_batch(data_dir: Path | None = None) -> Resources:
    """The resources, for a process about to run the pipeline over many articles (the command
    line, a Dask worker, the benchmark): every object alive once they are loaded is taken out of
    the cyclic garbage collector's reach (`gc.freeze`). The gazetteer and lexicons are a few
    hundred thousand objects that live as long as the process; left to the collector, each of its
    full passes walks all of them, a pause of about 60 ms every few hundred articles. The young
    generation is also collected less often (an article's temporary objects are freed by reference
    counting anyway). Not for the app, whose own objects come and go."""
    resources = default_resources(data_dir)
    gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, BATCH_YOUNG_GC_THRESHOLD), *older)
    return resources
