"""The Run button (issue 16, theme/run.js): on every chapter page that has it, press Run and require
that every example's output and every figure the page computes is identical to the book's recorded
one (on the first such page, again after reloading it); that the search box answers while the chapter runs; that the
page's main thread never pauses for half the run or more (for runs of 0.5 s or more: shorter ones
cannot tell a Worker from the main thread); and that the page fetched nothing from the network
(every resource it loaded is a file:// or blob: URL).

A chapter page whose module (book/wasm/NN-slug.js, written by `make book`) is missing is a failure
where BOOK_REQUIRE_BROWSER or BOOK_REQUIRE_WASM is set (CI), else it is reported and skipped.
"""
import os
import time

from selenium.webdriver.common.by import By

# How long one run may take before the test gives up (the budget is 10 s in Chromium; this is a
# safety net for a loaded machine, not the budget).
RUN_TIMEOUT = 180

STATE = "return document.getElementById('run-panel').dataset.state"


# Records the longest time the page's main thread went without running a 10 ms timer, from the press
# of Run to the end of the run: were the module run on the main thread, that gap would be the run.
GAP_PROBE = """
window.runGaps = { longest: 0 };
let last = performance.now();
const tick = () => {
  const now = performance.now(), state = document.getElementById('run-panel').dataset.state;
  runGaps.longest = Math.max(runGaps.longest, now - last);
  last = now;
  if (!['done', 'failed', 'missing'].includes(state)) setTimeout(tick, 10);
};
setTimeout(tick, 10);
"""


def run_once(driver, check, page):
    """Presses Run, types in the search box while it runs, waits for the end. Returns the seconds the
    page reports, or None."""
    driver.execute_script("document.getElementById('run-panel').dataset.state = 'pressing'")
    driver.execute_script(GAP_PROBE)
    driver.find_element(By.ID, "run-button").click()
    box = driver.find_element(By.ID, "search-box")
    box.clear()
    box.send_keys("softmax")
    answered_while = None
    deadline = time.time() + RUN_TIMEOUT
    state = driver.execute_script(STATE)
    while time.time() < deadline:
        state = driver.execute_script(STATE)
        if answered_while is None and driver.find_elements(By.CSS_SELECTOR, "#search-results li"):
            answered_while = state
        if state in ("done", "missing", "failed"):
            break
        time.sleep(0.05)
    status = driver.find_element(By.ID, "run-status").text
    result = driver.execute_script("return document.getElementById('run-panel').dataset.result")
    differences = [e.text[:400] for e in driver.find_elements(By.CSS_SELECTOR, ".run-result.different")]
    check(state == "done" and result == "identical",
          f"{page}: Run gives the book's outputs and figures ({state}, {result}): {status}"
          + "".join("\n    " + d.replace("\n", "\n    ") for d in differences[:3]))
    identical = len(driver.find_elements(By.CSS_SELECTOR, ".run-result.identical"))
    check(identical > 0, f"{page}: the page marks the outputs it checked ({identical} marked identical)")
    # The search box must answer during the run; when the run ended first, it must answer at all.
    check(answered_while is not None, f"{page}: the search box answers while the examples run (it answered"
          + (f" while the run was {answered_while})" if answered_while else " not at all)"))
    # The main thread stays free while the module runs (in a Worker): judged on runs long enough to tell.
    seconds = driver.execute_script("return document.getElementById('run-panel').dataset.seconds")
    gap = driver.execute_script("return Math.round(window.runGaps.longest)")
    if seconds and float(seconds) >= 0.5:
        check(gap < 500 * float(seconds), f"{page}: the page stays responsive while the examples run"
              f" (longest pause of its main thread {gap} ms, run {seconds} s)")
    box.clear()
    return f"{seconds} s (main thread's longest pause {gap} ms)"


def check_all(driver, load, check, chapters, book):
    """Runs every chapter page's examples with its Run button; prints the time each run took."""
    require = bool(os.environ.get("BOOK_REQUIRE_BROWSER") or os.environ.get("BOOK_REQUIRE_WASM"))
    times, missing = [], []
    for page in chapters:
        load(page)
        if not driver.find_elements(By.ID, "run-panel"):
            continue
        module = os.path.join(book, "wasm", page[:-len(".html")] + ".js")
        if not os.path.exists(module):
            missing.append(page)
            check(not require, f"{page}: its WebAssembly module {module} is built (make book)")
            continue
        first = run_once(driver, check, page)
        # Once per chapter; the first chapter also after reloading its page (a second run of
        # every chapter would double the test's longest part and find nothing the first misses).
        again = "-"
        if not times:
            driver.refresh()
            again = run_once(driver, check, page + " (after reloading)")
        remote = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => !n.startsWith('file:') && !n.startsWith('blob:') && !n.startsWith('data:'))")
        check(not remote, f"{page}: running the examples fetches nothing from the network ({remote[:3]})")
        times.append(f"{page[:2]} {first} / {again} ({os.path.getsize(module) // 1024} KB)")
    if missing:
        print(f"run button: no module for {', '.join(missing)} (make book builds them; needs wasi-libc)")
    print("run button, seconds in Chromium (first run / after reload) and module script size: " + ", ".join(times))
