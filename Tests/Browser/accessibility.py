"""axe-core (Deque's accessibility engine) on the page the browser shows.

The engine is the `axe.min.js` that PyPI's `axe-selenium-python` ships; it is injected into the page
through the same Selenium session as the other checks (offline: nothing is fetched).
"""
import os

RUN = """
const done = arguments[arguments.length - 1];
axe.run(arguments[1] ? {exclude: arguments[1]} : document, arguments[0]).then(
  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))),
  e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
"""


def script_path():
    """The axe.min.js of axe-selenium-python, or None."""
    try:
        import axe_selenium_python
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")
    return path if os.path.exists(path) else None


class Axe:
    def __init__(self, driver, path):
        self.driver = driver
        with open(path, encoding="utf-8") as f:
            self.source = f.read()
        driver.set_script_timeout(600)  # print.html, the whole book, takes minutes on a busy machine

    def violations(self, rules=None, exclude=None):
        """The violations on the current page: [{id, impact, help, nodes}], every rule or only `rules`,
        on the whole page or all but the parts `exclude` names (axe's [[css selector], ...])."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.source)
        options = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        return self.driver.execute_async_script(RUN, options, exclude)

    def version(self):
        return self.driver.execute_script("return window.axe && axe.version")
