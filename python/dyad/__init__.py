"""dyad from Python: news text in, CAMEO/PLOVER event dicts out.

    import dyad
    coder = dyad.Coder()                       # loads the dictionaries once
    events = coder.code("Russia attacked Ukraine.", date="2024-01-01", id="s1")
    events[0]["code"], events[0]["source"]["code"]      # ('190', 'RUS')
    df = dyad.to_pandas(events)

The coder is the C++ library `dyad code` uses; each event is the JSON object
`dyad code` prints for it (docs/OUTPUT_FORMAT.md), read with json.loads, so a
story gives the same events, field for field, here and on the command line.
The GIL is released while coding: Python threads can code at once with one
Coder. docs/PYTHON.md has the whole API.
"""

import json
import warnings

from . import _dyad

__all__ = ["COLUMNS", "Coder", "StoryError", "to_pandas", "__version__"]
__version__ = _dyad.__version__

# Stories are handed to the C++ side in groups of this many per thread: big
# enough that starting the threads costs little, small enough that
# code_stories yields its first events soon.
_BATCH_PER_THREAD = 64


class StoryError(ValueError):
    """A story that cannot be coded (bad JSON, no id, a date that is not
    YYYY-MM-DD…). The message names the story: "where: what is wrong", as
    `dyad code` reports it on stderr."""


def _record(story, where):
    """One story as the JSON Lines record `dyad code` would read; None for a
    blank line, which `dyad code` skips."""
    if isinstance(story, bytes):  # passed as bytes: invalid UTF-8 is repaired as the CLI does
        line = story.rstrip(b"\n").rstrip(b"\r")
        return line if line.strip(b" \t") else None
    if isinstance(story, str):
        line = story.rstrip("\n").rstrip("\r")
        return line if line.strip(" \t") else None
    if isinstance(story, dict):
        try:
            return json.dumps(story, ensure_ascii=False)
        except (TypeError, ValueError) as e:
            raise StoryError(f"{where}: story cannot be written as JSON: {e}") from None
    raise StoryError(f"{where}: a story is a dict or a JSON Lines record, not {type(story).__name__}")


class Coder:
    """A loaded lexicon and coder.

    Coder(dict_dir=None, semantics="dyad", *, no_default_dict=False,
          any_language=False, allow_no_target=False)

    dict_dir: a folder (or a list of folders) of .dict files loaded after the
    built-in dictionaries and $DYAD_DATA, as `dyad code --dict DIR`.
    semantics: "dyad", "tabari" or "petrarch" (`--semantics`).
    no_default_dict, any_language, allow_no_target: `dyad code`'s flags of
    the same names.
    Raises ValueError when the dictionaries cannot be loaded or semantics is
    unknown. Bad dictionary lines are skipped and listed in `load_errors`.
    Immutable once built: share one Coder between threads.
    """

    def __init__(self, dict_dir=None, semantics="dyad", *, no_default_dict=False,
                 any_language=False, allow_no_target=False):
        if dict_dir is None:
            dirs = []
        elif isinstance(dict_dir, (str, bytes)) or hasattr(dict_dir, "__fspath__"):
            dirs = [str(dict_dir)]
        else:
            dirs = [str(d) for d in dict_dir]
        self.dict_dir = dict_dir
        self.semantics = semantics
        self._c = _dyad.Coder(dirs, bool(no_default_dict), semantics, bool(any_language),
                              bool(allow_no_target))
        if self._c.load_errors:
            warnings.warn(f"dyad: {len(self._c.load_errors)} bad dictionary lines were skipped "
                          f"(run: dyad check-dict)", stacklevel=2)

    @property
    def load_errors(self):
        """The dictionary lines skipped at load ("file:line: why")."""
        return list(self._c.load_errors)

    @property
    def fingerprint(self):
        """The lexicon's fingerprint, "dyad@1a2b3c4d" (each event's `dictionary`)."""
        return self._c.fingerprint

    def code(self, text, date, id="text"):
        """Codes one story and returns its events, a list of dicts with the
        fields of `dyad code`'s JSON Lines output, in sentence order.

        date: the story date, "YYYY-MM-DD". id: the story id (event ids are
        made from it). Raises StoryError (a ValueError) naming the story for a
        bad date or an empty id. A story that is not in English gives no
        events and a warning, as `dyad code` skips it (unless the Coder was
        made with any_language=True).
        """
        if not isinstance(text, str):
            raise StoryError(f"story '{id}': text must be a str, not {type(text).__name__}")
        record = _record({"id": id, "date": date, "text": text}, f"story '{id}'")
        # Messages read "code(): story "ID": what is wrong", as the CLI's "file:line: …".
        (coded, events, messages), = self._c.session().code([record], ["code()"], 1)
        if not coded:
            if messages and "skipped: not English" in messages[-1]:
                warnings.warn(messages[-1], stacklevel=2)
                return []
            raise StoryError("; ".join(messages) or f"story '{id}' cannot be coded")
        for m in messages:
            warnings.warn(m, stacklevel=2)
        return [json.loads(e) for e in events]

    def code_stories(self, stories, threads=1, errors="warn", as_json=False):
        """Codes stories and yields their events, in input order.

        stories: an iterable of dicts ({"id", "date", "text", ...} as in
        `dyad code`'s JSON Lines input) or of JSON Lines records (str or
        bytes). threads: how many threads code at once (the output is the
        same for any number). Each story is checked as `dyad code` checks a
        record, and `where` in messages is "stories:N" (N counts from 1).

        errors="warn" (default): a bad story is reported (a warning, and the
        message appended to self.errors) and skipped, and the rest are coded,
        as `dyad code` does; so is a story not in English, and a repeated
        story id is reported and coded again with event ids of its own.
        errors="raise": the first bad story raises StoryError naming it.
        as_json=True yields each event as the line of JSON `dyad code` prints
        (a str, no newline) instead of a dict.
        """
        if errors not in ("warn", "raise"):
            raise ValueError("errors must be 'warn' or 'raise'")
        threads = max(1, int(threads))
        self.errors = []
        session = self._c.session()
        batch, wheres = [], []
        size = _BATCH_PER_THREAD * threads
        n = 0
        for story in stories:
            n += 1
            where = f"stories:{n}"
            record = _record(story, where)
            if record is None:
                continue
            batch.append(record)
            wheres.append(where)
            if len(batch) >= size:
                yield from self._code_batch(session, batch, wheres, threads, errors, as_json)
                batch, wheres = [], []
        if batch:
            yield from self._code_batch(session, batch, wheres, threads, errors, as_json)

    def _code_batch(self, session, batch, wheres, threads, errors, as_json):
        for coded, events, messages in session.code(batch, wheres, threads):
            if messages:
                if errors == "raise" and not coded:
                    raise StoryError("; ".join(messages))
                self.errors.extend(messages)
                for m in messages:
                    warnings.warn(m, stacklevel=3)
            if as_json:
                yield from events
            else:
                for e in events:
                    yield json.loads(e)

    def explain(self, sentence, date, id="text"):
        """Why `sentence` (or a whole story) codes as it does: the dict of
        `dyad explain --format json` (docs/EXPLAIN.md): words and tags,
        phrases and their actors, verb groups and their clauses, patterns
        tried, events emitted and candidates dropped. Raises StoryError for a
        date that is not YYYY-MM-DD."""
        try:
            return json.loads(self._c.explain(sentence, date, id))
        except ValueError as e:
            if isinstance(e, json.JSONDecodeError):
                raise
            raise StoryError(str(e)) from None


# to_pandas' columns, in order: (column, how it is read from an event dict,
# its dtype). Actor fields are flattened as source_* and target_*; the rest
# keep the names of the JSON Lines fields (docs/OUTPUT_FORMAT.md).
def _actor(side, field):
    def get(e):
        a = e.get(side)
        return None if a is None else a.get(field)
    return get


def _field(name):
    return lambda e: e.get(name)


def _types(side):
    def get(e):
        a = e.get(side)
        return None if a is None else ";".join(a.get("types") or [])
    return get


def _evidence(part):
    def get(e):
        span = (e.get("evidence") or {}).get(part)
        return (None, None) if span is None else (span[0], span[1])
    return get


_COLUMNS = [
    ("id", _field("id"), "object"),
    ("story_id", _field("story_id"), "object"),
    ("sentence", _field("sentence"), "int64"),
    ("date", _field("date"), "datetime64[ns]"),
    ("pub_date", _field("pub_date"), "datetime64[ns]"),
    ("date_rule", _field("date_rule"), "object"),
    ("source_code", _actor("source", "code"), "object"),
    ("source_name", _actor("source", "name"), "object"),
    ("source_country", _actor("source", "country"), "object"),
    ("source_group", _actor("source", "group"), "object"),
    ("source_types", _types("source"), "object"),
    ("target_code", _actor("target", "code"), "object"),
    ("target_name", _actor("target", "name"), "object"),
    ("target_country", _actor("target", "country"), "object"),
    ("target_group", _actor("target", "group"), "object"),
    ("target_types", _types("target"), "object"),
    ("code", _field("code"), "object"),
    ("root", _field("root"), "object"),
    ("goldstein", _field("goldstein"), "float64"),
    ("quad_class", _field("quad_class"), "int64"),
    ("plover", _field("plover"), "object"),
    ("text", _field("text"), "object"),
    ("trigger", _field("trigger"), "object"),
    ("trigger_begin", lambda e: _evidence("trigger")(e)[0], "Int64"),
    ("trigger_end", lambda e: _evidence("trigger")(e)[1], "Int64"),
    ("pattern", lambda e: (e.get("evidence") or {}).get("pattern"), "object"),
    ("pattern_origin", lambda e: (e.get("evidence") or {}).get("pattern_origin"), "object"),
    ("confidence", _field("confidence"), "float64"),
    ("parent_id", _field("parent_id"), "object"),
    ("coder", _field("coder"), "object"),
    ("dictionary", _field("dictionary"), "object"),
]

# The columns to_pandas gives, in order.
COLUMNS = [c for c, _, _ in _COLUMNS]


def to_pandas(events):
    """A pandas DataFrame of events (dicts as Coder.code and code_stories
    give, or as json.loads reads `dyad code`'s lines), one row an event.

    Columns (dyad.COLUMNS): id, story_id, sentence (the sentence's number in
    the story), date and pub_date (datetime64), date_rule, source_code, source_name,
    source_country, source_group, source_types (";"-joined), the same five
    for target (None when the event has none), code and root (strings with
    CAMEO's leading zeros: "0256", "02"), goldstein (float, NaN when there is
    none), quad_class (int), plover (None for CAMEO 01/02), text (the
    sentence), trigger, trigger_begin and trigger_end (byte offsets into the
    story), pattern, pattern_origin, confidence, parent_id, coder, dictionary.
    """
    import pandas as pd

    events = list(events)
    data = {}
    for name, get, dtype in _COLUMNS:
        values = [get(e) for e in events]
        if dtype.startswith("datetime64"):
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), format="%Y-%m-%d",
                                        errors="coerce")
        elif dtype == "object":
            data[name] = pd.Series(values, dtype="object")
        elif dtype == "float64":
            data[name] = pd.Series([float("nan") if v is None else v for v in values],
                                   dtype="float64")
        else:
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data, columns=COLUMNS)
