#!/usr/bin/env python3
"""Opens every page of the rendered book in headless Chromium and checks what a reader would notice.

    python3 Tests/Browser/check_book.py [--book book] [--tool .build/debug/book] [--screenshots DIR]

Checks, each counted in the closing "N passed, M failed" line:
  - no JavaScript console error (level SEVERE) on any page, in light or dark mode;
  - every local link, image, script and stylesheet points at a file that exists, and every
    #fragment at an id on the target page;
  - every figure.plot shows something: an inline <svg> with a non-zero size and drawn data (polyline, rect, circle
    content, or an <img> that loaded; every <math> has a size;
  - search from the box finds "softmax", ranks ties in book order, and says so when nothing matches;
  - the theme follows the system setting, and the toggle's choice is remembered across pages;
  - the copy buttons are there, "copy runnable" gives exactly what `book runnable` prints, and
    clicking a copy button raises no error;
  - at a phone's width the sidebar collapses behind its button and nothing scrolls sideways;
  - every page validates with tidy (HTML Tidy 5.6) without errors; the warnings ignored are listed
    in TIDY_IGNORED below, with the reason.

Screenshots of every page, light and dark (and a few at a phone's width), go to --screenshots
($BOOK_SCREENSHOTS, default /tmp/book-screenshots), outside the repository.

Uses the system chromedriver (/usr/bin/chromedriver) and Chromium: no Selenium Manager downloads.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import time
from urllib.parse import unquote, urlparse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager go to the network

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

# Tidy 5.6 predates some of what the pages use; these warnings are not errors in HTML5:
TIDY_IGNORED = [
    # The figures' SVG has <title id=...> and a <style> element; tidy reads them as HTML's <title>
    # and <style> (it does not know SVG's own elements), which is valid inside <svg>.
    r'<title> proprietary attribute "id"',
    r"found <style> tag in <body>",
    # aria-current (ARIA 1.1, 2017) marks the current page in the sidebar; tidy 5.6 does not know it.
    r'<a> proprietary attribute "aria-current"',
]

passed = 0
failures = []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return ok


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def set_dark(driver, dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def background_luminance(driver):
    rgb = driver.execute_script("return getComputedStyle(document.documentElement).backgroundColor")
    values = [int(v) for v in re.findall(r"\d+", rgb)[:3]]
    return sum(values) / (3 * 255)


PAGE_FACTS = """
const ids = Array.from(document.querySelectorAll('[id]')).map(e => e.id);
const refs = [];
document.querySelectorAll('a[href]').forEach(a => refs.push(['a', a.getAttribute('href')]));
document.querySelectorAll('img[src]').forEach(i => refs.push(['img', i.getAttribute('src')]));
document.querySelectorAll('script[src]').forEach(s => refs.push(['script', s.getAttribute('src')]));
document.querySelectorAll('link[href]').forEach(l => refs.push(['link', l.getAttribute('href')]));
const plots = Array.from(document.querySelectorAll('figure.plot')).map(f => {
  const svg = f.querySelector('svg'), img = f.querySelector('img');
  if (svg) {
    const r = svg.getBoundingClientRect();
    return {id: f.id, kind: 'svg', width: r.width, height: r.height,
            content: svg.querySelectorAll('polyline, rect, circle, path').length,
            title: !!svg.querySelector('title'), desc: !!svg.querySelector('desc'),
            labelled: svg.hasAttribute('aria-labelledby') && svg.getAttribute('role') === 'img'};
  }
  if (img) return {id: f.id, kind: 'img', loaded: img.complete && img.naturalWidth > 0, alt: img.alt};
  return {id: f.id, kind: 'none'};
});
const images = Array.from(document.images).map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0}));
const maths = Array.from(document.querySelectorAll('math')).map(m => {
  const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
return {ids, refs, plots, images, maths};
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--book", default="book")
    parser.add_argument("--tool", default=".build/debug/book", help="the book tool, for `book runnable`")
    parser.add_argument("--screenshots", default=os.environ.get("BOOK_SCREENSHOTS", "/tmp/book-screenshots"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    args = parser.parse_args()

    book = os.path.abspath(args.book)
    shots = os.path.abspath(args.screenshots)
    repository = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if shots == repository or shots.startswith(repository + os.sep):
        sys.exit("screenshots must go outside the repository, not to " + shots)
    os.makedirs(shots, exist_ok=True)
    pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(book, "*.html")))
    chapters = [p for p in pages if re.match(r"\d\d-", p)]

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
    driver.set_page_load_timeout(60)

    def url(page):
        return "file://" + os.path.join(book, page)

    def load(page):
        driver.get(url(page))
        driver.execute_script("return document.readyState")

    try:
        started = time.time()
        facts = {}
        for dark in (False, True):
            set_dark(driver, dark)
            mode = "dark" if dark else "light"
            for page in pages:
                load(page)
                time.sleep(0.05)
                check(not severe_logs(driver), f"{page} ({mode}): no console errors")
                luminance = background_luminance(driver)
                check(luminance < 0.3 if dark else luminance > 0.7,
                      f"{page} ({mode}): the background follows the system setting (luminance {luminance:.2f})")
                driver.save_screenshot(os.path.join(shots, f"{page[:-5]}-{mode}.png"))
                if not dark:
                    facts[page] = driver.execute_script(PAGE_FACTS)

        # Links, images, scripts and stylesheets: the file exists, the fragment is an id there.
        for page, f in facts.items():
            broken = []
            for kind, ref in f["refs"]:
                parsed = urlparse(ref)
                if parsed.scheme in ("http", "https", "mailto", "data"):
                    continue
                target = unquote(parsed.path) or page
                if not os.path.exists(os.path.join(book, target)):
                    broken.append(f"{kind} {ref}: no file {target}")
                elif parsed.fragment and target.endswith(".html"):
                    ids = facts.get(target, {}).get("ids", [])
                    if unquote(parsed.fragment) not in ids:
                        broken.append(f"{kind} {ref}: no id {parsed.fragment} in {target}")
            check(not broken, f"{page}: every link and anchor resolves" + ("".join("\n    " + b for b in broken[:20])))
            bad_plots = [p for p in f["plots"] if not (
                (p["kind"] == "svg" and p["width"] > 0 and p["height"] > 0 and p["content"] > 0
                 and p["title"] and p["desc"] and p["labelled"])
                or (p["kind"] == "img" and p["loaded"] and p["alt"]))]
            check(not bad_plots, f"{page}: {len(f['plots'])} plots drawn, with title and description {bad_plots[:3]}")
            check(all(i["ok"] for i in f["images"]), f"{page}: every image loads")
            check(all(f["maths"]), f"{page}: every formula ({len(f['maths'])}) is laid out")
        check(sum(len(f["plots"]) for p, f in facts.items() if p in chapters) > 0, "the chapters have plots")
        check(sum(len(f["maths"]) for f in facts.values()) > 0, "the chapters have formulas")

        # Search.
        set_dark(driver, False)
        load("04-softmax.html")
        box = driver.find_element(By.ID, "search-box")
        box.click()
        box.send_keys("softmax")
        deadline = time.time() + 10
        results = []
        while time.time() < deadline and not results:
            results = driver.find_elements(By.CSS_SELECTOR, "#search-results li[data-score] a")
            time.sleep(0.1)
        check(len(results) > 0, f'search finds "softmax" ({len(results)} results)')
        ranked = driver.execute_script("return window.bookSearch('softmax')") or []
        in_order = all(a["score"] > b["score"] or (a["score"] == b["score"] and a["section"] < b["section"])
                       for a, b in zip(ranked, ranked[1:]))
        check(in_order and len(ranked) > 0, "search results are ranked, ties in book order")
        ties = driver.execute_script("return window.bookSearch('the perceptron')") or []
        check(len(ties) > 0, 'a query with a stop word ("the perceptron") still finds sections')
        if results:
            driver.save_screenshot(os.path.join(shots, "search-softmax.png"))
            href = results[0].get_attribute("href")
            results[0].click()
            time.sleep(0.2)
            check(driver.current_url.split("#")[0] == href.split("#")[0], f"clicking a result opens it ({href})")
        box = driver.find_element(By.ID, "search-box")
        box.clear()
        box.send_keys("qwertyuiop")
        time.sleep(0.3)
        none = driver.find_elements(By.CSS_SELECTOR, "#search-results li.none")
        check(len(none) == 1, "search says when nothing matches")
        size = os.path.getsize(os.path.join(book, "search-index.js"))
        print(f"search index: search-index.js, {size} bytes")

        # Theme toggle, remembered across pages, no stored choice left behind for the next run.
        set_dark(driver, False)
        load("01-perceptron.html")
        driver.execute_script("localStorage.removeItem('book-theme')")
        load("01-perceptron.html")
        driver.find_element(By.ID, "theme-toggle").click()
        check(background_luminance(driver) < 0.3, "the toggle switches a light page to dark")
        load("02-activations.html")
        check(driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
              and background_luminance(driver) < 0.3, "the choice is remembered on the next page")
        driver.find_element(By.ID, "theme-toggle").click()
        load("02-activations.html")
        check(background_luminance(driver) > 0.7, "toggling back is remembered too")
        driver.execute_script("localStorage.removeItem('book-theme')")
        check(not severe_logs(driver), "theme toggling raises no console errors")

        # Copy buttons and "copy runnable".
        for page in chapters:
            load(page)
            figures = driver.execute_script("return document.querySelectorAll('figure.code').length")
            buttons = driver.execute_script("return document.querySelectorAll('figure.code .copy-buttons button').length")
            runnable = driver.execute_script(
                "return document.querySelectorAll('figure.code[data-seq] .copy-buttons button').length")
            seqs = driver.execute_script(
                "return Array.from(document.querySelectorAll('[data-seq]')).map(e => +e.getAttribute('data-seq'))")
            check(figures == 0 or buttons >= figures, f"{page}: every code block has a copy button ({buttons}/{figures})")
            if not seqs:
                continue
            check(runnable > 0 and sorted(seqs) == list(range(len(seqs))),
                  f"{page}: copy runnable on library and example code ({runnable} snippets, pieces 0..{len(seqs) - 1})")
            if os.path.exists(args.tool):
                text = driver.execute_script(f"return window.bookRunnable({len(seqs) - 1})")
                expected = subprocess.run([args.tool, "runnable", page[:2]], capture_output=True, text=True,
                                          cwd=repository).stdout
                check(text == expected, f"{page}: copy runnable gives what `book runnable {page[:2]}` prints")
        load("04-softmax.html")
        driver.find_element(By.CSS_SELECTOR, "figure.code .copy-buttons button").click()
        time.sleep(0.3)
        check(not severe_logs(driver), "clicking copy raises no console errors")

        # Solutions: folded under each exercise; opening one shows its code and checked output.
        load("01-perceptron.html")
        folded = driver.find_elements(By.CSS_SELECTOR, "details.solution")
        if check(len(folded) > 0, f"01-perceptron: solutions are folded ({len(folded)})"):
            solution = folded[0]
            check(not solution.find_element(By.CSS_SELECTOR, "figure.code.solution").is_displayed(),
                  "a folded solution's code is hidden")
            solution.find_element(By.TAG_NAME, "summary").click()
            time.sleep(0.2)
            code = solution.find_element(By.CSS_SELECTOR, "figure.code.solution")
            output = solution.find_elements(By.CSS_SELECTOR, "pre.output")
            check(code.is_displayed() and "Perceptron" in code.text and output and output[0].is_displayed(),
                  "opening a solution shows its code and its output")
        load("print.html")
        answers = driver.execute_script("return document.querySelectorAll('#answers .answer').length")
        check(answers > 0, f"print.html ends with the answers ({answers})")

        # A phone's width: the sidebar collapses behind its button; nothing scrolls sideways.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        for page in ["index.html", "04-softmax.html", "08-regularization.html", "10-mnist-data.html", "print.html"]:
            if page not in pages:
                continue
            load(page)
            hidden = driver.execute_script("return getComputedStyle(document.querySelector('.sidebar')).display") == "none"
            overflow = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            check(hidden, f"{page} (phone): the sidebar is collapsed")
            check(overflow <= 1, f"{page} (phone): no sideways scrolling ({overflow}px)")
            driver.save_screenshot(os.path.join(shots, f"{page[:-5]}-phone.png"))
        load("04-softmax.html")
        driver.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        time.sleep(0.1)
        shown = driver.execute_script("return getComputedStyle(document.querySelector('.sidebar')).display") != "none"
        check(shown, "(phone) the menu button opens the sidebar")
        driver.save_screenshot(os.path.join(shots, "04-softmax-phone-menu.png"))
        set_dark(driver, True)
        load("06-backpropagation.html")
        driver.save_screenshot(os.path.join(shots, "06-backpropagation-phone-dark.png"))
        check(not severe_logs(driver), "(phone) no console errors")
        print(f"browser: {len(pages)} pages in {time.time() - started:.1f} s; screenshots in {shots}")
    finally:
        driver.quit()

    # HTML validation with tidy.
    tidy = shutil.which("tidy")
    if check(tidy is not None, "tidy is installed (apt-get install tidy)"):
        for page in pages:
            run = subprocess.run([tidy, "-q", "-e", "--fix-style-tags", "no", os.path.join(book, page)],
                                 capture_output=True, text=True)
            lines = [l for l in run.stderr.splitlines() if l.strip()]
            errors = [l for l in lines if "Error:" in l]
            unexpected = [l for l in lines if "Error:" not in l and not any(re.search(p, l) for p in TIDY_IGNORED)]
            check(not errors, f"{page}: tidy finds no errors" + "".join("\n    " + e for e in errors[:10]))
            check(not unexpected, f"{page}: tidy finds no warnings beyond the ignored ones"
                  + "".join("\n    " + e for e in unexpected[:10]))

    sizes = sorted(((os.path.getsize(os.path.join(book, p)), p) for p in pages), reverse=True)
    print("largest pages: " + ", ".join(f"{p} {s // 1024} KB" for s, p in sizes[:4]))
    for s, p in sizes:
        # print.html is the whole book on one page, the sum of the chapters' text: it gets a 1 MB cap,
        # every other page the 500 KB one.
        limit = 1024 if p == "print.html" else 500
        check(s <= limit * 1024, f"{p} is at most {limit} KB ({s // 1024} KB)")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
