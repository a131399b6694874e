"""Errors fuente raises, and the catalogue of messages it shows.

The exception tree is small::

    FuenteError          anything fuente raises on purpose
    ├── IngestError      one input could not be read or stored; the batch goes on
    ├── StoreError       the database cannot be opened, migrated or written
    └── ConfigError      a setting, option or lexicon file is wrong

Every message lives in ``MESSAGES`` under a code, and says what happened, why, and what to do.
Library code raises or returns these; only ``fuente.cli`` prints them.
"""

from __future__ import annotations

__all__ = ["MESSAGES", "ConfigError", "FuenteError", "IngestError", "StoreError", "message"]


class FuenteError(Exception):
    """Base class of every error fuente raises on purpose."""


class IngestError(FuenteError):
    """One input could not be read or stored."""


class StoreError(FuenteError):
    """The database cannot be opened, migrated or written."""


class ConfigError(FuenteError):
    """A setting, option or lexicon file is wrong."""


MESSAGES: dict[str, str] = {
    # reading input
    "E001": "empty file: there is no text to ingest",
    "E002": "binary file ({detail}): fuente reads plain text, HTML and JSON Lines",
    "E003": "cannot read it: {reason}",
    "E004": (
        "too large: {size:,} characters, over the {setting} setting of {limit:,}; "
        "{advice} or raise {setting}"
    ),
    "E005": "no such file or directory, and no file matches it as a pattern",
    "E006": "unsupported file type {suffix!r}: use .txt, .html, .htm or .jsonl",
    "E007": "no main text found in the HTML: it may be a page without an article",
    "E008": "line {line}: not valid JSON ({reason}); the other lines are ingested",
    "E009": "line {line}: an article needs a 'text' or an 'html' field",
    "E010": "front matter is not valid YAML ({reason}); fix the block between the '---' lines",
    "E011": "sidecar {sidecar} is not a JSON object ({reason})",
    "E012": "the text holds no words once boilerplate and duplicates are set aside",
    "E083": "too long for the language model: {size:,} characters, over its max_length of "
    "{limit:,} (the max_chars setting); split it into articles or raise max_chars",
    "W001": "not valid UTF-8: {count} undecodable bytes replaced with U+FFFD",
    "E013": (
        "too large: {size:,} bytes, over the {limit:,} bytes that {setting} ({chars:,}) "
        "allows at 4 bytes a character; {advice} or raise {setting}"
    ),
    "E014": "the HTML could not be parsed ({reason}); check that the file is a web page",
    "E015": "cannot write {path}: {reason}; a file already there is left as it was",
    "W002": (
        "published {value!r} is not a date fuente can read (write it as YYYY-MM-DD); it is kept "
        "as given, and the document is dated from its text where it can be"
    ),
    "W004": "published {value} is read from the file name, as nothing else gave the date",
    "W003": (
        "the HTML is nested too deep for trafilatura to find its main text (deeper than 2,048 "
        "elements), so all its text was kept: menus and other page text may be in it"
    ),
    # storage
    "E020": "cannot open the database {path}: {reason}",
    "E021": "the database {path} has schema version {found}, newer than this fuente knows "
    "({known}); upgrade fuente",
    "E022": "no document with id {doc!r}; `fuente stats` lists what is stored",
    "E023": "unknown export kind {kind!r}; choose one of: {kinds}",
    "E024": "unknown export format {format!r}; choose one of: {formats}",
    "E025": "no database at {path}: ingest articles into it first (`fuente ingest --db {path} "
    "FILES`) or give the right --db",
    "E026": "the disk holding the database {path} is full: free some space, then run the same "
    "command again; every document stored before this one is kept",
    "E027": "cannot write to the database {path}: {what}. Commands that only read (show, "
    "stats, export, serve) still work on it; to ingest, make it writable or give another --db",
    "E028": "the database {path} is locked by another program: waited {seconds} s for it. Let "
    "that program finish, or raise the lock_timeout setting, then run the same command again",
    "E029": "the database {path} is damaged ({reason}): fuente will not use it until it is "
    "repaired. Run "
    "`fuente check --repair --db {path}` to rebuild its indexes; if that is not enough, "
    "restore a copy or ingest the articles again into a new --db",
    "E080": "the database {path} fails its checks: {problems}. `fuente check --repair` "
    "rebuilds its indexes; if it still fails, restore a copy or ingest again into a new --db",
    "E081": "unexpected error: {error}. Run the same command with --debug for the details, and "
    "please report it",
    "E082": "the database {path} could not be read: {reason}. `fuente check --db {path}` "
    "checks it for damage",
    "E084": "cannot use {path}: {reason}",
    "E040": "fuente failed while analysing it ({error}); the rest of the batch goes on. "
    "Please report this with the file",
    # the ray engine
    "E100": "the ray engine needs Ray, which is not installed here: install it with `pip "
    "install 'fuente[ray]'` (Ray {version}), or ingest with --engine local",
    "E101": "cannot reach the Ray cluster at {address}: {reason}. Start it (`ray start --head` "
    "on its head node) and give the HOST:PORT `ray start` printed; for a cluster with token "
    "authentication, set RAY_AUTH_MODE=token and give its token (`ray get-auth-token`); or "
    "leave out --ray-address for a Ray of fuente's own on this machine",
    "E102": "the ray engine failed on shard {index} ({error}); every shard stored before it is "
    "kept: run the same command again to go on from there. An actor that cannot start wants "
    "fuente, its model and any lexicon_dir on every node of the cluster",
    "E103": "cannot start a Ray on this machine ({reason}); see `ray start --head` for what "
    "is wrong, or ingest with --engine local",
    # the web UI
    "E050": "no article with id {doc!r}; the search page lists every article",
    "E051": "no speaker or actor at {key!r}; the speakers page lists every one",
    "E052": "bad parameter {name!r}: {reason}",
    "E053": "no page at {path!r}; start from the search page",
    "E054": "method {method} is not allowed here: the web UI only reads",
    "E055": "something went wrong while making this page; the server's log has the details",
    "E056": "the database {path} has schema version {found}, older than this fuente's "
    "({known}), and it cannot be upgraded where it is, since it cannot be written: make it "
    "writable and run `fuente stats --db {path}` once (which upgrades it), or serve a copy",
    "E057": "the search took longer than {seconds:g} s and was stopped: use fewer or rarer "
    'words, or a "quoted phrase"',
    "E058": "this page took longer than {seconds:g} s to make and was stopped: narrow it (a "
    "filter, a smaller per_page) or raise the query_budget setting",
    "E059": "the query has {count} different words and phrases; at most {limit} are searched: "
    "leave out the commonest",
    "E070": "host {host!r} is not this server's: it answers only to {allowed}. (A web page "
    "elsewhere may be trying to read it by DNS rebinding.) Open it at http://127.0.0.1:PORT/",
    "E071": "the database could not be read while making this page ({reason}); the server's "
    "log has the details, and `fuente check --db PATH` checks the database for damage",
    "E072": "no claim with id {claim!r}; `fuente claims` lists every claim across articles, "
    "and an article's page links each of its statements that others report",
    # settings and lexicons
    "E030": "setting {name} = {value!r} is not {kind}",
    "E031": "cannot read the settings file {path}: {reason}",
    "E032": "unknown setting {name!r}; known settings: {known}",
    "E033": "spaCy pipeline {model!r} for {language} articles is not installed: install it "
    "(`{install}`; `make setup` does) or set `{setting}` to an installed one",
    "E034": "lexicon file {path} is wrong: {reason}",
    "E035": "cannot use the manifest {path}: {reason}",
    # actors across articles
    "E090": "no actor {actor!r} in this database: `fuente actors` lists the actors, each with "
    "its id first",
    # pictures
    "E060": "cannot draw a picture as {suffix!r}: give --out a file ending in .svg or .png",
    "E061": "nothing to draw: no statement matching the query has a date on the calendar; "
    "`fuente timeline` without --out lists what is dated",
}


def message(code: str, **values: object) -> str:
    """The catalogue's message for ``code``, filled in, prefixed with the code."""
    return f"[{code}] " + MESSAGES[code].format(**values)
