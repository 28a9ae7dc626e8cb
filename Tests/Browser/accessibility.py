"""axe-core (Deque's accessibility engine) on the page the browser shows.

The engine is the newest `axe.min.js` a Python package installed here ships: PyPI's
`selenium-axe-python` (axe-core 4.9 and later: its rules include scrollable-region-focusable and
landmark-unique) or, failing that, `axe-selenium-python` (an older axe-core 3). It is injected into
the page through the same Selenium session as the other checks (offline: nothing is fetched).
"""
import importlib
import os
import re

# Runs axe-core once on the page: every rule (or `only`), the colour rules narrowed to the parts of
# the page they judge (`selectors`: rule -> selector, set with axe.configure; see `Axe.violations`).
# Returns the violations, and the rules that ran (axe lists every rule it ran under one of its four
# result types, even when only violations are asked for). `noHtml`: a node's outerHTML is not copied
# into the results (for a paragraph's background, <main>, that is the whole page, for every text
# node); this test reports selectors and summaries only.
RUN = """
const done = arguments[arguments.length - 1];
const [only, selectors, options] = arguments;
(async () => {
  axe.configure({rules: Object.entries(selectors).map(([id, selector]) => ({id, selector}))});
  const run = Object.assign({}, options);
  if (only) run.runOnly = {type: 'rule', values: only};
  const r = await axe.run(document, run);
  const ran = ['passes', 'violations', 'incomplete', 'inapplicable'].flatMap(kind => r[kind].map(rule => rule.id));
  const colour = axe.getRules(['cat.color']).map(rule => rule.ruleId);
  return {found: r.violations, ran: Array.from(new Set(ran)).sort(), colour};
})().then(
  result => done(Object.assign(result, {found: result.found.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))})),
  e => done({found: [{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}], ran: [], colour: []}));
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

# axe-core's rules whose result depends on colours, as axe-core itself files them (its tag
# "cat.color"): color-contrast and link-in-text-block (color-contrast-enhanced, AAA, is off by
# default and runs in neither theme). Only these run again in dark mode: the dark theme changes
# nothing but colours (`themes.py` proves it from the style sheets, and on every page the test
# checks that both themes have the same elements, attributes and boxes), so every other rule sees
# the same page in both themes and gives the same answer. Which rules run in dark is not this
# list but every rule that ran in light and that axe tags cat.color (`colour_rules`); the test
# fails if axe's colour rules ever stop being these two (their selectors are narrowed below).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
CONTRAST = "color-contrast"
# The rules' own selectors in axe-core 4.9 (axe.min.js): a narrowed selector keeps their targets.
SELECTORS = {"color-contrast": "*", "link-in-text-block": "a[href], [role=link]"}
# Where the contrast rule gives no verdict, by construction, and so does not run: code and output
# blocks and display formulas, whose background is a gradient (the scroll cue's shadows, see
# style.css; axe-core: "bgGradient"), and the plots, whose text belongs to an SVG image (role=img;
# "imgNode"). contrast.py measures every text colour there, in both themes. `unjudged` checks on a
# page that this still holds: if a change lets axe-core judge these parts, the test says so.
NO_VERDICT = ["pre", "div.math", ".plot-frame"]


def narrowed(selector, leave_out):
    """`selector` (a selector list) matching nothing inside or at the elements `leave_out` names."""
    if not leave_out:
        return selector
    outside = ":not(" + ", ".join(f"{part}, {part} *" for part in leave_out) + ")"
    return ", ".join(part.strip() + outside for part in selector.split(","))


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
        self.colour_rules = list(COLOUR_RULES)  # the colour rules that ran in light (see `violations`)

    def inject(self):
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.source)

    def violations(self, colour_only=False, colour_leaves_out=()):
        """The violations on the current page, [{id, impact, help, nodes}], in one run of axe-core: of every
        rule, or (colour_only) of the colour rules that ran in the last run on this page (`colour_rules`).
        The contrast rule leaves out the NO_VERDICT parts (it is the costly one, and there it costs most:
        a third to two thirds of axe's time on a chapter page), and both colour rules the parts
        `colour_leaves_out` names (CSS selectors). Narrowing a rule's selector (axe.configure) checks
        the same elements as leaving the parts out of the run's context, which would leave them out
        for every rule and skip the page-level ones; one run instead of one per context saves axe's
        set-up, a quarter of its time on a chapter page. Run `unjudged` before this, on the page as
        axe-core ships it."""
        self.inject()
        # preload: axe-core 4 would fetch the page's style sheets with XMLHttpRequest for one rule
        # (css-orientation-lock), which file:// refuses with a console error; the book's CSS locks no
        # orientation, and that rule then reports "incomplete", never a violation.
        options = {"resultTypes": ["violations"], "preload": False, "noHtml": True}
        leave_out = list(colour_leaves_out)
        selectors = {rule: narrowed(SELECTORS[rule], leave_out + (NO_VERDICT if rule == CONTRAST else []))
                     for rule in COLOUR_RULES}
        only = self.colour_rules if colour_only else None
        result = self.driver.execute_async_script(RUN, only, selectors, options)
        if not colour_only:
            self.colour_rules = [rule for rule in result["ran"] if rule in result["colour"]]
        return result["found"]

    def unjudged(self):
        """Problems with leaving NO_VERDICT out of the contrast rule on the current page (any node there
        that it passes or fails), and why axe-core left the nodes there undecided
        ({reason: nodes}: nothing there proves nothing). Returns (problems, reasons)."""
        self.inject()
        found = self.driver.execute_async_script(VERDICTS, [[part] for part in NO_VERDICT], [CONTRAST])
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
