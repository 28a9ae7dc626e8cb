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
  - chapters' sections are numbered (7.1, 7.2, ...), the "this chapter adds" box is folded, and
    index.html shows a figure the book draws and a link to start with chapter 1;
  - the theme follows the system setting, and the toggle's choice is remembered across pages;
  - the copy buttons are there, "copy runnable" gives exactly what `book runnable` prints, and
    clicking a copy button raises no error;
  - the dark theme changes only colours (themes.py): the style rules that depend on the theme set
    only colour variables, and every page has the same elements, attributes and boxes in both;
  - axe-core (accessibility.py) finds no violation of any impact on any page, in light and dark
    (in dark only the rules axe-core files under colour, cat.color: the others see the same page,
    as the check above proves; on print.html the colour rules judge only its own frame and answers:
    its chapters have the chapter pages' colours, and contrast.py measures every pair on it; the
    contrast rule leaves out code, formulas and plots, where axe-core gives no verdict, checked on
    one page: contrast.py measures their colours);
  - every colour pair on every page, in both themes, has the contrast WCAG asks for (contrast.py);
  - the keyboard (keyboard.py): a skip link comes first, every tab stop is visible with a focus
    ring, ←/→ open the previous and next chapter (not while typing in the search box), ↓/↑ walk
    the search results, every section heading has an anchor link that shows on hover;
  - at 1280 px no code or output block is wider than its column (layout.py), unless its longest
    line is over the book's width budget (WIDTH_BUDGET characters: the chapter must print narrower;
    listed as a warning, an error with --strict-width);
  - at a phone's width (390 px) the sidebar collapses behind its button, nothing scrolls sideways
    (code scrolls inside its block), no display formula is cut off, plot text is drawn at 11 px or
    more, the search box's placeholder fits and the search results stay on the screen;
  - every page passes the Nu HTML Checker (nu_checker.py, one run over all pages) without errors;
  - the Run button (run_button.py): every chapter page with it runs its examples in the page, identical
    to the recorded outputs and figures, again after a reload, with the search box answering meanwhile
    and nothing fetched from the network.

Screenshots of every page, light and dark at 1280 px, light at 390 px (and a few dark), go to --screenshots
($BOOK_SCREENSHOTS, default /tmp/book-screenshots), outside the repository.

Uses the system chromedriver (/usr/bin/chromedriver) and Chromium: no Selenium Manager downloads.
"""
import argparse
import base64
import concurrent.futures
import contextlib
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from urllib.parse import unquote, urlparse

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager go to the network

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

import accessibility  # noqa: E402
import contrast  # noqa: E402
import keyboard  # noqa: E402
import layout  # noqa: E402
import run_button  # noqa: E402
import themes  # noqa: E402
from nu_checker import NuChecker  # noqa: E402

# The widest line, in characters, a code or output block may have: the page's code column holds it
# at desktop widths without scrolling. Longer lines are the chapter's to fix (print narrower).
WIDTH_BUDGET = 90
# The smallest plot text a reader should get on a phone, in CSS pixels.
SMALLEST_PLOT_TEXT = 11
# Screenshots: every page light and dark at 1280 px, light at 390 px, and these dark at 390 px.
PHONE_DARK_SHOTS = ["index.html", "04-softmax.html", "07-gradient-descent.html", "10-mnist-data.html"]
DESKTOP = (1280, 900)
PHONE = (390, 844)

passed = 0
failures = []
spent = {}  # what took the time: name -> seconds (summed over the browsers working at once)
lock = threading.Lock()  # the page checks run in several browsers at once, each in a thread of its own


@contextlib.contextmanager
def timed(name):
    start = time.time()
    try:
        yield
    finally:
        with lock:
            spent[name] = spent.get(name, 0) + time.time() - start


def children_cpu():
    """CPU seconds of the processes this test started that have ended and been waited for."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds(exclude=()):
    """CPU time (user + system) so far of this test and every process it started: those that ended
    (`book runnable`) and those still running (chromedriver and Chromium's processes, with what
    their own ended children used), except the pids in `exclude`. Unlike the wall time, it hardly
    changes with the machine's load."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    total = usage.ru_utime + usage.ru_stime + children_cpu()
    ticks, processes = os.sysconf("SC_CLK_TCK"), {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()  # after the command name: state, ppid, ...
            processes[int(pid)] = (int(fields[1]), sum(int(v) for v in fields[11:15]) / ticks)
        except (OSError, IndexError, ValueError):
            continue
    mine, grew = {os.getpid()}, True
    while grew:
        grew = False
        for pid, (parent, _) in processes.items():
            if parent in mine and pid not in mine and pid not in exclude:
                mine.add(pid)
                grew = True
    return total + sum(processes[pid][1] for pid in mine if pid != os.getpid())


def wait_for_stored_theme(driver, theme, seconds=10):
    """Waits until the toggle's choice is in localStorage (the click handler runs asynchronously in
    the browser), so that loading the next page tests the remembering, not a race with the click.
    A choice never stored is a failure of its own, with what the storage holds (this check failed
    once in about seven runs under load, and the message says which half of it broke)."""
    deadline = time.time() + seconds
    stored = None
    while time.time() < deadline:
        stored = driver.execute_script("return localStorage.getItem('book-theme')")
        if stored == theme:
            return
        time.sleep(0.05)
    check(False, f"the toggle stores its choice '{theme}' within {seconds} s (localStorage holds {stored!r})")


def load_until_themed(driver, load, page, theme, seconds=10):
    """Loads `page` until it shows `theme`, for up to `seconds`. A fresh-clone run under load on
    2026-11-30 opened the next page with the old theme although the choice was already stored; our
    reading (not verified) is that Chromium passes a page's localStorage writes on to other pages
    with a delay. A choice never remembered still fails the check that follows."""
    deadline = time.time() + seconds
    while True:
        load(page)
        shown = driver.execute_script("return document.documentElement.getAttribute('data-theme')")
        if shown == theme or time.time() > deadline:
            return
        time.sleep(0.2)


def check(ok, what):
    global passed
    with lock:
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
  const caption = f.querySelector(':scope > figcaption');
  const about = {id: f.id, landing: f.classList.contains('landing-figure'),
                 caption: caption ? caption.textContent.replace(/\s+/g, ' ').trim() : null};
  if (svg) {
    const r = svg.getBoundingClientRect();
    // The figure's description: the elements aria-describedby names, each with text.
    const described = (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .map(id => document.getElementById(id)).map(e => e ? e.textContent.trim() : '');
    return Object.assign(about, {kind: 'svg', width: r.width, height: r.height,
            content: svg.querySelectorAll('polyline, rect, circle, path').length,
            title: !!svg.querySelector('title'), desc: !!svg.querySelector('desc'),
            labelled: svg.hasAttribute('aria-labelledby') && svg.getAttribute('role') === 'img',
            described: described.length > 0 && described.every(t => t.length > 0) ? described.join(' ') : null});
  }
  if (img) return Object.assign(about, {kind: 'img', loaded: img.complete && img.naturalWidth > 0, alt: img.alt});
  return Object.assign(about, {kind: 'none'});
});
const figureLinks = Array.from(document.querySelectorAll('main a[href*="#fig-"]')).map(a => ({href: a.getAttribute('href'), text: a.textContent}));
const images = Array.from(document.images).map(i => ({src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0}));
const maths = Array.from(document.querySelectorAll('math')).map(m => {
  const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
const numbers = Array.from(document.querySelectorAll('main h2[id]')).map(h => {
  const n = h.querySelector('.secnum'); return n ? n.textContent : null; });
const adds = Array.from(document.querySelectorAll('main .adds')).map(a => ({details: a.tagName === 'DETAILS', open: a.open}));
const start = Array.from(document.querySelectorAll('main a.start-link')).map(a => a.getAttribute('href'));
const answers = document.querySelectorAll('#answers .answer').length;
// A caption paragraph the weave did not move under its figure.
const looseCaptions = Array.from(document.querySelectorAll('main p')).map(p => p.textContent.trim())
  .filter(t => t.startsWith('Figure {#')).map(t => t.slice(0, 40));
return {ids, refs, plots, images, maths, numbers, adds, start, figureLinks, answers, looseCaptions};
"""


FIGURE_NUMBER = re.compile(r"^Figure\s([0-9A-Z]+\.\d+)(?=[:\s]|$)")


def chapter_label(page):
    """What a chapter page's sections and figures are numbered by: "7", or "A" for 90-... (appendices)."""
    number = int(page[:2])
    return chr(ord("A") + number - 90) if number >= 90 else str(number)


def figure_number(caption):
    """"7.3" from a figure's caption "Figure 7.3: ...", else None."""
    match = FIGURE_NUMBER.match(caption or "")
    return match.group(1) if match else None


def check_figures(facts, chapters):
    """Every figure has a figcaption "Figure N.k" (N the chapter, k counting from 1 in page order on a
    chapter's page), a description of what it plots, and every link to a figure lands on one; a link
    whose text is "Figure ..." names that figure's number. Returns the number of links."""
    for page, f in facts.items():
        plots = [p for p in f["plots"] if not p["landing"]]
        numbers = [figure_number(p["caption"]) for p in plots]
        if page in chapters:
            expected = [f"{chapter_label(page)}.{k + 1}" for k in range(len(plots))]
            check(numbers == expected, f"{page}: every figure has a figcaption \"Figure N.k\", numbered in order "
                  f"({len(plots)} figures: {numbers[:4]}...)")
            vague = [p["id"] for p in plots if p["kind"] == "svg" and not p["described"]]
            check(not vague, f"{page}: every figure is described by what it plots (aria-describedby) {vague[:3]}")
        elif plots:
            check(all(numbers), f"{page}: every figure has a figcaption \"Figure N.k\" ({numbers.count(None)} do not)")
        check(not f["looseCaptions"], f"{page}: no caption paragraph is left in the prose {f['looseCaptions'][:3]}")
    wrong, count = [], 0
    for page, f in facts.items():
        for link in f["figureLinks"]:
            count += 1
            parsed = urlparse(link["href"])
            target, fragment = unquote(parsed.path) or page, unquote(parsed.fragment)
            figure = next((p for p in facts.get(target, {}).get("plots", []) if p["id"] == fragment), None)
            text = link["text"].replace("\u00a0", " ").strip()
            if figure is None:
                wrong.append(f"{page}: {link['href']} is not a figure")
            elif text.startswith("Figure") and text != f"Figure {figure_number(figure['caption'])}":
                wrong.append(f"{page}: \"{text}\" links to {link['href']}, whose caption is \"{(figure['caption'] or '')[:40]}\"")
    check(not wrong, f"every link to a figure ({count}) lands on a figure, and says its number" + "".join("\n    " + w for w in wrong[:10]))
    shown = [p for page, f in facts.items() if page in chapters for p in f["plots"] if not p["landing"]]
    captioned = [p for p in shown if FIGURE_NUMBER.sub("", p["caption"] or "").strip(": ")]
    print(f"figures: {len(shown)} on the chapter pages, {len(captioned)} with a caption beyond their number; {count} links to figures")
    return count


def summary(axe_version, axe_found, contrast_found, lowest, widths):
    """The numbers a reader of the log wants: what axe found, the lowest contrast, how wide the code is."""
    print(f"axe-core {axe_version}: " + ("no violations" if not axe_found else ", ".join(
        f"{rule} ({found[0][2]}) on {len(found)} page views" for rule, found in sorted(axe_found.items()))))
    print("contrast: lowest " + ", ".join(f"{kind} {ratio}:1 ({mode})" for (mode, kind), ratio in sorted(lowest.items()))
          + f"; {len(contrast_found)} failing pairs" + "".join(
              f"\n    {mode}: {contrast.describe(e['pair'])} on {len(e['pages'])} pages"
              for (mode, *_), e in sorted(contrast_found.items(), key=lambda kv: kv[1]['pair']['ratio'])))
    for width, blocks in widths.items():
        chapters = [b for b in blocks if b["page"] not in ("print.html", "index.html")]
        wide = [b for b in chapters if b["scrolls"]]
        longest = max(chapters, key=lambda b: b["longest"], default=None)
        over = [b for b in chapters if b["longest"] > WIDTH_BUDGET]
        print(f"code and output blocks at {width} width, chapter pages: {len(wide)} of {len(chapters)} scroll sideways "
              f"({sum(b['kind'] == 'code' for b in wide)} code, {sum(b['kind'] == 'output' for b in wide)} output); "
              f"{len(over)} have lines over {WIDTH_BUDGET} characters"
              + (f"; longest line {longest['longest']} characters ({longest['page']}, {longest['kind']})" if longest else ""))


def check_copy_buttons(driver, page, runnable_text):
    """Every code block has a copy button; "copy runnable" is on library and example code, and for
    the chapter's last piece gives exactly what `book runnable NN` prints (`runnable_text`: futures)."""
    figures, buttons, runnable, seqs = driver.execute_script("""
        return [document.querySelectorAll('figure.code').length,
                document.querySelectorAll('figure.code .copy-buttons button').length,
                document.querySelectorAll('figure.code[data-seq] .copy-buttons button').length,
                Array.from(document.querySelectorAll('[data-seq]')).map(e => +e.getAttribute('data-seq'))]""")
    check(figures == 0 or buttons >= figures, f"{page}: every code block has a copy button ({buttons}/{figures})")
    if not seqs:
        return
    check(runnable > 0 and sorted(seqs) == list(range(len(seqs))),
          f"{page}: copy runnable on library and example code ({runnable} snippets, pieces 0..{len(seqs) - 1})")
    if page in runnable_text:
        text = driver.execute_script(f"return window.bookRunnable({len(seqs) - 1})")
        check(text == runnable_text[page].result(), f"{page}: copy runnable gives what `book runnable {page[:2]}` prints")


def set_width(driver, size):
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

class Browser:
    """One headless Chromium (through the system chromedriver): loads a page, takes a screenshot,
    runs axe-core. The page checks run in several of them at once, one page each."""

    def __init__(self, args, book, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = args.chromium
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         f"--window-size={DESKTOP[0]},{DESKTOP[1]}", "--hide-scrollbars"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
        self.driver.set_page_load_timeout(60)
        # axe-core on print.html (the whole book) can take minutes on a busy machine: let a command
        # take 10 minutes before Selenium gives up waiting for the answer (its default is 2).
        self.driver.command_executor._client_config.timeout = 600
        path = accessibility.script_path()
        self.axe = accessibility.Axe(self.driver, path) if path else None
        self.book, self.shots = book, shots

    def load(self, page):
        self.driver.get("file://" + os.path.join(self.book, page))
        self.driver.execute_script("return document.readyState")

    def shot(self, name):
        with timed("screenshots"):
            self.driver.execute_script("window.scrollTo(0, 0)")
            # PNG encoded for speed rather than size (Chromium's optimizeForSpeed): the same picture, faster.
            data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True})["data"]
            with open(os.path.join(self.shots, name + ".png"), "wb") as f:
                f.write(base64.b64decode(data))


class Findings:
    """What the page checks found, for the checks across pages and the summary (filled under `lock`)."""

    def __init__(self, args, chapters, runnable_text):
        self.strict_width, self.axe_dark = args.strict_width, args.axe_dark
        self.chapters, self.runnable_text = chapters, runnable_text
        # The page on which the axe-core test checks that its colour rules may leave code, formulas
        # and plots out (a short chapter that has all three).
        self.verdict_page = "04-softmax.html" if "04-softmax.html" in chapters else next(iter(chapters), None)
        self.facts = {}           # page -> PAGE_FACTS
        self.axe = {}             # rule -> [(page, mode, impact, nodes)]
        self.contrast = {}        # (mode, kind, what, fg, bg) -> {pair, pages}
        self.lowest = {}          # (mode, kind) -> lowest ratio seen
        self.widths = {"desktop": [], "phone": []}   # every pre, measured
        self.colour_rules = set()  # the axe-core rules tagged cat.color that ran in light, per page
        self.runs = {}            # chapter page -> what its Run check found (run_button.check_page)


def check_page(browser, page, run):
    """Everything checked on one page: in light and dark at 1280 px (background, contrast, axe-core,
    screenshots), code blocks against their column, then at a phone's width."""
    driver = browser.driver
    set_width(driver, DESKTOP)
    set_dark(driver, False)
    with timed("loading"):
        browser.load(page)
        time.sleep(0.05)
    facts = driver.execute_script(PAGE_FACTS)
    with lock:
        run.facts[page] = facts
    if page in run.chapters:
        check_copy_buttons(driver, page, run.runnable_text)
    light_signature = None
    for dark in (False, True):
        mode = "dark" if dark else "light"
        set_dark(driver, dark)
        luminance = background_luminance(driver)
        check(luminance < 0.3 if dark else luminance > 0.7,
              f"{page} ({mode}): the background follows the system setting (luminance {luminance:.2f})")
        browser.shot(f"{page[:-5]}-{mode}")

        with timed("contrast"):
            pairs = contrast.pairs(driver)
        bad = contrast.failing(pairs)
        with lock:
            for p in pairs:
                key = (mode, p["kind"])
                run.lowest[key] = min(run.lowest.get(key, 99), p["ratio"])
            for p in bad:
                entry = run.contrast.setdefault((mode, p["kind"], p["what"], p["fg"], p["bg"]), {"pair": p, "pages": []})
                entry["pages"].append(page)
        check(not bad, f"{page} ({mode}): every colour pair has enough contrast ({len(pairs)} pairs)"
              + "".join("\n    " + contrast.describe(p) for p in bad[:12]))

        # The dark theme changes only colours (themes.py): the same elements, attributes and boxes.
        signature = driver.execute_script(themes.SIGNATURE)
        if dark:
            check(signature == light_signature, f"{page}: the dark theme changes only colours: the same elements, "
                  f"attributes and boxes as in light ({light_signature['count']} elements; dark: {signature['count']})")
        light_signature = signature

        if browser.axe:
            colour_only = dark and run.axe_dark == "colour"
            if page == run.verdict_page and not dark:
                # The contrast rule leaves out code, formulas and plots (accessibility.NO_VERDICT), where
                # axe-core gives no verdict: checked here, on one page, that it still gives none.
                with timed("axe " + mode):
                    problems, reasons = browser.axe.unjudged()
                check(not problems and reasons.get("bgGradient") and reasons.get("imgNode"),
                      f"{page}: axe-core's contrast rule gives no verdict on code, formulas and plots, so it "
                      f"leaves them out (undecided: {reasons})" + "".join("\n    " + p for p in problems))
            # print.html: every rule checks all of it in light (its code in one colour, its figures as
            # images, its prefixed ids and its links to the answers are its own). Its chapters' colours
            # are the chapter pages' (the same style rules; checked there by axe-core in both themes)
            # and contrast.py measures every colour pair on it in both themes, so axe-core's colour
            # rules, 60% of axe's time on the whole book, judge only its own frame and the answers.
            leave_out = ["section.print-chapter:not(.answers)"] if page == "print.html" else []
            with timed("axe " + mode):
                violations = browser.axe.violations(colour_only, leave_out)
            if not dark:
                with lock:
                    run.colour_rules.add(tuple(browser.axe.colour_rules))
            with lock:
                for v in violations:
                    run.axe.setdefault(v["id"], []).append((page, mode, v["impact"], len(v["nodes"])))
            check(not violations, f"{page} ({mode}): axe-core finds no violations" + "".join(
                f"\n    {v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']}; e.g. {v['nodes'][0][:200] if v['nodes'] else ''}"
                for v in violations))

    # Desktop: code and output fit their column, unless a line is over the width budget.
    set_dark(driver, False)
    with timed("layout"):
        blocks = layout.blocks(driver)
        facts_desktop = layout.page(driver)
    with lock:
        run.widths["desktop"] += [dict(b, page=page) for b in blocks]
    too_wide = [b for b in blocks if b["scrolls"] or b["beyondColumn"]]
    layout_fault = [b for b in too_wide if b["longest"] <= WIDTH_BUDGET or run.strict_width]
    check(not layout_fault, f"{page} (1280 px): no code or output block wider than its column"
          + "".join(f"\n    {b['kind']}, {b['longest']} characters, {b['content']} px in {b['box']} px: {b['line']}"
                    for b in layout_fault[:10]))
    over_budget = [b for b in too_wide if b["longest"] > WIDTH_BUDGET]
    if over_budget and not run.strict_width:
        print(f"warning: {page}: {len(over_budget)} blocks have lines over {WIDTH_BUDGET} characters "
              f"(longest {max(b['longest'] for b in over_budget)}): the chapter should print narrower")
    fits = facts_desktop["placeholder"]
    check(fits is None or fits["text"] <= fits["room"],
          f"{page} (1280 px): the search placeholder fits its box ({fits})")

    # A phone: the sidebar collapses, nothing but code scrolls sideways, formulas and plots read.
    set_width(driver, PHONE)
    if page in PHONE_DARK_SHOTS:
        set_dark(driver, True)
        browser.shot(f"{page[:-5]}-phone-dark")
    set_dark(driver, False)
    browser.shot(f"{page[:-5]}-phone-light")
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('.sidebar')).display") == "none"
    check(hidden, f"{page} (phone): the sidebar is collapsed")
    with timed("layout"):
        phone = layout.page(driver)
        blocks = layout.blocks(driver)
    check(phone["sideways"] <= 1, f"{page} (phone): no sideways scrolling ({phone['sideways']} px)")
    with lock:
        run.widths["phone"] += [dict(b, page=page) for b in blocks]
    loose = [b for b in blocks if b["beyondScreen"] or (b["scrolls"] and not b["scrollable"])]
    check(not loose, f"{page} (phone): every code block scrolls inside its own box ({len(loose)} do not)")
    check(phone["cutFormulas"] == 0, f"{page} (phone): no display formula is cut off ({phone['cutFormulas']} are)")
    # book.js marks the blocks that scroll once the page's new width is laid out: wait for it if needed.
    unreachable = phone["unreachable"] and (layout.page(driver)["unreachable"] if not keyboard.wait_until(
        lambda: not layout.page(driver)["unreachable"], 1) else [])
    check(not unreachable, f"{page} (phone): every block that scrolls sideways is a Tab stop "
          f"({len(unreachable)} are not: {unreachable[:4]})")
    small = phone["smallestPlotText"]
    check(small is None or small["px"] >= SMALLEST_PLOT_TEXT,
          f"{page} (phone): plot text is at least {SMALLEST_PLOT_TEXT} px (smallest: {small})")
    fits = phone["placeholder"]
    check(fits is None or fits["text"] <= fits["room"], f"{page} (phone): the search placeholder fits its box ({fits})")
    check(not severe_logs(driver), f"{page}: no console errors")


def check_interactions(browser, chapters):
    """What a reader does on the pages, in one browser: follow a figure link, search, switch the
    theme, copy, use the keyboard, open a solution, and on a phone open the menu and search. Runs
    beside the page checks, as one more job for the browsers; leaves no stored theme behind."""
    driver, load, shot = browser.driver, browser.load, browser.shot
    html = {}
    for page in chapters:
        with open(os.path.join(browser.book, page), encoding="utf-8") as f:
            text = f.read()
        html[page] = text[text.find("<main"):]
    set_width(driver, DESKTOP)
    set_dark(driver, False)
    try:
        # A figure's accessible name, as the browser computes it for a screen reader, is its caption.
        page = next((p for p in chapters if '<figure class="plot"' in html[p]), None)
        if page:
            load(page)
            names = [e.accessible_name for e in driver.find_elements(By.CSS_SELECTOR, "main figure.plot")]
            check(names and all(figure_number(n) for n in names),
                  f"{page}: each figure's accessible name is its caption \"Figure N.k: ...\" ({names[:2]})")
        # Following a link to a figure scrolls to that figure.
        page = next((p for p in chapters if 'href="#fig-' in html[p]), None)
        if page:
            load(page)
            landed = driver.execute_script("""
                const a = Array.from(document.querySelectorAll('main a[href^="#fig-"]')).find(a => a.getClientRects().length);
                if (!a) return null;
                a.click();
                const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
                const r = target.getBoundingClientRect();
                return {href: a.getAttribute('href'), figure: target.matches('figure.plot'), top: Math.round(r.top),
                        height: innerHeight, hash: location.hash};""")
            check(landed is not None and landed["figure"] and 0 <= landed["top"] < landed["height"] / 2
                  and landed["hash"] == landed["href"], f"{page}: following a link to a figure shows the figure ({landed})")

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
            time.sleep(0.03)
        check(len(results) > 0, f'search finds "softmax" ({len(results)} results)')
        ranked = driver.execute_script("return window.bookSearch('softmax')") or []
        in_order = all(a["score"] > b["score"] or (a["score"] == b["score"] and a["section"] < b["section"])
                       for a, b in zip(ranked, ranked[1:]))
        check(in_order and len(ranked) > 0, "search results are ranked, ties in book order")
        ties = driver.execute_script("return window.bookSearch('the perceptron')") or []
        check(len(ties) > 0, 'a query with a stop word ("the perceptron") still finds sections')
        if results:
            shot("search-softmax")
            href = results[0].get_attribute("href")
            results[0].click()
            keyboard.wait_until(lambda: driver.current_url.split("#")[0] == href.split("#")[0])
            check(driver.current_url.split("#")[0] == href.split("#")[0], f"clicking a result opens it ({href})")
        box = driver.find_element(By.ID, "search-box")
        box.clear()
        box.send_keys("qwertyuiop")
        none = keyboard.wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li.none"))
        check(len(none) == 1, "search says when nothing matches")

        # Theme toggle, remembered across pages, no stored choice left behind for the next run.
        set_dark(driver, False)
        load("01-perceptron.html")
        driver.execute_script("localStorage.removeItem('book-theme')")
        load("01-perceptron.html")
        driver.find_element(By.ID, "theme-toggle").click()
        check(background_luminance(driver) < 0.3, "the toggle switches a light page to dark")
        wait_for_stored_theme(driver, "dark")
        load_until_themed(driver, load, "02-activations.html", "dark")
        check(driver.execute_script("return document.documentElement.getAttribute('data-theme')") == "dark"
              and background_luminance(driver) < 0.3, "the choice is remembered on the next page")
        driver.find_element(By.ID, "theme-toggle").click()
        wait_for_stored_theme(driver, "light")
        load_until_themed(driver, load, "02-activations.html", "light")
        check(background_luminance(driver) > 0.7, "toggling back is remembered too")
        driver.execute_script("localStorage.removeItem('book-theme')")
        check(not severe_logs(driver), "theme toggling raises no console errors")

        load("04-softmax.html")
        copy = driver.find_element(By.CSS_SELECTOR, "figure.code .copy-buttons button")
        copy.click()
        keyboard.wait_until(lambda: copy.text != "copy")  # "copied", or how to copy by hand
        check(not severe_logs(driver), "clicking copy raises no console errors")

        # The keyboard: skip link, tab stops, focus rings, ←/→, search results, heading anchors.
        with timed("keyboard"):
            keyboard.check_all(driver, load, check, shot, chapters, browser.book)

        # Solutions: folded under each exercise; opening one shows its code and checked output.
        load("01-perceptron.html")
        folded = driver.find_elements(By.CSS_SELECTOR, "details.solution")
        if check(len(folded) > 0, f"01-perceptron: solutions are folded ({len(folded)})"):
            solution = folded[0]
            check(not solution.find_element(By.CSS_SELECTOR, "figure.code.solution").is_displayed(),
                  "a folded solution's code is hidden")
            solution.find_element(By.TAG_NAME, "summary").click()
            code = solution.find_element(By.CSS_SELECTOR, "figure.code.solution")
            keyboard.wait_until(code.is_displayed, 1)
            output = solution.find_elements(By.CSS_SELECTOR, "pre.output")
            check(code.is_displayed() and "Perceptron" in code.text and output and output[0].is_displayed(),
                  "opening a solution shows its code and its output")

        # A phone's width: the menu button opens the sidebar; search results stay on the screen.
        set_width(driver, PHONE)
        set_dark(driver, False)
        load("04-softmax.html")
        driver.find_element(By.CSS_SELECTOR, "label.menu-button").click()
        shown = keyboard.wait_until(lambda: driver.execute_script(
            "return getComputedStyle(document.querySelector('.sidebar')).display") != "none", 1)
        check(shown, "(phone) the menu button opens the sidebar")
        shot("04-softmax-phone-menu")
        load("04-softmax.html")
        box = driver.find_element(By.ID, "search-box")
        box.click()
        box.send_keys("softmax")
        deadline = time.time() + 10
        panel = None
        while time.time() < deadline and not (panel and driver.find_elements(By.CSS_SELECTOR, "#search-results li")):
            panel = layout.search_panel(driver)
            time.sleep(0.03)
        check(panel is not None and panel["left"] >= 0 and panel["right"] <= panel["width"],
              f"(phone) the search results lie inside the screen ({panel})")
        shot("search-softmax-phone")
        check(not severe_logs(driver), "(phone) no console errors")
    finally:
        driver.execute_script("try { localStorage.removeItem('book-theme') } catch (e) {}")
        set_width(driver, DESKTOP)


def check_run_button(browser, page, seeded, run):
    """The Run button on one chapter page: its examples run in the page, identical to the book
    (run_button.py); a job of its own beside the page checks."""
    set_width(browser.driver, DESKTOP)
    set_dark(browser.driver, False)
    with timed("run button"):
        found = run_button.check_page(browser.driver, browser.load, check, page, browser.book, seeded)
    with lock:
        run.runs[page] = found


class JobTimes:
    """How long each job of the browser test took in its last run (a file under .build, written at the
    end), so that the browsers can take the longest jobs first. A job never timed is estimated from
    its page's size. Only the order of the jobs depends on it, never what they check."""

    def __init__(self, path, book):
        self.path, self.book, self.seconds = path, book, {}
        try:
            with open(path, encoding="utf-8") as f:
                self.seconds = {k: float(v) for k, v in json.load(f).items()}
        except (OSError, ValueError, AttributeError):
            self.seconds = {}

    def estimate(self, name):
        if name in self.seconds:
            return self.seconds[name]
        if name == "interactions":
            return 11.0
        page = name.split(" ")[-1]
        path = os.path.join(self.book, page)
        size = os.path.getsize(path) if os.path.exists(path) else 0
        # A page's checks: about a second plus 1.25 s per 100 KB (axe-core's time grows with the page);
        # a Run job, unknown until timed once: the larger pages have the longer runs.
        return (2.0 if name.startswith("run ") else 1.0) * (1.0 + size / 80_000)

    def save(self, lanes):
        """Records this run's times (written atomically; a failure to write only loses the order)."""
        seconds = dict(self.seconds)
        seconds.update({name: round(t, 2) for jobs in lanes.values() for name, t in jobs})
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(self.path + ".tmp", "w", encoding="utf-8") as f:
                json.dump(seconds, f, indent=0, sort_keys=True)
            os.replace(self.path + ".tmp", self.path)
        except OSError as error:
            print(f"note: the jobs' times were not saved ({error})")


def check_pages(browsers, pages, run, times):
    """The page checks (one job a page), the interactions (`check_interactions`) and the Run button
    (one job a chapter), spread over the browsers from one queue: each browser takes the longest job
    left (as long as it took last time, `times`), so that they finish at about the same time."""
    jobs = [(page, lambda b, page=page: check_page(b, page, run)) for page in pages]
    jobs.append(("interactions", lambda b: check_interactions(b, run.chapters)))
    for k, page in enumerate(run_button.pages(browsers[0].book, run.chapters)):
        jobs.append((f"run {page}", lambda b, page=page, seeded=(k == 0): check_run_button(b, page, seeded, run)))
    queue = sorted(jobs, key=lambda job: -times.estimate(job[0]))
    lanes = {}  # browser number -> [(job, seconds)]: where the time went, printed at the end

    def work(number):
        while True:
            with lock:
                if not queue:
                    return
                name, job = queue.pop(0)
            start = time.time()
            job(browsers[number])
            with lock:
                lanes.setdefault(number, []).append((name, time.time() - start))

    with concurrent.futures.ThreadPoolExecutor(len(browsers)) as pool:
        for done in [pool.submit(work, k) for k in range(len(browsers))]:
            done.result()
    for number, jobs in sorted(lanes.items()):
        print(f"browser {number + 1}: {sum(t for _, t in jobs):.1f} s: "
              + ", ".join(f"{name.removesuffix('.html')} {t:.1f}" for name, t in jobs))
    if run.runs:
        run_button.report(run.runs)
    times.save(lanes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--book", default="book")
    parser.add_argument("--tool", default=".build/debug/book", help="the book tool, for `book runnable`")
    parser.add_argument("--screenshots", default=os.environ.get("BOOK_SCREENSHOTS", "/tmp/book-screenshots"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--strict-width", action="store_true", default=bool(os.environ.get("BOOK_STRICT_WIDTH")),
                        help=f"fail on a block with a line over {WIDTH_BUDGET} characters too ($BOOK_STRICT_WIDTH)")
    parser.add_argument("--axe-dark", choices=["colour", "all"], default="colour",
                        help="which axe-core rules run again in dark mode (default: those that depend on colour)")
    parser.add_argument("--browsers", type=int, choices=range(1, 9), default=min(2, os.cpu_count() or 1), metavar="N",
                        help="how many browsers share the page checks (default: 2, or 1 on one core)")
    args = parser.parse_args()

    book = os.path.abspath(args.book)
    shots = os.path.abspath(args.screenshots)
    repository = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if shots == repository or shots.startswith(repository + os.sep):
        sys.exit("screenshots must go outside the repository, not to " + shots)
    os.makedirs(shots, exist_ok=True)
    pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(book, "*.html")))
    chapters = [p for p in pages if re.match(r"\d\d-", p)]

    started, load_before, nu_cpu = time.time(), os.getloadavg(), 0.0
    # The Nu HTML Checker reads the files while the browser works, and so does `book runnable --all`
    # (what "copy runnable" must give, for every chapter).
    nu = NuChecker([os.path.join(book, p) for p in pages])
    runnable_text = {}
    if os.path.exists(args.tool):
        # Every chapter's program in one `book runnable --all` (one process reads the book once, not
        # one per chapter: 0.5 CPU-seconds each in a debug build).
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        programs = pool.submit(lambda: json.loads(subprocess.run([os.path.abspath(args.tool), "runnable", "--all"],
                                                                 capture_output=True, text=True, cwd=repository).stdout or "{}"))
        runnable_text = {page: pool.submit(lambda n: programs.result().get(n), page[:2]) for page in chapters}
        pool.shutdown(wait=False)

    # Two browsers share the page checks (one on each core: a page's checks keep one busy), and the
    # first goes on with the checks that span pages.
    with concurrent.futures.ThreadPoolExecutor(args.browsers) as pool:
        browsers = list(pool.map(lambda _: Browser(args, book, shots), range(args.browsers)))
    check(browsers[0].axe is not None, "axe-core is installed (pip install selenium-axe-python)")
    run = Findings(args, chapters, runnable_text)

    # Why axe-core runs only its colour rules in dark: the style sheets change nothing but colours.
    problems, themed = themes.style_sheet_problems(book)
    check(not problems, f"the dark theme sets only colours ({themed} style rules depend on the theme)"
          + "".join("\n    " + p for p in problems[:10]))

    try:
        check_pages(browsers, pages, run, JobTimes(os.path.join(repository, ".build", "browser-test", "job-seconds.json"), book))
        facts, axe_found, contrast_found, lowest, widths = run.facts, run.axe, run.contrast, run.lowest, run.widths

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
            if page in chapters and not page.startswith("00-"):
                expected = [f"{chapter_label(page)}.{k + 1}" for k in range(len(f["numbers"]))]
                check(f["numbers"] == expected, f"{page}: sections are numbered {expected[:3]}... ({f['numbers'][:3]}...)")
            check(all(a["details"] and not a["open"] for a in f["adds"]),
                  f"{page}: the \"this chapter adds\" box is folded ({f['adds']})")
        first_chapter = next((p for p in chapters if not p.startswith("00-")), None)
        check(facts.get("index.html", {}).get("start") == [first_chapter],
              f"index.html: an obvious link starts the reader at {first_chapter} ({facts.get('index.html', {}).get('start')})")
        check(any(p["kind"] == "svg" for p in facts.get("index.html", {}).get("plots", [])), "index.html shows a figure the book draws")
        check(sum(len(f["plots"]) for p, f in facts.items() if p in chapters) > 0, "the chapters have plots")
        check(sum(len(f["maths"]) for f in facts.values()) > 0, "the chapters have formulas")
        check_figures(facts, [p for p in chapters if not p.startswith("00-")])

        if browsers[0].axe:
            check(run.colour_rules == {tuple(accessibility.COLOUR_RULES)},
                  f"axe-core's colour rules (tag cat.color) that run are {accessibility.COLOUR_RULES}, the ones "
                  f"this test runs again in dark and narrows ({sorted(run.colour_rules)})")
        answers = facts.get("print.html", {}).get("answers", 0)
        check(answers > 0, f"print.html ends with the answers ({answers})")
        size = os.path.getsize(os.path.join(book, "search-index.js"))
        print(f"search index: search-index.js, {size} bytes")
        print(f"browser: {len(pages)} pages in {time.time() - started:.1f} s ("
              + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in sorted(spent.items())) + f"); screenshots in {shots}")
    finally:
        browser_cpu = cpu_seconds(exclude={nu.process.pid} if nu.process else set())
        for browser in browsers:
            browser.driver.quit()

    # The Nu HTML Checker, started at the beginning.
    if check(nu.missing is None, f"the Nu HTML Checker can run ({nu.missing})"):
        with timed("waiting for the Nu HTML Checker"):
            before = children_cpu()
            messages = nu.messages()
            nu_cpu = children_cpu() - before
        errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
        warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
        for page in pages:
            mine = [m for m in errors if os.path.basename(m.get("url", "")) == page]
            check(not mine, f"{page}: the Nu HTML Checker finds no errors ({len(mine)})"
                  + "".join("\n    " + NuChecker.describe(m) for m in mine[:5]))
        stray = [m for m in errors if os.path.basename(m.get("url", "")) not in pages]
        check(not stray, "the Nu HTML Checker ran without trouble" + "".join("\n    " + NuChecker.describe(m) for m in stray[:5]))
        print(f"Nu HTML Checker: {len(errors)} errors, {len(warnings)} warnings"
              + "".join("\n    warning: " + NuChecker.describe(m) for m in warnings[:5]))

    summary(browsers[0].axe.version() if browsers[0].axe else "(none)", axe_found, contrast_found, lowest, widths)
    print(f"time: {time.time() - started:.1f} s in all; CPU {browser_cpu + nu_cpu:.1f} s ({browser_cpu:.1f} s this test "
          f"and Chromium, {nu_cpu:.1f} s the Nu HTML Checker); load average {load_before[0]:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after ({os.cpu_count()} cores: above {os.cpu_count()}, other work shared the machine)")

    sizes = sorted(((os.path.getsize(os.path.join(book, p)), p) for p in pages), reverse=True)
    print("largest pages: " + ", ".join(f"{p} {s // 1024} KB" for s, p in sizes[:4]))
    for s, p in sizes:
        # print.html is the whole book on one page, the sum of the chapters' text: it gets a 1.25 MB
        # cap (it was 1 MB until chapter 12's batch norm and shifted digits took the book to 1,035 KB),
        # every other page 500 KB. (Image grids draw each picture as a PNG of 488 bytes for 28×28, so
        # chapter 11's noise-like first-layer weights no longer take 293 KB as runs of <rect>s.)
        limit = 1280 if p == "print.html" else 500
        check(s <= limit * 1024, f"{p} is at most {limit} KB ({s // 1024} KB)")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
