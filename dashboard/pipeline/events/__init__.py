"""Find and date security-cooperation events, one per type and clause.

For each sentence (split further into clauses at commas and contrast words), trigger words from
`data/lexicons/event_triggers.json` give the event types; each event then takes a date, a place,
actors, a status and a confidence, and mentions of one event are merged. One module a question:

- `stage`: the stage itself, `find_events`: the article read sentence by sentence;
- `lexicon`: the trigger, context and marker words, loaded once (`EventLexicon`);
- `triggers`: where the article names an event type; references back, Arabic clitics and tenses;
- `sentences`: sentences, clauses, quoted words, passages around the triggers;
- `context`: what one article's sentences share (markers, dates, quotes), found once;
- `mentions`: the events one sentence tells, one per clause and type;
- `eventness`: whether a mention is a specific news event (not generic, habitual, hypothetical, a
  caption...), and the confidence;
- `dating`: which date expression is the event's (not the report's), else a neighbour sentence's
  day or the publication date;
- `placing`: the place nearest the trigger, refined to the city of a visit;
- `status`: happened, planned or cancelled, negation respected;
- `merging`: references back and several mentions of one event made one (a headline and its lead,
  the mentions of one named exercise);
- `spans`: what lies inside a stretch of the text (bisecting helpers).
"""
from __future__ import annotations

from .dating import compatible_date
from .eventness import MIN_CONFIDENCE
from .lexicon import EventLexicon, event_lexicon_from_data
from .placing import compatible_place
from .sentences import split_sentences
from .stage import find_events

__all__ = ["MIN_CONFIDENCE", "EventLexicon", "compatible_date", "compatible_place", "event_lexicon_from_data",
           "find_events", "split_sentences"]
