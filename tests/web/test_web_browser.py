"""End to end, as a person uses it: a real headless Chromium over a real server.

Articles are ingested with the real pipeline (two demo articles and one hostile article),
served by uvicorn on a free local port, and driven with Playwright using Debian's
``chromium`` (no browser download). Screenshots of each page go to ``tests/web/screenshots``
(or ``$FUENTE_SCREENSHOTS``) for review. Without Chromium or Playwright the tests skip,
saying which packages to install.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webrecords import hostile_records

CHROMIUM = os.environ.get("FUENTE_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("FUENTE_SCREENSHOTS", Path(__file__).parent / "screenshots"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
XSS = """---
title: "<script>alert('title')</script> Minister <img src=x onerror=alert('img')> quits"
outlet: "<b onmouseover=alert('outlet')>Evil</b> Wire"
url: "javascript:alert('url')"
published: 2025-03-12
---
<script>alert('text')</script> Minister Ana Lopez said on Tuesday that she would resign.

"<img src=x onerror=alert('quote')> is my answer," Lopez told reporters.

Read more at <a href="javascript:alert('link')">javascript:alert('link')</a> and [here](javascript:alert('md')).
"""

if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"browser tests need Debian's chromium package ({CHROMIUM} is missing): "
        "apt-get install -y chromium",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need the playwright Python package: pip install -e '.[dev]'",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory, settings) -> Iterator[str]:
    """A server over a database holding two demo articles, one hostile article ingested and
    one hostile article written by hand; yields its address."""
    import uvicorn

    from fuente.ingest import ingest
    from fuente.store.connect import open_store
    from fuente.web import create_app

    folder = tmp_path_factory.mktemp("articles")
    for name in ("02-halvik-talks.txt", "04-ministry-denial.html"):
        shutil.copy(ROOT / "examples" / name, folder / name)
    (folder / "hostile.txt").write_text(XSS, encoding="utf-8")
    path = tmp_path_factory.mktemp("db") / "e2e.db"
    with open_store(path) as store:
        outcomes = list(ingest([str(folder)], store=store, settings=settings))
        assert {o.status for o in outcomes} == {"stored"}, outcomes
        store.write(hostile_records())
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def _shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    print(f"screenshot: {SCREENSHOTS / name}.png")


def test_browser_search_article_speaker_timeline(served: str, page) -> None:
    expect = sync_api.expect
    page.goto(f"{served}/")
    page.fill("input[name=q]", "Varga Halvik")
    page.press("input[name=q]", "Enter")
    expect(page.locator(".summary")).to_contain_text("for")
    assert page.locator(".hit mark").count() > 0  # the matching passage, matching words marked
    _shoot(page, "1-search")

    # narrow by a facet, then open an article from the results
    page.locator(".facet[data-facet=outlet] a", has_text="Coastal Wire").click()
    expect(page.locator(".facet[data-facet=outlet] .chosen")).to_contain_text("Coastal Wire")
    page.locator(".hit a.title", has_text="Marovian interior minister").first.click()
    expect(page.locator("h1")).to_contain_text("Marovian interior minister held secret talks")
    expect(page.locator(".excluded-label").first).to_contain_text("excluded:")
    assert page.locator(".text .content").count() > 3
    assert page.locator(".text .entity").count() > 3 and page.locator(".text .time").count() > 1
    expect(page.locator(".side .profile")).to_contain_text("Sourcing")
    expect(page.locator(".side .events")).to_contain_text("CONSULT")  # the talks, as an event

    # hovering a statement shows who said it and lights the whole attribution
    statement = page.locator(".text .content[data-group]").first
    statement.hover()
    expect(page.locator("#hovercard")).to_be_visible()
    expect(page.locator("#hovercard")).to_contain_text("said by")
    assert page.locator(".text .lit").count() >= 1
    _shoot(page, "2-article")

    # a source in the text links to the speaker's dossier
    source = page.locator(".text a.source[href^='/speaker/named/']").first
    title = source.get_attribute("title")
    source.click()
    expect(page).to_have_url(re.compile(r"/speaker/named/"))
    name = page.locator("h1").inner_text()
    assert name.split(" named")[0].strip() in title
    assert page.locator(".items .item").count() >= 1
    expect(page.locator(".side")).to_contain_text("Who")
    _shoot(page, "3-speaker")

    # a dossier line leads back to its sentence in the article
    back = page.locator(".items .sentence a").first
    href = back.get_attribute("href")
    back.click()
    anchor = href.rsplit("#", 1)[1]
    expect(page.locator(f".text [data-group='{anchor}'].lit").first).to_be_visible()

    # and to the timeline, narrowed to this actor
    page.go_back()
    page.locator("a", has_text="on the timeline").click()
    expect(page.locator("h1")).to_have_text("Timeline")
    assert page.locator("svg rect.bar").count() >= 1
    assert page.locator(".items .item").count() >= 1
    chosen = page.locator("select[name=actor] option:checked").inner_text()
    assert name.split(" named")[0].strip() in chosen
    _shoot(page, "4-timeline")
    page.select_option("select[name=actor]", "")  # choosing submits the filter form
    expect(page).to_have_url(re.compile(r"actor=(&|$)"))
    assert page.locator(".items .item").count() > 1


def test_browser_hostile_article_runs_nothing_and_shows_as_text(served: str, page) -> None:
    expect = sync_api.expect
    page.goto(f"{served}/search?q=resign")
    hit = page.locator(".hit a.title").first
    expect(hit).to_contain_text("<script>alert('title')</script>")
    _shoot(page, "5-hostile-search")
    hit.click()
    heading = page.locator("h1")
    expect(heading).to_contain_text("<script>alert('title')</script> Minister <img src=x")
    expect(page.locator(".text")).to_contain_text("<script>alert('text')</script>")
    expect(page.locator(".text")).to_contain_text("<img src=x onerror=alert('quote')>")
    expect(page.locator(".text")).to_contain_text("javascript:alert('link')")
    expect(page.locator(".doc-head .meta")).to_contain_text("javascript:alert('url')")
    page.locator(".text [data-group]").first.hover()
    _shoot(page, "6-hostile-article")
    pages = [page.url, f"{served}/article/talks", f"{served}/speakers", f"{served}/timeline"]
    speaker = f"{served}/speaker/named/script-script-alert-4-script"
    for url in [*pages, speaker]:
        page.goto(url)
        expect(page.locator("footer")).to_be_visible()
        assert page.locator("main script:not([type='application/json'])").count() == 0, url
        assert page.locator("main img, main b, main iframe").count() == 0, url
        assert page.locator("a[href^='javascript:' i]").count() == 0, url
        for element in page.locator("main [onerror], main [onmouseover]").all():
            raise AssertionError(f"{url}: an event handler attribute got through: {element}")
    expect(page.locator("h1")).to_contain_text("</script><script>alert(4)</script>")
    _shoot(page, "7-hostile-speaker")
    page.goto(f"{served}/article/talks")
    page.locator(".text a.source").first.hover()
    expect(page.locator("#hovercard")).to_contain_text("</script><script>alert(4)</script>")
    assert page.dialogs == [], f"script from an article ran: {page.dialogs}"
