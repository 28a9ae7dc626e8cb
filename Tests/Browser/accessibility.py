"""axe-core (Deque's accessibility engine) on the page the browser shows.

The engine is the newest `axe.min.js` a Python package installed here ships: PyPI's
`selenium-axe-python` (axe-core 4.9 and later: its rules include scrollable-region-focusable and
landmark-unique) or, failing that, `axe-selenium-python` (an older axe-core 3). It is injected into
the page through the same Selenium session as the other checks (offline: nothing is fetched).
"""
import importlib
import os
import re

RUN = """
const done = arguments[arguments.length - 1];
axe.run(arguments[1] ? {exclude: arguments[1]} : document, arguments[0]).then(
  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))),
  e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""

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

    def violations(self, rules=None, exclude=None):
        """The violations on the current page: [{id, impact, help, nodes}], every rule or only `rules`,
        on the whole page or all but the parts `exclude` names (axe's [[css selector], ...])."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.source)
        # preload: axe-core 4 would fetch the page's style sheets with XMLHttpRequest for one rule
        # (css-orientation-lock), which file:// refuses with a console error; the book's CSS locks no
        # orientation, and that rule then reports "incomplete", never a violation.
        options = {"resultTypes": ["violations"], "preload": False}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        return self.driver.execute_async_script(RUN, options, exclude)

    def version(self):
        """The version of the axe-core this test injects, as its script says."""
        return ".".join(map(str, version_of(self.path)))
