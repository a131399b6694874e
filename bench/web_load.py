"""Load on the web UI: a real ``fuente serve`` over a synthetic 2,000-article database.

The database is built from hand-made records (no spaCy): articles of varied words, each with
named and unnamed speakers, quotations and reported speech, dated statements, entities,
events and an excluded support appeal, written through ``Store.write`` as an ingest would.
It is built once and kept under the temp folder (``--rebuild`` makes it again).

The server is ``fuente serve`` in its own process on 127.0.0.1 and a free port. The load is
bounded in count and time: ``--requests`` requests (2,000) from ``--concurrency`` threads (8)
over search (a repeated-word query among them), article, dossier and timeline pages and their
JSON twins, each request with a timeout. It reports requests per second, p50/p95/p99
latency, errors, and the server's peak resident memory (``VmHWM`` of its process). Then the
same load runs again while another process writes articles into the same database.

Run: .venv/bin/python bench/web_load.py [--articles 2000] [--requests 2000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from fuente.query.keys import slug
from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    ExcludedRange,
    Mention,
    Sentence,
    Speaker,
    TimeExpr,
)
from fuente.store.connect import open_store

V = "bench"
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "fuente-bench"
FUNCTION = """the the of of and and to a in that is was for on with as by at from it its
be has have had not but which their this are were an or will would after over new more"""
TOPICS = """minister ministry government parliament election vote budget talks envoy treaty border
sanctions ceasefire protest opposition court ruling reform tax energy pipeline gas oil trade
tariff export import army troops police arrest rally coalition party leader president senate
committee inquiry scandal bribery corruption report agreement summit negotiation delegation
embassy ambassador refugee migrants aid drought harvest strike union wages inflation currency
bank loan debt default bond market shares investors"""
SYLLABLES = "ka lo mi ne ru sa te vi do pa re zu fi ga ho ji ko lu ma no"
FIRST = "Ana Tomas Lucia Marek Ines Pavel Sofia Diego Elena Viktor Irene Jonas Marta Oskar"
LAST = """López Varga Novak Moreau Silva Keller Haddad Okafor Lindqvist Petrov Rossi Tanaka
Müller Dubois Costa Nowak Ibarra Quispe Horvat Sato"""
TITLES = ("Minister", "Senator", "Governor", "Spokesperson", "General", "Mayor")
ORGS = (
    "Interior Ministry", "Central Bank", "Harbor Union", "National Assembly", "Supreme Court",
    "Energy Agency", "Opposition Front", "Border Police", "Trade Council", "Red Cross",
)  # fmt: skip
PLACES = ("Marovia", "Halvik", "Port Selden", "Ostrava", "Lisbon", "Quito", "Nairobi", "Oslo")
SOURCES = (
    "source briefed on the talks", "official familiar with the plan", "diplomat in the capital",
    "person close to the minister", "senior aide", "analyst at a local bank",
)  # fmt: skip
CATEGORIES = ("CONSULT", "AGREE", "DEMAND", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "COERCE")
VERBS = ("met", "agreed with", "demanded help from", "accused", "rejected", "threatened")
OUTLETS = ("Coastal Wire", "Harbor Post", "Daily Ledger", "Northern Star", "Capital Times")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


class _Text:
    """An article's text as it is written, with the offsets of what was added."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, words: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(words)
        self.size += len(words)
        return start, self.size


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    syllables = SYLLABLES.split()
    made = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return [*FUNCTION.split(), *TOPICS.split(), *sorted(made)]


@lru_cache(maxsize=4)
def _zipf(size: int) -> list[float]:
    """Cumulative weights making the word at rank r about 1 / (r + 3) as common: "the" is
    about one word in fifteen, as in English news."""
    return list(accumulate(1 / (rank + 3) for rank in range(size)))


def _clause(rng: random.Random, words: list[str]) -> str:
    """12 to 40 words, the first words of the list much the commonest."""
    return " ".join(rng.choices(words, cum_weights=_zipf(len(words)), k=rng.randint(12, 40)))


def article(number: int, rng: random.Random, words: list[str]) -> ArticleRecords:
    """One synthetic article and all its records, offsets exact."""
    doc = f"desk/{number:05d}" if number % 10 == 0 else f"wire-{number:05d}"
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
    text = _Text()
    records: dict[str, list] = {k: [] for k in ("sent", "ent", "men", "spk", "att", "time", "ev")}
    people: dict[str, tuple[Entity, Speaker]] = {}

    def person(name: str) -> tuple[Entity, Speaker]:
        if name not in people:
            n = len(people) + 1
            entity = Entity(f"{doc}#e{n}", doc, name, "PERSON", V)
            speaker = Speaker(f"{doc}#s{n}", doc, "person", name, V, entity=entity.id)
            people[name] = (entity, speaker)
            records["ent"].append(entity)
            records["spk"].append(speaker)
        return people[name]

    for paragraph in range(rng.randint(14, 22)):
        start = text.size
        kind = rng.choice(("said", "quote", "unnamed", "event", "plain"))
        said_id = f"{doc}#a{paragraph + 1}"
        if kind == "said":
            name = f"{rng.choice(FIRST.split())} {rng.choice(LAST.split())}"
            entity, speaker = person(name)
            source = text.add(f"{rng.choice(TITLES)} ")
            named = text.add(name)
            source = (source[0], named[1])
            cue = text.add(" said")
            text.add(" on ")
            day = rng.choice(WEEKDAYS)
            when = text.add(day)
            text.add(" that ")
            content = text.add(_clause(rng, words))
            text.add(".")
            value = (published - timedelta(days=rng.randint(0, 6))).isoformat()
            records["men"].append(Mention(doc, entity.id, *named, name, "PERSON", V))
            records["time"].append(TimeExpr(doc, *when, day, "DATE", value, "document", V))
            records["att"].append(
                Attribution(said_id, doc, "indirect", *content, V, *cue, *source,
                            speaker=speaker.id, time_start=when[0], time_end=when[1])
            )  # fmt: skip
        elif kind == "quote" and people:
            name = rng.choice(sorted(people))
            entity, speaker = people[name]
            text.add('"')
            content = text.add(_clause(rng, words).capitalize() + ",")
            text.add('" ')
            surname = name.split()[-1]
            source = text.add(surname)
            cue = text.add(" told")
            text.add(" reporters.")
            records["men"].append(Mention(doc, entity.id, *source, surname, "PERSON", V))
            records["att"].append(
                Attribution(said_id, doc, "direct", *content, V, *cue, *source, speaker=speaker.id)
            )
        elif kind == "unnamed":
            description = rng.choice(SOURCES)
            sid = f"{doc}#u{paragraph}"
            source = text.add(f"A {description}")
            cue = text.add(" said")
            text.add(" ")
            content = text.add(_clause(rng, words))
            text.add(".")
            records["spk"].append(
                Speaker(sid, doc, "unnamed", description, V, description=f"A {description}")
            )
            records["att"].append(
                Attribution(said_id, doc, "indirect", *content, V, *cue, *source, speaker=sid)
            )
        elif kind == "event":
            org, place = rng.choice(ORGS), rng.choice(PLACES)
            which = rng.randrange(len(VERBS))
            first = text.add(f"The {org}")
            text.add(" ")
            trigger = text.add(VERBS[which])
            text.add(" ")
            second = text.add(place)
            text.add(f" over {_clause(rng, words)}.")
            records["ev"].append(
                Event(f"{doc}#v{paragraph}", doc, *trigger, CATEGORIES[which], "happened", V,
                      source=Actor(f"The {org}", *first), target=Actor(place, *second))
            )  # fmt: skip
        else:
            text.add(_clause(rng, words).capitalize() + ".")
        records["sent"].append(Sentence(doc, start, text.size, V))
        text.add("\n\n")
    appeal = text.add("Subscribe to our newsletter for the latest updates, she said.")
    body = "".join(text.parts) + "\n"
    document = Document(
        doc, f"{doc}.txt", "txt", body, hashlib.sha1(body.encode()).hexdigest(), V,
        title=_clause(rng, words)[:80].capitalize(), outlet=rng.choice(OUTLETS),
        language="es" if number % 7 == 0 else "en", published=published.isoformat(),
    )  # fmt: skip
    return ArticleRecords(
        document=document,
        excluded=(ExcludedRange(doc, *appeal, "support-appeal", V),),
        sentences=tuple(records["sent"]),
        entities=tuple(records["ent"]),
        mentions=tuple(records["men"]),
        speakers=tuple(records["spk"]),
        attributions=tuple(records["att"]),
        times=tuple(records["time"]),
        events=tuple(records["ev"]),
    )


def build(path: Path, articles: int, *, first: int = 0, seed: int = 13) -> None:
    """Write ``articles`` synthetic articles into the database at ``path``."""
    rng = random.Random(seed + first)
    words = _vocabulary(random.Random(seed))
    with open_store(path) as store:
        for number in range(first, first + articles):
            store.write(article(number, rng, words))


def write_slowly(path: Path, *, first: int, rate: float, seconds: float) -> int:
    """Write articles numbered from ``first`` into ``path``, ``rate`` a second, as an ingest
    would, for ``seconds``; return how many were written."""
    rng, words = random.Random(first), _vocabulary(random.Random(13))
    written, started = 0, time.monotonic()
    with open_store(path) as store:
        while time.monotonic() - started < seconds:
            store.write(article(first + written, rng, words))
            written += 1
            time.sleep(max(0.0, started + written / rate - time.monotonic()))
    return written


def requests(count: int, articles: int, seed: int = 7) -> list[tuple[str, str]]:
    """``count`` (kind, address) pairs over search, article, dossier and timeline pages."""
    rng = random.Random(seed)
    repeated = "+".join(["the"] * 25)
    queries = ["the", repeated, "minister", "trade+tariff", "%22interior+ministry%22",
               "budget+vote", "ana+lopez", "the+of+and", "sanctions", "kalo"]  # fmt: skip
    people = [f"named/{slug(f'{a} {b}')}" for a in FIRST.split()[:6] for b in LAST.split()[:6]]
    sources = [f"unnamed/{slug(s)}" for s in SOURCES]
    made = []
    for _ in range(count):
        twin = ".json" if rng.random() < 0.5 else ""
        kind = rng.choices(("search", "article", "dossier", "timeline"), (3, 3, 2, 2))[0]
        if kind == "search":
            extra = rng.choice(("", "", "&page=2", "&outlet=Harbor+Post", "&date=2024"))
            url = f"/search{twin}?q={rng.choice(queries)}{extra}"
        elif kind == "article":
            number = rng.randrange(articles)
            doc = f"desk%2F{number:05d}" if number % 10 == 0 else f"wire-{number:05d}"
            url = f"/article/{doc}{twin}"
        elif kind == "dossier":
            key = rng.choice(people) if rng.random() < 0.8 else rng.choice(sources)
            url = f"/speaker/{key}{twin}" + rng.choice(("", "", "?page=2"))
        else:
            extra = rng.choice(("", f"?page={rng.randint(2, 300)}", "?category=ACCUSE",
                                f"?actor={rng.choice(people)}"))  # fmt: skip
            url = f"/timeline{twin}{extra}"
        made.append((kind, url))
    return made


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(path: Path) -> tuple[subprocess.Popen, int]:
    """``fuente serve`` over ``path`` in its own process, once it answers."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "fuente.cli", "serve", "--db", str(path), "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("bench/web_load.py: the server did not start")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load(port: int, planned: list[tuple[str, str]], *, concurrency: int, limit: float) -> dict:
    """Send ``planned`` from ``concurrency`` threads, each on its own keep-alive connection,
    stopping at ``limit`` seconds; return the figures."""
    todo = iter(list(enumerate(planned)))
    lock = threading.Lock()
    timings: list[tuple[str, float, int, str]] = []
    stop = time.monotonic() + limit

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            with lock:
                item = next(todo, None)
            if item is None:
                break
            _, (kind, url) = item
            started = time.perf_counter()
            try:
                connection.request("GET", url)
                reply = connection.getresponse()
                reply.read()
                status = reply.status
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                timings.append((kind, time.perf_counter() - started, status, url))
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "timings": timings}


def _ms(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(name: str, figures: dict, memory: float, cpu: float) -> str:
    timings = figures["timings"]
    errors = sum(1 for _, _, status, _ in timings if status != 200)
    every = [seconds for _, seconds, _, _ in timings]
    lines = [
        f"{name}: {len(timings)} requests in {figures['elapsed']:.1f} s: "
        f"{len(timings) / figures['elapsed']:.1f} requests/s, p50 {_ms(every, 0.5):.0f} ms, "
        f"p95 {_ms(every, 0.95):.0f} ms, p99 {_ms(every, 0.99):.0f} ms, errors {errors}, "
        f"server peak memory {memory:.0f} MB, server CPU {cpu:.1f} s "
        f"({1000 * cpu / max(1, len(timings)):.1f} ms a request)"
    ]
    for kind in ("search", "article", "dossier", "timeline"):
        some = [seconds for k, seconds, _, _ in timings if k == kind]
        lines.append(
            f"  {kind:8} {len(some):5} requests  p50 {_ms(some, 0.5):4.0f} ms  "
            f"p99 {_ms(some, 0.99):4.0f} ms"
        )
    slowest = sorted(timings, key=lambda timing: -timing[1])[:3]
    lines.append("  slowest: " + ", ".join(f"{url} {1000 * s:.0f} ms" for _, s, _, url in slowest))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--limit", type=float, default=300, help="seconds at most per load")
    parser.add_argument("--rate", type=float, default=5, help="articles a second the writer adds")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--write", type=Path, help=argparse.SUPPRESS)  # the writer's own run
    options = parser.parse_args()
    if options.write is not None:
        count = write_slowly(
            options.write, first=1_000_000, rate=options.rate, seconds=options.limit
        )
        print(count)
        return
    print("command: python bench/web_load.py " + " ".join(sys.argv[1:]))
    path = CACHE / f"web-{options.articles}.db"
    if options.rebuild or not path.exists():
        CACHE.mkdir(exist_ok=True)
        for stale in CACHE.glob(f"{path.name}*"):
            stale.unlink()
        started = time.perf_counter()
        build(path, options.articles)
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    with open_store(path) as store:
        counts = store.stats()
    print(
        f"database: {counts['documents']:,} articles, {counts['characters']:,} characters, "
        f"{counts['attributions']:,} attributions, {counts['events']:,} events"
    )
    work = path.with_name(f"load-{os.getpid()}.db")
    shutil.copy(path, work)  # the writer's articles stay out of the cached database
    planned = requests(options.requests, options.articles)
    server, port = start_server(work)
    try:
        used = cpu_seconds(server.pid)
        quiet = load(port, planned, concurrency=options.concurrency, limit=options.limit)
        used, cpu = cpu_seconds(server.pid), cpu_seconds(server.pid) - used
        print(report("quiet", quiet, peak_mb(server.pid), cpu))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        writer = subprocess.Popen(
            [sys.executable, __file__, "--write", str(work), "--rate", str(options.rate),
             "--limit", str(options.limit)],
            env=env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(1)
        busy = load(port, planned, concurrency=options.concurrency, limit=options.limit)
        cpu = cpu_seconds(server.pid) - used
        writer.terminate()
        writer.wait(timeout=30)
        with open_store(work) as store:
            written = store.stats()["documents"] - counts["documents"]
        name = f"with a writer ({options.rate:g} articles/s)"
        print(report(name, busy, peak_mb(server.pid), cpu))
        print(f"  the writer stored {written} articles meanwhile")
    finally:
        server.terminate()
        server.wait(timeout=30)
        for stale in work.parent.glob(f"{work.name}*"):
            stale.unlink()


if __name__ == "__main__":
    main()
