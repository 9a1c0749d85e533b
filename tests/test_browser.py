"""The explorer in a real browser: headless Chromium driven by selenium through Debian's
chromedriver, pages opened from file:// as an analyst would (no server).

Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian's `chromium` and
`chromium-driver`; .ci/run installs them). Where no browser can be had the tests are
skipped with that message; the CI run always has one."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.explore.model import slug

from .conftest import SEEDS

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 30  # seconds a condition may take to come true on a loaded machine (not a speed test)
BUREAU = "org:370104:槐荫区教育局"


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).is_file() and Path(DRIVER).is_file()):
        pytest.skip("browser tests skipped: no Chromium here (install Debian's chromium and chromium-driver, "
                    "as .ci/run does, or set CHROMIUM and CHROMEDRIVER)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    profiles = []
    for attempt in range(3):  # on a loaded machine Chromium can miss chromedriver's 60 s start-up window
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        profiles.append(tempfile.mkdtemp(prefix="kg-chromium-"))  # a fresh profile each time
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,1000", f"--user-data-dir={profiles[-1]}"):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        try:
            driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
            break
        except WebDriverException:
            if attempt == 2:
                raise
    try:
        yield driver
    finally:
        driver.quit()
        for p in profiles:
            shutil.rmtree(p, ignore_errors=True)


@pytest.fixture
def visit(browser, site):
    """Open a page of the site; after the test, no page visited may have logged an error."""
    errors = []

    def go(rel: str):
        browser.get((site / rel).as_uri() if "#" not in rel else (site / rel.split("#")[0]).as_uri() + "#" + rel.split("#", 1)[1])
        return browser
    yield go
    for entry in browser.get_log("browser"):
        if entry["level"] in ("SEVERE", "ERROR"):
            errors.append(entry["message"])
    assert not errors, errors


def until(driver, cond, what: str):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, WAIT).until(lambda d: cond(d), message=what)


def test_search_finds_the_bureau_and_its_page_shows_the_office_head(visit):
    from selenium.webdriver.common.by import By
    d = visit("index.html")
    box = d.find_element(By.ID, "q")
    box.send_keys("槐荫区教体局")
    hit = until(d, lambda d: [a for a in d.find_elements(By.CSS_SELECTOR, "#results a") if a.text == "槐荫区教体局"],
                "a search result for 槐荫区教体局")
    assert d.find_element(By.CSS_SELECTOR, "#results li").text.startswith("槐荫区教体局")  # the exact name first
    hit[0].click()
    until(d, lambda d: d.find_elements(By.CSS_SELECTOR, "h1") and d.find_element(By.CSS_SELECTOR, "h1").text == "槐荫区教体局",
          "the bureau's page")
    member = d.find_element(By.CSS_SELECTOR, 'section[data-type="MEMBER_OF"]')
    assert "晋萍" in member.text and "成教科科长" in member.text
    assert "成教科科长晋萍带领成教科第一时间督促全区228所民办学校立即停课" in member.text
    # the evidence links to the report, at the sentence
    member.find_element(By.CSS_SELECTOR, "a.src").click()
    until(d, lambda d: "#o" in d.current_url, "the report page")
    anchor = d.current_url.split("#", 1)[1]
    assert d.find_elements(By.ID, anchor)
    assert "用执着与坚守筑起一道教育" in d.find_element(By.TAG_NAME, "h1").text


def test_search_by_alias_pinyin_and_filters(visit):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    d = visit("index.html")
    d.find_element(By.ID, "q").send_keys("锦小")  # a short name
    until(d, lambda d: "成都市锦官新城小学" in [a.text for a in d.find_elements(By.CSS_SELECTOR, "#results a")],
          "the school by its short name")
    q = d.find_element(By.ID, "q")
    q.clear()
    q.send_keys("hyqjtj")  # pinyin initials of 槐荫区教体局
    until(d, lambda d: "槐荫区教体局" in [a.text for a in d.find_elements(By.CSS_SELECTOR, "#results a")], "pinyin search")
    q.clear()  # (no input event: the next filter change runs the search with the empty box)
    Select(d.find_element(By.ID, "kind")).select_by_visible_text("Person")
    place = Select(d.find_element(By.ID, "place"))
    place.select_by_visible_text(next(o.text for o in place.options if o.text.strip() == "槐荫区"))
    names = until(d, lambda d: [a.text for a in d.find_elements(By.CSS_SELECTOR, "#results a")] or None, "people in 槐荫区")
    assert "晋萍" in names and "杨洪亮" not in names  # 杨洪亮 is in 东阿县
    kinds = {li.get_attribute("class") for li in d.find_elements(By.CSS_SELECTOR, "#results li")}
    assert kinds == {"hit k-Person"}


def test_the_report_page_highlights_mentions(visit):
    from selenium.webdriver.common.by import By
    d = visit(f"r/{slug(SEEDS['001'])}.html")
    marks = d.find_elements(By.CSS_SELECTOR, ".text mark.entity")
    assert len(marks) > 50
    org = next(m for m in marks if m.get_attribute("data-label") == "ORG" and m.text.startswith("槐荫区教体局"))
    assert org.value_of_css_property("background-color") == "rgba(122, 236, 236, 1)"  # displaCy's ORG colour
    assert org.find_element(By.CSS_SELECTOR, ".label").text == "ORG"
    person = next(m for m in marks if m.get_attribute("data-label") == "PERSON" and m.text.startswith("晋萍"))
    assert person.is_displayed()
    assert "成教科科长" in d.find_element(By.CSS_SELECTOR, "table.facts").text


def test_the_graph_view_draws_the_neighbourhood(visit):
    d = visit(f"e/{slug(BUREAU)}.html")
    n = until(d, lambda d: d.execute_script("return window.KG_CY ? window.KG_CY.nodes().length : 0"), "the graph")
    assert n >= 6
    names = d.execute_script("return window.KG_CY.nodes().map(function (x) { return x.data('label'); })")
    assert "晋萍" in names and "日报和零报告制度" in names
    # something is drawn: the canvases hold painted pixels, inside the box
    painted = d.execute_script("""
        var total = 0;
        document.querySelectorAll('#graph canvas').forEach(function (c) {
          if (!c.width || !c.height) { return; }
          var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { total++; } }
        });
        return total;""")
    assert painted > 1000
    box = d.execute_script("var r = document.getElementById('graph').getBoundingClientRect(); return [r.width, r.height];")
    pos = d.execute_script("var p = window.KG_CY.nodes()[0].renderedPosition(); return [p.x, p.y];")
    assert 0 <= pos[0] <= box[0] and 0 <= pos[1] <= box[1]


def test_compare_shows_two_bureaus_side_by_side(visit):
    from selenium.webdriver.common.by import By
    a, b = slug(BUREAU), slug("org:320371:徐州经济技术开发区教育局")
    d = visit(f"compare.html#a={a}&b={b}")
    out = until(d, lambda d: d.find_elements(By.CSS_SELECTOR, '#compare[data-ready="1"]'), "the comparison")[0]
    sides = out.find_elements(By.CSS_SELECTOR, ".side")
    assert [s.find_element(By.TAG_NAME, "h2").text for s in sides] == ["槐荫区教体局", "徐州经济技术开发区教体局"]
    assert "日报和零报告制度" in sides[0].text and "停课不停学" in sides[1].text
    assert "晋萍" in sides[0].text and "晋萍" not in sides[1].text


def test_measures_and_communities_pages_open_without_errors(visit):
    from selenium.webdriver.common.by import By
    d = visit("measures.html")
    assert len(d.find_elements(By.CSS_SELECTOR, "ol.timeline li")) > 20
    assert d.find_elements(By.CSS_SELECTOR, "table.matrix td.on")
    d = visit("communities.html")
    assert d.find_elements(By.CSS_SELECTOR, "li.community .summary")
