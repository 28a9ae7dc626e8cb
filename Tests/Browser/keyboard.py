"""What a reader with a keyboard gets: a skip link first, no invisible tab stop, a visible focus,
←/→ for the previous and next chapter (not while typing), heading anchors, search results to
arrow through."""
import os
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import contrast

# The focused element: is it on the screen, and how does it show its focus?
FOCUSED = r"""
const e = document.activeElement;
if (!e || e === document.body) return null;
const r = e.getBoundingClientRect(), s = getComputedStyle(e);
let opacity = 1;
for (let x = e; x && x.nodeType === 1; x = x.parentElement) opacity *= Number(getComputedStyle(x).opacity);
let bg = 'rgb(255, 255, 255)';
for (let x = e.parentElement; x; x = x.parentElement) {
  const c = getComputedStyle(x).backgroundColor;
  if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
}
const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
return {what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + ' "' + (e.textContent || '').trim().slice(0, 30) + '"',
        width: r.width, height: r.height, onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
        opacity, outline: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0, outlineColor: s.outlineColor,
        shadow: s.boxShadow !== 'none', background: bg};
"""


def visible_focus(f):
    """The focused element is drawn on the screen with a focus ring: an outline of 2 px or more with
    3:1 contrast against what is behind it, or a box shadow."""
    if not f or f["width"] < 1 or f["height"] < 1 or not f["onScreen"] or f["opacity"] < 0.5:
        return False
    ring = f["outline"] >= 2 and contrast.ratio(f["outlineColor"], f["background"]) >= 3
    return ring or f["shadow"]


def wait_until(condition, seconds=3):
    """Polls `condition` until it holds (True) or `seconds` pass (its last value): a check waits only
    as long as the browser needs, not a fixed pause."""
    deadline = time.time() + seconds
    while True:
        value = condition()
        if value or time.time() >= deadline:
            return value
        time.sleep(0.03)


def tab_stops(driver, count):
    """The first `count` stops of the Tab key from the top of the page."""
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    stops = []
    for _ in range(count):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        stops.append(driver.execute_script(FOCUSED))
    return stops


def check_all(driver, load, check, shot, chapters, book):
    """Every keyboard check, on a chapter page with a previous and a next chapter (the smallest such
    page: it is loaded five times, and what is checked is the same on every chapter page)."""
    numbered = [p for p in chapters if not p.startswith(("00-", "9"))]
    middle = numbered[1:-1] or chapters[1:-1]
    page = min(middle, key=lambda p: os.path.getsize(os.path.join(book, p)))
    after = chapters[chapters.index(page) + 1]

    # Tab from the top: the skip link comes first and shows itself; every stop is visible and ringed.
    load(page)
    stops = tab_stops(driver, 8)
    first = stops[0] or {}
    check("skip" in first.get("what", "").lower() and visible_focus(first),
          f"{page}: the first Tab stop is a visible skip-to-content link ({first.get('what')})")
    hidden = [s for s in stops if not visible_focus(s)]
    check(not hidden, f"{page}: the first {len(stops)} Tab stops are on screen with a visible focus ring"
          + "".join(f"\n    {s}" for s in hidden[:4]))
    load(page)
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
    check(wait_until(lambda: driver.execute_script(
              "return document.activeElement.id === 'main' || !!document.activeElement.closest('main')")
              or driver.current_url.endswith("#main"), 1), f"{page}: the skip link leads to the content")

    # ← and →: the previous and next chapter, but not while typing in the search box.
    load(page)
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
    check(wait_until(lambda: driver.current_url.endswith(after)),
          f"{page}: → opens the next chapter ({driver.current_url.rsplit('/', 1)[-1]})")
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete")
    ActionChains(driver).send_keys(Keys.ARROW_LEFT).perform()
    check(wait_until(lambda: driver.current_url.endswith(page)),
          f"{after}: ← opens the previous chapter ({driver.current_url.rsplit('/', 1)[-1]})")
    load(page)
    box = driver.find_element(By.ID, "search-box")
    box.click()
    box.send_keys("gradient", Keys.ARROW_LEFT, Keys.ARROW_RIGHT)
    time.sleep(0.3)
    check(driver.current_url.endswith(page), f"{page}: ←/→ in the search box move the cursor, not the page")

    # Search results: ↓ from the box into the list, ↓/↑ through it, each focused result ringed.
    deadline = time.time() + 10
    while time.time() < deadline and not driver.find_elements(By.CSS_SELECTOR, "#search-results li[data-score] a"):
        time.sleep(0.1)
    box.send_keys(Keys.ARROW_DOWN)
    first = driver.execute_script(FOCUSED)
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    second = driver.execute_script(FOCUSED)
    check(first is not None and "search-results" not in first["what"] and visible_focus(first),
          f"{page}: ↓ from the search box focuses the first result, with a visible focus ring ({first})")
    check(second is not None and first is not None and second["what"] != first["what"] and visible_focus(second),
          f"{page}: ↓ moves to the next result ({second})")
    shot("search-focus")

    # Heading anchors: every section heading links to itself, shown when the pointer is on it.
    load(page)
    anchors = driver.execute_script("""
        return Array.from(document.querySelectorAll('main h2[id], main h3[id]')).map(h => {
          const a = h.querySelector('a.anchor');
          return {id: h.id, ok: !!a && a.getAttribute('href') === '#' + h.id}; })""")
    check(anchors and all(a["ok"] for a in anchors),
          f"{page}: every section heading has an anchor link to itself ({sum(a['ok'] for a in anchors)}/{len(anchors)})")
    heading = driver.find_elements(By.CSS_SELECTOR, "main h2[id]")
    if heading:
        hidden = driver.execute_script(
            "const a = arguments[0].querySelector('a.anchor'); return a ? Number(getComputedStyle(a).opacity) : 1", heading[0])
        ActionChains(driver).move_to_element(heading[0]).perform()
        opacity = "const a = arguments[0].querySelector('a.anchor'); return a ? Number(getComputedStyle(a).opacity) : 0"
        shown = wait_until(lambda: (lambda o: o if o >= 0.5 else 0)(driver.execute_script(opacity, heading[0])), 1) or \
            driver.execute_script(opacity, heading[0])
        check(hidden < 0.5 <= shown, f"{page}: a heading's anchor shows on hover (opacity {hidden} -> {shown})")
