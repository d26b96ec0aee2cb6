"""The web app in a real browser: Playwright driving Debian's chromium (never a downloaded one).

The server runs in a thread over a temporary store holding the seed report (analysed by the
real pipeline), a few hand-built reports with located claims, and a report made of XSS payloads.
Every page is watched for dialogs, console errors and page errors; screenshots go to
test-artifacts/screenshots/. Skipped when chromium is not installed (`make test` installs it
with apt when it can).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from warclaims.api import create_app
from warclaims.ingest.text import doc_id_for
from warclaims.model import Claim, Claimant, DateRef, Document, Flag, Place, Quantity, Span
from warclaims.store import open_store

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Debian's chromium is not installed (make test installs it with apt-get as root)",
)
playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "kupyansk.txt"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PAYLOADS = [
    "<script>alert('x1')</script>",
    "\"><img src=x onerror=alert('x2')>",
    "'><img src=x onerror=alert('x3')>",
    '<img src=x onerror="window.__xss=1">',
    "<svg onload=alert('x5')>",
    "<svg><script>alert('x6')</script></svg>",
    "<a href=\"javascript:alert('x7')\">click me</a>",
    "javascript:alert('x8')",
    "<iframe src=\"javascript:alert('x9')\"></iframe>",
    "<body onload=alert('x10')>",
    "{{7*7}} {{constructor.constructor('alert(11)')()}}",
    "${alert('x12')} {% raw %}",
    "<details open ontoggle=alert('x13')>",
    "<math><mi xlink:href=\"javascript:alert('x14')\">m</mi></math>",
    "</textarea><script>alert('x15')</script>",
    "</title><script>alert('x16')</script>",
    "<style>@import 'javascript:alert(17)';</style>",
    "<object data=\"javascript:alert('x18')\"></object>",
    "<input autofocus onfocus=alert('x19')>",
    "<marquee onstart=alert('x20')>",
    "<div style=\"background:url(javascript:alert('x21'))\">",
    "--><script>alert('x22')</script><!--",
    "<template><script>alert('x23')</script></template>",
    "<base href=\"javascript:alert('x24')//\">",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'x25\')">',
    "<noscript><p title=\"</noscript><img src=x onerror=alert('x26')>\">",
]


# -- the site ----------------------------------------------------------------------------------


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start=start, end=start + len(phrase))


def pokrovsk_doc() -> Document:
    text = (
        "Pokrovsk holds\n"
        "Ukraine's General Staff said 40 Russian tanks were destroyed near Pokrovsk.\n"
        "Russian forces claimed they captured Myrnohrad on November 19.\n"
    )
    staff = Claimant(mention="General Staff", name="General Staff of Ukraine", type="official")
    pokrovsk = Place(
        mention="Pokrovsk", name="Pokrovsk", admin1="Donetsk Oblast", lat=48.28, lon=37.18
    )
    myrnohrad = Place(
        mention="Myrnohrad", name="Myrnohrad", admin1="Donetsk Oblast", lat=48.30, lon=37.26
    )
    return Document(
        doc_id=doc_id_for(text),
        title="Pokrovsk holds",
        published="2025-11-22",
        publisher="Kyiv Wire",
        text=text,
        claims=[
            Claim(
                kind="equipment_loss",
                category="tanks",
                side="RU",
                quantity=Quantity(value=40, unit="equipment"),
                places=[pokrovsk],
                claimant=staff,
                evidence=_span(text, "40 Russian tanks were destroyed near Pokrovsk"),
            ),
            Claim(
                kind="territorial_control",
                category="captured",
                side="RU",
                places=[myrnohrad],
                date=DateRef(mention="November 19", start="2025-11-19", end="2025-11-19"),
                claimant=Claimant(mention="Russian forces", type="official", side="RU"),
                evidence=_span(text, "Russian forces claimed they captured Myrnohrad"),
            ),
        ],
    )


def xss_doc() -> Document:
    text = "Hostile report\n" + "\n".join(f"Line {i}: {p}" for i, p in enumerate(PAYLOADS)) + "\n"
    claims = []
    for i, payload in enumerate(PAYLOADS[:8]):
        claims.append(
            Claim(
                kind="fighting",
                places=[
                    Place(mention=payload, name=payload, admin1=payload, lat=47 + i * 0.3, lon=35)
                ],
                claimant=Claimant(mention=payload, name=payload, type="media", via=[payload]),
                date=DateRef(mention=payload, start="2025-11-20", end="2025-11-20"),
                evidence=_span(text, payload),
                anchor=Span(start=text.index(payload), end=text.index(payload) + 4),
            )
        )
    flags = [
        Flag(code="loaded_language", message=p, technique=p, evidence=[_span(text, p)])
        for p in PAYLOADS[8:12]
    ]
    return Document(
        doc_id=doc_id_for(text),
        title=" ".join(PAYLOADS[:10]),
        publisher=" ".join(PAYLOADS[10:]),
        url="javascript:alert('url')",
        published="2025-11-20",
        text=text,
        claims=claims,
        flags=flags,
    )


@dataclass
class Site:
    base: str
    seed_id: str | None
    xss_id: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    import uvicorn

    db = str(tmp_path_factory.mktemp("web") / "site.db")
    seed_id = None
    with open_store(db) as store:
        if SEED.exists():
            from warclaims.ingest.files import read_report
            from warclaims.pipeline import analyse

            seed = analyse(read_report(SEED, published="2025-11-21"))
            store.add(seed)
            seed_id = seed.doc_id
        store.add(pokrovsk_doc())
        hostile = xss_doc()
        store.add(hostile)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield Site(f"http://127.0.0.1:{port}", seed_id, hostile.doc_id)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watched:
    page: object
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        assert self.dialogs == [], f"dialogs fired: {self.dialogs}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.page_errors == [], f"page errors: {self.page_errors}"


@pytest.fixture()
def watched(browser: object) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    w = Watched(page)

    def on_dialog(dialog: object) -> None:
        w.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    page.on("console", lambda m: w.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: w.page_errors.append(str(e)))
    page.set_default_timeout(10_000)
    yield w
    context.close()


def shot(page: object, name: str, *, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)  # type: ignore[attr-defined]


# -- the pages ---------------------------------------------------------------------------------


def test_documents_list(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.base + "/")
    rows = page.locator("#documents tbody tr")
    assert rows.count() == (3 if site.seed_id else 2)
    assert page.locator("#documents").get_by_text("Pokrovsk holds").count() == 1
    shot(page, "01-documents")
    watched.assert_quiet()


@pytest.mark.skipif(not SEED.exists(), reason=f"no seed report at {SEED}")
def test_seed_report_has_eight_highlighted_claims_and_cards(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.base + "/")
    page.locator(f'#documents tr[data-doc="{site.seed_id}"] a.doc-link').click()
    page.wait_for_url(f"**/documents/{site.seed_id}")
    tags = page.locator("#report-text .tag")
    assert tags.count() == 8
    highlighted = page.eval_on_selector_all(
        "#report-text [data-claims]",
        "els => [...new Set(els.flatMap(e => e.dataset.claims.split(' ')))].length",
    )
    assert highlighted == 8
    assert page.locator("#report-text .flagged").count() > 0
    assert page.locator("#claim-count").inner_text() == "8 claims"

    popover = page.locator("#popover")
    page.locator('#report-text [data-claims~="0"]').first.hover()
    assert popover.is_visible()
    tags.first.click()
    assert popover.is_visible()
    card = popover.locator(".card").first
    assert "up to 3,000 personnel" in card.inner_text()
    assert "reported" in card.inner_text()
    shot(page, "02-report-card")
    page.keyboard.press("Escape")
    assert popover.is_hidden()

    page.locator(".flag-item").first.hover()
    assert page.locator("#report-text .flag-on").count() > 0
    page.locator(".claim-link").nth(7).click()
    assert "encirclement" in popover.inner_text()
    watched.assert_quiet()


def test_claims_table_filters(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.base + "/claims")
    everything = page.locator("#claims tbody tr").count()
    page.select_option("#f-kind", "equipment_loss")
    page.locator("#claim-filters button[type=submit]").click()
    page.wait_for_url("**/claims?kind=equipment_loss*")
    rows = page.locator("#claims tbody tr")
    kinds = {rows.nth(i).get_attribute("data-kind") for i in range(rows.count())}
    assert kinds == {"equipment_loss"}
    assert 0 < rows.count() < everything
    href = page.locator("#csv-link").get_attribute("href")
    assert href == "/api/claims.csv?kind=equipment_loss"
    csv = page.request.get(site.base + href)
    assert csv.ok and csv.headers["content-type"].startswith("text/csv")
    assert all(",equipment_loss," in line for line in csv.text().strip().splitlines()[1:])
    shot(page, "03-claims-filtered")
    watched.assert_quiet()


def test_map_shows_markers_on_the_offline_basemap(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.base + "/map")
    page.wait_for_selector("path.claim-marker")
    page.wait_for_selector("path.oblast")
    assert page.locator("path.oblast").count() == 27
    markers = page.locator("path.claim-marker").count()
    assert markers >= 2
    assert "markers" in page.locator("#map-count").inner_text()
    page.locator("path.claim-marker.k-equipment_loss").first.click(force=True)
    assert "Pokrovsk" in page.locator(".leaflet-popup-content").inner_text()
    shot(page, "04-map", full_page=False)
    page.fill("#f-date_from", "2030-01-01")
    page.locator("#map-filters button[type=submit]").click()
    playwright_api.expect(page.locator("path.claim-marker")).to_have_count(0)
    playwright_api.expect(page.locator("#map-count")).to_contain_text("0 markers")
    watched.assert_quiet()


def test_check_a_pasted_report(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(site.base + "/check")
    page.fill(
        "#f-text",
        "Heavy losses near Kupiansk\n"
        "Russia's defence ministry said on Monday that up to 300 Ukrainian soldiers were killed "
        "near Kupiansk. Ukraine's General Staff said fighting continues in Kupiansk.",
    )
    page.fill("#f-published", "2025-11-24")
    page.locator("#check-form button[type=submit]").click()
    page.wait_for_selector("#checked-notice")
    assert page.locator("#report-text .tag").count() >= 2
    page.locator("#report-text .tag").first.click()
    assert page.locator("#popover .card").count() >= 1
    shot(page, "05-check")
    watched.assert_quiet()


def test_xss_payloads_render_inert(site: Site, watched: Watched) -> None:
    page = watched.page
    pages = ["/", f"/documents/{site.xss_id}", "/claims", "/claims?claimant=script"]
    for path in pages:
        page.goto(site.base + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None
        assert page.locator("img[src=x], iframe, object, marquee, details, math").count() == 0
        assert page.locator("script:not([src])").count() == 0
    page.goto(site.base + f"/documents/{site.xss_id}")
    assert page.locator("#doc-title").inner_text() == " ".join(PAYLOADS[:10])
    assert page.title().startswith(PAYLOADS[0])
    text = page.eval_on_selector(  # the text as shown, without the claim markers
        "#report-text",
        "el => { const c = el.cloneNode(true); c.querySelectorAll('.tag').forEach(t => t.remove());"
        " return c.textContent; }",
    )
    assert [p for p in PAYLOADS if p not in text] == []
    assert page.locator("#report-text a, .doc-head a[href^='javascript']").count() == 0
    tags = page.locator("#report-text .tag")
    assert tags.count() == 8
    shown = []
    for i in range(tags.count()):
        page.keyboard.press("Escape")  # an open card may cover the next marker
        tags.nth(i).click()
        shown.append(page.locator("#popover").inner_text())
    assert all(PAYLOADS[i] in card for i, card in enumerate(shown))
    for item in page.locator(".flag-item").all():
        item.hover()
    shot(page, "06-xss-report")

    page.goto(site.base + "/map")
    page.wait_for_selector("path.claim-marker.k-fighting")
    page.locator("path.claim-marker.k-fighting").first.click(force=True)
    popup = page.locator(".leaflet-popup-content").inner_text()
    assert "<" in popup and page.locator(".leaflet-popup-content img").count() == 0

    page.goto(site.base + "/check")
    page.fill("#f-text", "\n".join(PAYLOADS))
    page.fill("#f-title", PAYLOADS[15])
    page.locator("#check-form button[type=submit]").click()
    page.wait_for_selector("#checked-notice")
    assert page.locator("#doc-title").inner_text() == PAYLOADS[15]
    assert page.evaluate("window.__xss") is None
    shot(page, "07-xss-check")
    watched.assert_quiet()


def test_compare_and_timeline_pages(site: Site, watched: Watched) -> None:
    from warclaims.api.routes.corpus import available

    if not available():
        pytest.skip("warclaims.compare / export / reference are not installed")
    page = watched.page
    page.goto(site.base + "/compare")
    assert "groups" in page.locator("#compare-summary").inner_text()
    assert page.locator("section.group").count() >= 1
    shot(page, "08-compare", full_page=False)
    page.goto(site.base + "/timeline?kind=equipment_loss&side=RU")
    assert page.locator("#timeline-chart circle.dot").count() >= 1
    shot(page, "09-timeline", full_page=False)
    watched.assert_quiet()
