"""axe-core (Deque's accessibility engine) on the page the browser shows.

The engine is the newest `axe.min.js` a Python package installed here ships: PyPI's
`selenium-axe-python` (axe-core 4.9 and later: its rules include scrollable-region-focusable and
landmark-unique) or, failing that, `axe-selenium-python` (an older axe-core 3). It is injected into
the page through the same Selenium session as the other checks (offline: nothing is fetched).
"""
import importlib
import os
import re

# Runs axe-core on the page in one or two passes, in the order given: each pass is [rules or null
# (every rule), rules to leave out or null, parts of the page to leave out or null]; the violations of
# all passes. `noHtml`: a node's outerHTML is not copied into the results (for a paragraph's background,
# <main>, that is the whole page, for every text node); this test reports selectors and summaries only.
RUN = """
const done = arguments[arguments.length - 1];
(async () => {
  const found = [];
  for (const [only, without, exclude] of arguments[0]) {
    const options = Object.assign({}, arguments[1]);
    if (only) options.runOnly = {type: 'rule', values: only};
    if (without) options.rules = Object.fromEntries(without.map(id => [id, {enabled: false}]));
    const r = await axe.run(exclude ? {exclude} : document, options);
    found.push(...r.violations);
  }
  return found;
})().then(
  found => done(found.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))),
  e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""

# What axe-core's contrast rule finds in the parts of the page they cannot judge (see NO_VERDICT):
# rule -> {passes, violations, incomplete: {reason: count}}.
VERDICTS = """
const done = arguments[arguments.length - 1];
axe.run({include: arguments[0]}, {runOnly: {type: 'rule', values: arguments[1]}, preload: false, noHtml: true}).then(r => {
  const out = {};
  for (const kind of ['passes', 'violations', 'incomplete']) for (const rule of r[kind]) {
    const entry = out[rule.id] = out[rule.id] || {passes: [], violations: [], incomplete: {}};
    for (const n of rule.nodes) {
      if (kind !== 'incomplete') { entry[kind].push(n.target.join(' ')); continue; }
      const data = (n.any[0] || n.all[0] || n.none[0] || {}).data || {};
      const reason = (data && data.messageKey) || 'unknown';
      entry.incomplete[reason] = (entry.incomplete[reason] || 0) + 1;
    }
  }
  done(out);
}, e => done({'axe-error': String(e)}));
"""

# axe-core's rules whose result depends on colours: the only ones run again in dark mode.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
CONTRAST = "color-contrast"
# Where the contrast rule gives no verdict, by construction, and so does not run: code and output
# blocks and display formulas, whose background is a gradient (the scroll cue's shadows, see
# style.css; axe-core: "bgGradient"), and the plots, whose text belongs to an SVG image (role=img;
# "imgNode"). contrast.py measures every text colour there, in both themes. `unjudged` checks on a
# page that this still holds: if a change lets axe-core judge these parts, the test says so.
NO_VERDICT = [["pre"], ["div.math"], [".plot-frame"]]

# Where each package keeps axe-core's script, relative to the package.
PACKAGES = [("selenium_axe_python", ("axe-core", "axe.min.js")),
            ("axe_selenium_python", ("node_modules", "axe-core", "axe.min.js"))]
VERSION = re.compile(r'version="(\d+)\.(\d+)\.(\d+)"')


def version_of(path):
    """axe-core's version, as (major, minor, patch), from its script (the `axe.version="..."` it sets)."""
    with open(path, encoding="utf-8") as f:
        match = VERSION.search(f.read())
    return tuple(int(v) for v in match.groups()) if match else (0, 0, 0)


def script_path():
    """The axe.min.js of the newest axe-core the installed packages ship, or None."""
    found = []
    for package, parts in PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        path = os.path.join(os.path.dirname(module.__file__), *parts)
        if os.path.exists(path):
            found.append((version_of(path), path))
    return max(found)[1] if found else None


class Axe:
    def __init__(self, driver, path):
        self.driver = driver
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.source = f.read()
        driver.set_script_timeout(600)  # print.html, the whole book, takes minutes on a busy machine

    def inject(self):
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.source)

    def violations(self, colour_only=False, exclude=None):
        """The violations on the current page: [{id, impact, help, nodes}], of every rule or (colour_only)
        of the colour rules, on the whole page or all but the parts `exclude` names (axe's
        [[css selector], ...]). The contrast rule leaves out the NO_VERDICT parts too (it is the
        costly one, and there it costs most: a third to two thirds of axe's time on a chapter page)."""
        self.inject()
        # preload: axe-core 4 would fetch the page's style sheets with XMLHttpRequest for one rule
        # (css-orientation-lock), which file:// refuses with a console error; the book's CSS locks no
        # orientation, and that rule then reports "incomplete", never a violation.
        options = {"resultTypes": ["violations"], "preload": False, "noHtml": True}
        exclude = exclude or []
        others = [[c for c in COLOUR_RULES if c != CONTRAST], None] if colour_only else [None, [CONTRAST]]
        passes = [others + [exclude or None], [[CONTRAST], None, exclude + NO_VERDICT]]
        return self.driver.execute_async_script(RUN, passes, options)

    def unjudged(self):
        """Problems with leaving NO_VERDICT out of the contrast rule on the current page (any node there
        that it passes or fails), and why axe-core left the nodes there undecided
        ({reason: nodes}: nothing there proves nothing). Returns (problems, reasons)."""
        self.inject()
        found = self.driver.execute_async_script(VERDICTS, NO_VERDICT, [CONTRAST])
        if "axe-error" in found:
            return [f"axe-core failed: {found['axe-error']}"], {}
        problems, reasons = [], {}
        for rule, entry in sorted(found.items()):
            for kind in ("passes", "violations"):
                if entry[kind]:
                    problems.append(f"{rule} {kind} {len(entry[kind])} nodes there, e.g. {entry[kind][0]}")
            for reason, count in entry["incomplete"].items():
                reasons[reason] = reasons.get(reason, 0) + count
        return problems, reasons

    def version(self):
        """The version of the axe-core this test injects, as its script says."""
        return ".".join(map(str, version_of(self.path)))
