"""The Run button (issue 16, theme/run.js): on every chapter page that has it, press Run once and
require that every example's output and every figure the page computes is identical to the book's
recorded one; that the search box answers while the chapter runs; that the page's main thread runs
no task as long as half the run (for runs of 1 s or more: shorter ones cannot tell a Worker from the
main thread on a loaded machine); and that the page fetched nothing from the network (every resource it loaded is a
file:// or blob: URL).

The seed field, on the first such page (chapter 1, the quickest to run): a bad seed is refused with a
message and runs nothing; another seed, typed and run with Enter, makes outputs differ, marked
"differs: seed N" with the moved numbers marked, figures drawn again, and the hidden check that pins
SplitMix64's first numbers for seed 42 reported by its line as written for the book's seeds (the run
goes on to the last example); seed 0 again gives every output identical, in the same page (a second
run of a module already loaded); and after reloading the page, a run gives them identical again.

A chapter page whose module (book/wasm/NN-slug.js, written by `make book`) is missing is a failure
where BOOK_REQUIRE_BROWSER or BOOK_REQUIRE_WASM is set (CI), else it is reported and skipped.
"""
import os
import time

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

# How long one run may take before the test gives up (the budget is 10 s in Chromium; this is a
# safety net for a loaded machine, not the budget).
RUN_TIMEOUT = 180

STATE = "return document.getElementById('run-panel').dataset.state"
PRESSING = "document.getElementById('run-panel').dataset.state = 'pressing'"


# Records, from the press of Run to the end of the run, the longest task the page's main thread ran
# (the Long Tasks API: every task over 50 ms; were the module run on the main thread, that task would
# be the run), the longest time it went without running a 10 ms timer (shown, not judged: on a loaded
# machine an idle main thread can wait seconds for a core, which says nothing about where the module
# runs), and the run's state when the search box first showed results.
GAP_PROBE = """
window.runGaps = { longest: 0, task: 0, answered: null };
const ended = () => ['done', 'failed', 'missing'].includes(document.getElementById('run-panel').dataset.state);
const tasks = new PerformanceObserver(list => {
  for (const t of list.getEntries()) runGaps.task = Math.max(runGaps.task, t.duration);
});
tasks.observe({ type: 'longtask' });
let last = performance.now();
const tick = () => {
  const now = performance.now(), state = document.getElementById('run-panel').dataset.state;
  runGaps.longest = Math.max(runGaps.longest, now - last);
  last = now;
  if (runGaps.answered === null && document.querySelector('#search-results li')) runGaps.answered = state;
  if (!ended()) setTimeout(tick, 10);
  else setTimeout(() => { for (const t of tasks.takeRecords()) runGaps.task = Math.max(runGaps.task, t.duration); tasks.disconnect(); }, 0);
};
setTimeout(tick, 10);
"""

# Waits in the page (one WebDriver call, not a poll a few times a second) until the run ends; answers
# the panel's state.
WAIT_FOR_END = """
const finished = arguments[arguments.length - 1], panel = document.getElementById('run-panel');
const ended = () => ['done', 'missing', 'failed', 'invalid'].includes(panel.dataset.state);
if (ended()) { finished(panel.dataset.state); return; }
new MutationObserver((_, observer) => {
  if (ended()) { observer.disconnect(); finished(panel.dataset.state); }
}).observe(panel, { attributes: true, attributeFilter: ['data-state'] });
"""

# What a run with the book's seeds left on the page.
RUN_FACTS = """
const panel = document.getElementById('run-panel');
return { result: panel.dataset.result || null, seconds: panel.dataset.seconds || null,
         status: document.getElementById('run-status').textContent,
         different: [...document.querySelectorAll('.run-result.different')].map(e => e.textContent.slice(0, 400)),
         identical: document.querySelectorAll('.run-result.identical').length,
         gap: Math.round(window.runGaps ? runGaps.longest : 0), task: Math.round(window.runGaps ? runGaps.task : 0),
         answered: window.runGaps ? runGaps.answered : null,
         results: document.querySelectorAll('#search-results li').length };
"""


def wait_for_end(driver):
    """Waits for the run to end (at most RUN_TIMEOUT seconds); returns the panel's state."""
    driver.set_script_timeout(RUN_TIMEOUT)
    try:
        return driver.execute_async_script(WAIT_FOR_END)
    except TimeoutException:
        return driver.execute_script(STATE)


def run_once(driver, check, page):
    """Presses Run, types in the search box while it runs, waits for the end. Returns the seconds the
    page reports, or None."""
    driver.execute_script(PRESSING)
    driver.execute_script(GAP_PROBE)
    driver.find_element(By.ID, "run-button").click()
    box = driver.find_element(By.ID, "search-box")
    box.clear()
    box.send_keys("softmax")
    state = wait_for_end(driver)
    facts = driver.execute_script(RUN_FACTS)
    check(state == "done" and facts["result"] == "identical",
          f"{page}: Run gives the book's outputs and figures ({state}, {facts['result']}): {facts['status']}"
          + "".join("\n    " + d.replace("\n", "\n    ") for d in facts["different"][:3]))
    check(facts["identical"] > 0, f"{page}: the page marks the outputs it checked ({facts['identical']} marked identical)")
    # The search box must answer during the run; when the run ended first, it must answer at all.
    answered = facts["answered"]
    if answered is None:
        deadline = time.time() + 10
        while not facts["results"] and time.time() < deadline:
            time.sleep(0.05)
            facts["results"] = len(driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
        answered = "over" if facts["results"] else None
    check(answered is not None, f"{page}: the search box answers while the examples run (it answered"
          + (f" while the run was {answered})" if answered else " not at all)"))
    # The main thread stays free while the module runs (in a Worker): judged on runs of 1 s or more,
    # by the longest task the main thread ran, not by how long it went without running a timer (an
    # idle thread of a Chromium at nice 19 beside busy processes waited 2.8 s in a 3.0 s run); one
    # check per run, whatever its length, so that the count of checks does not depend on the load.
    seconds, gap, task = facts["seconds"], facts["gap"], facts["task"]
    judged = bool(seconds) and float(seconds) >= 1.0
    check(not judged or task < 500 * float(seconds), f"{page}: the page stays responsive while the examples run"
          + (f" (longest task of its main thread {task} ms, longest pause {gap} ms, run {seconds} s)" if judged
             else f" (a run of {seconds} s is too short to tell a Worker from the main thread)"))
    box.clear()
    return f"{seconds} s (main thread's longest task {task} ms, pause {gap} ms)"


PANEL_FACTS = """
const panel = document.getElementById('run-panel');
const texts = selector => [...document.querySelectorAll(selector)].map(e => e.textContent);
return { state: panel.dataset.state, result: panel.dataset.result || null, seed: panel.dataset.seed || null,
         status: document.getElementById('run-status').textContent,
         invalid: document.getElementById('run-seed').getAttribute('aria-invalid'),
         results: document.querySelectorAll('.run-result').length,
         moved: texts('.run-result.moved:not(.check)'), checks: texts('.run-result.check'),
         different: texts('.run-result.different'), identical: texts('.run-result.identical'),
         marks: document.querySelectorAll('.run-result.moved mark').length,
         redrawn: document.querySelectorAll('.run-result.moved img').length };
"""


def check_seed(driver, check, page):
    """The seed field on `page` (after a run with the book's seeds): a bad value, another seed, and
    back to the book's seeds. Returns what the run with another seed found, for the summary."""
    field = driver.find_element(By.ID, "run-seed")
    before = driver.execute_script(PANEL_FACTS)
    field.clear()
    field.send_keys("-3")
    driver.find_element(By.ID, "run-button").click()
    facts = driver.execute_script(PANEL_FACTS)
    check(facts["state"] == "invalid" and facts["invalid"] == "true" and "0 to 4294967295" in facts["status"]
          and facts["results"] == before["results"],
          f"{page}: the seed -3 is refused with the valid range and runs nothing ({facts['state']}: {facts['status']})")
    seed = 7
    field.clear()
    driver.execute_script(PRESSING)
    field.send_keys(str(seed), Keys.ENTER)  # the keyboard alone runs it
    state = wait_for_end(driver)
    facts = driver.execute_script(PANEL_FACTS)
    check(state == "done" and facts["result"] == "moved" and facts["seed"] == str(seed),
          f"{page}: seed {seed} runs to the end and the page says outputs differ ({state}, {facts['result']}):"
          f" {facts['status']}")
    label = f"differs: seed {seed}"
    check(facts["moved"] and all(t.startswith(label) for t in facts["moved"]) and facts["marks"] > 0,
          f"{page}: with seed {seed} the outputs that moved read '{label}', their moved numbers marked"
          f" ({len(facts['moved'])} outputs, {facts['marks']} marks)")
    check(not facts["different"], f"{page}: with seed {seed} nothing reads as wrong: {facts['different'][:2]}")
    check(facts["redrawn"] > 0, f"{page}: with seed {seed} the figures that depend on the draws are drawn again"
          f" ({facts['redrawn']})")
    # Chapter 1 pins SplitMix64's first numbers for seed 42 with a hidden check: another seed fails it.
    check(any(page[:-len(".html")] + ".md:" in t and "book's seeds" in t and t.startswith(label)
              for t in facts["checks"]),
          f"{page}: with seed {seed} the hidden check that fails is named by its line, as written for the"
          f" book's seeds: {facts['checks'][:2]}")
    found = f"seed {seed}: {len(facts['moved'])} outputs moved, {len(facts['identical'])} did not," \
            f" {facts['redrawn']} figures redrawn, {len(facts['checks'])} hidden checks failed"
    field.clear()
    field.send_keys("0")
    driver.execute_script(PRESSING)
    driver.find_element(By.ID, "run-button").click()
    state = wait_for_end(driver)
    facts = driver.execute_script(PANEL_FACTS)
    check(state == "done" and facts["result"] == "identical" and not facts["moved"] and not facts["checks"]
          and facts["invalid"] == "false",
          f"{page}: back to seed 0, every output is identical again ({state}, {facts['result']}): {facts['status']}")
    return found


def pages(book, chapters):
    """The chapter pages that have the Run panel (the weave writes it into the file), in book order."""
    found = []
    for page in chapters:
        with open(os.path.join(book, page), encoding="utf-8") as f:
            if 'id="run-panel"' in f.read():
                found.append(page)
    return found


def check_page(driver, load, check, page, book, seeded):
    """Runs one chapter page's examples with its Run button, once; the first chapter (`seeded`) also
    with another seed and back (check_seed), and again after reloading the page. Each chapter is a
    job of its own in the browser test, so the browsers share the runs. Returns what the run took
    (for `report`), or None when the page has no module."""
    require = bool(os.environ.get("BOOK_REQUIRE_BROWSER") or os.environ.get("BOOK_REQUIRE_WASM"))
    load(page)
    module = os.path.join(book, "wasm", page[:-len(".html")] + ".js")
    if not os.path.exists(module):
        check(not require, f"{page}: its WebAssembly module {module} is built (make book)")
        return None
    first = run_once(driver, check, page)
    seed = None
    if seeded:
        seed = f"{page[:2]}, {check_seed(driver, check, page)}"
        # The issue asks for identical outputs after reloading too: a fresh page loads the
        # module again (its script from the file system) and must give the same outputs.
        driver.refresh()
        first += " / after reloading " + run_once(driver, check, page + " (after reloading)")
    remote = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith('file:') && !n.startsWith('blob:') && !n.startsWith('data:'))")
    check(not remote, f"{page}: running the examples fetches nothing from the network ({remote[:3]})")
    return {"time": f"{page[:2]} {first} ({os.path.getsize(module) // 1024} KB)", "seed": seed}


def report(results):
    """Prints the time each chapter's run took, in book order (`results`: page -> what check_page returned)."""
    missing = [page for page, found in sorted(results.items()) if found is None]
    if missing:
        print(f"run button: no module for {', '.join(missing)} (make book builds them; needs wasi-libc)")
    print("run button, seconds in Chromium and module script size: "
          + ", ".join(found["time"] for _, found in sorted(results.items()) if found))
    for _, found in sorted(results.items()):
        if found and found["seed"]:
            print(f"run button with another seed: chapter {found['seed']}")
