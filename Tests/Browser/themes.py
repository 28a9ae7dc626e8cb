"""The dark theme changes nothing but colours: why axe-core's non-colour rules need not run in dark.

Two checks, each counted by check_book.py:
  - `style_sheet_problems` (once, from the files): every style rule that depends on the theme (inside
    `@media (prefers-color-scheme: ...)`, or whose selector names `data-theme`), in the book's style
    sheets and in every page's inline `<style>` elements, sets only custom properties whose value is
    a colour, and `color-scheme`; and every such property has a colour value in the base `:root`
    rule too. A colour put into any property can only colour something: the two themes lay out,
    show and hide the same boxes.
  - `SIGNATURE` (on every page, in both themes): a hash of every element's tag, attributes and box
    (document coordinates), which must be equal in light and dark. The one thing book.js changes
    with the theme, the toggle button's `aria-pressed` and `title`, is left out (its accessible name
    is its aria-label, the same in both).
"""
import glob
import os
import re

COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,%/]+\)|hsla?\([\d\s.,%/deg]+\))$")
THEMED = re.compile(r"prefers-color-scheme|data-theme")


def rules(css):
    """Style rules of a style sheet as (enclosing at-rule conditions, selector, declarations text)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, stack, start = [], [], 0
    i = 0
    while i < len(css):
        c = css[i]
        if c == "{":
            head = css[start:i].strip()
            if head.startswith("@"):
                stack.append(head)
                start = i + 1
            else:
                end = css.index("}", i)
                found.append((list(stack), head, css[i + 1:end]))
                i = end
                start = end + 1
        elif c == "}":
            if stack:
                stack.pop()
            start = i + 1
        i += 1
    return found


def declarations(text):
    """(property, value) pairs of a declaration block, `!important` dropped."""
    pairs = []
    for part in text.split(";"):
        if ":" in part:
            name, value = part.split(":", 1)
            pairs.append((name.strip(), value.replace("!important", "").strip()))
    return pairs


def style_sheet_problems(book):
    """What in the book's style sheets (book/*.css and the pages' inline <style>) lets the dark theme
    change more than colours: [] when nothing does. Also returns how many theme rules were read."""
    sheets = {}
    for path in sorted(glob.glob(os.path.join(book, "*.css"))):
        with open(path, encoding="utf-8") as f:
            sheets[os.path.basename(path)] = f.read()
    for path in sorted(glob.glob(os.path.join(book, "*.html"))):
        with open(path, encoding="utf-8") as f:
            inline = re.findall(r"<style[^>]*>(.*?)</style>", f.read(), flags=re.S)
        sheets[os.path.basename(path)] = "\n".join(inline)
    problems, themed, base = [], 0, {}
    for name, css in sheets.items():
        for conditions, selector, body in rules(css):
            if selector == ":root" and not conditions:
                base.update(declarations(body))
    for name, css in sheets.items():
        for conditions, selector, body in rules(css):
            if not (THEMED.search(selector) or any(THEMED.search(c) for c in conditions)):
                continue
            themed += 1
            for prop, value in declarations(body):
                if prop == "color-scheme":
                    continue
                if not prop.startswith("--") or not COLOUR.match(value):
                    problems.append(f"{name}: {' '.join(conditions)} {selector} sets {prop}: {value} (not a colour variable)")
                elif not COLOUR.match(base.get(prop, "")):
                    problems.append(f"{name}: {selector} sets {prop}, which the base :root rule does not set to a colour")
    if themed == 0:
        problems.append("no rule depends on the theme: the style sheets were not read")
    return problems, themed


# A hash (FNV-1a) of every element's tag, attributes and box in document coordinates, in document
# order, and the number of elements: equal in both themes when the theme changes only colours.
SIGNATURE = r"""
let hash = 0x811c9dc5, count = 0;
const feed = text => { for (let i = 0; i < text.length; i++) { hash ^= text.charCodeAt(i); hash = Math.imul(hash, 16777619) >>> 0; } };
const [dx, dy] = [scrollX, scrollY];
for (const e of document.querySelectorAll('*')) {
  count++;
  const r = e.getBoundingClientRect();
  feed('<' + e.tagName + ' ' + [r.left + dx, r.top + dy, r.width, r.height].map(v => Math.round(v * 4)).join(' '));
  for (const a of e.attributes) {
    if (e.id === 'theme-toggle' && (a.name === 'aria-pressed' || a.name === 'title')) continue;
    feed(' ' + a.name + '=' + a.value);
  }
}
return {hash, count};
"""
