"""Screenshots of the explorer for README (``make screenshots``): headless Chromium through
selenium and Debian's chromedriver, pages opened from file://.

usage: python docs/screenshots.py SITE_DIR OUT_DIR
Chinese text needs a CJK font on the machine (Debian: fonts-noto-cjk)."""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.explore.model import slug

SHOTS = [
    ("explorer-search.png", "index.html#q=槐荫", "#results li"),
    ("explorer-entity.png", f"e/{slug('org:370104:教育局')}.html", "#graph[data-nodes]"),
    ("explorer-report.png", f"r/{slug('001_3a308b7725f8b7ed')}.html", "mark.entity"),
    ("explorer-measures.png", "measures.html", "ol.timeline"),
    ("explorer-compare.png", f"compare.html#a={slug('org:370104:教育局')}&b={slug('org:320371:教育局')}",
     '#compare[data-ready="1"]'),
]


def main(site: Path, out: Path) -> int:
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="kg-shots-")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1200,1300",
                f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    try:
        for name, page, ready in SHOTS:
            path, _, frag = page.partition("#")
            d.get((site / path).resolve().as_uri() + (f"#{frag}" if frag else ""))
            WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ready))
            time.sleep(0.5)  # let the graph finish drawing
            d.save_screenshot(str(out / name))
            print(out / name)
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
