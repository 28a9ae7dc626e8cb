"""WCAG 2 contrast of every colour pair the page shows, computed from the browser's computed styles.

Three kinds of pairs, each against the background it is drawn on (the first opaque background of
its ancestors, with translucent ones and `opacity` composited):
  - text: every element with text of its own, input placeholders, and plot text (SVG `fill`; a
    plot's text drawn over a filled cell, as in the pixel-value figure, is measured against that
    cell): at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold);
  - ui: the boundary of every form control (input, button): its border, or its own background,
    against what is behind it: at least 3:1 (WCAG 1.4.11);
  - plot: every plot line and mark (SVG stroke or fill of polyline, line, circle, path, rect that is
    drawn at full opacity; faint grid lines and frames drawn at reduced opacity are decoration), and
    every series colour a plot's style sheet defines (`.s0`, `.s1`, ..., shown or not), against the
    page: at least 3:1.
"""
import re

PAIRS = r"""
const ctx = document.createElement('canvas').getContext('2d');
// Colours, backgrounds and opacities repeat from element to element (a code block's spans share
// their ancestors): each is worked out once per element or colour string and remembered.
const parsed = new Map(), backgrounds = new Map(), opacities = new Map();
function parse(value) {              // any CSS colour -> [r, g, b, a] (a fresh array: callers scale its alpha)
  if (!value || value === 'none' || value.startsWith('url(')) return null;
  if (!parsed.has(value)) {
    ctx.fillStyle = '#000'; ctx.fillStyle = value;
    const v = ctx.fillStyle;
    if (v.startsWith('#')) parsed.set(value, [1, 3, 5].map(i => parseInt(v.slice(i, i + 2), 16)).concat([1]));
    else { const n = v.match(/[\d.]+/g).map(Number); parsed.set(value, [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]); }
  }
  return parsed.get(value).slice();
}
function over(top, bottom) {         // top composited over an opaque bottom
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
function hex(c) { return '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join(''); }
function backgroundOf(element) {     // the opaque colour behind an element's content
  if (!element || element.nodeType !== 1) return [255, 255, 255, 1];   // the canvas behind an unpainted root
  if (!backgrounds.has(element)) {
    // Its own background if opaque, composited over its parent's if translucent, else the parent's.
    const c = parse(getComputedStyle(element).backgroundColor);
    backgrounds.set(element, c && c[3] >= 1 ? c : c && c[3] > 0 ? over(c, backgroundOf(element.parentElement))
      : backgroundOf(element.parentElement));
  }
  return backgrounds.get(element);
}
function opacityOf(element) {
  if (!element || element.nodeType !== 1) return 1;
  if (!opacities.has(element)) opacities.set(element, Number(getComputedStyle(element).opacity) * opacityOf(element.parentElement));
  return opacities.get(element);
}
function shown(element) {
  if (!element.getClientRects().length) return false;
  const s = getComputedStyle(element);
  return s.visibility !== 'hidden' && opacityOf(element) > 0.05;
}
function describe(element) {
  const cls = typeof element.className === 'string' ? element.className : element.getAttribute('class') || '';
  const text = (element.textContent || element.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return element.tagName.toLowerCase() + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '') + (text ? ' "' + text + '"' : '');
}
const pairs = new Map();
function add(kind, what, fg, bg, need, element) {
  if (!fg || !bg) return;
  const c = over(fg, bg);
  const key = [kind, what, hex(c), hex(bg), need].join(' ');
  if (!pairs.has(key)) pairs.set(key, {kind, what, fg: hex(c), bg: hex(bg), need,
    ratio: Math.round(ratio(c, bg) * 100) / 100, example: describe(element), count: 0});
  pairs.get(key).count++;
}
function large(style) {
  const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700 || style.fontWeight === 'bold';
  return size >= 24 || (bold && size >= 18.66);
}

// Text of HTML elements, and placeholders.
for (const element of document.querySelectorAll('body *')) {
  if (element.closest('svg, script, style, template, noscript')) continue;
  const ownText = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  const placeholder = (element.tagName === 'INPUT' && element.placeholder);
  if ((!ownText && !placeholder && !(element.tagName === 'INPUT' && element.value)) || !shown(element)) continue;
  const style = getComputedStyle(element), bg = backgroundOf(element), o = opacityOf(element);
  const fg = parse(style.color); fg[3] *= o;
  const need = large(style) ? 3 : 4.5;
  if (ownText || element.value) add('text', 'text', fg, bg, need, element);
  if (placeholder) {
    const p = parse(getComputedStyle(element, '::placeholder').color); p[3] *= o;
    add('text', 'placeholder', p, bg, need, element);
  }
}

// Boundaries of form controls.
for (const control of document.querySelectorAll('input:not([type=checkbox]):not([type=radio]), button, select, textarea')) {
  if (!shown(control)) continue;
  const style = getComputedStyle(control), behind = backgroundOf(control.parentElement);
  const own = parse(style.backgroundColor), border = parse(style.borderTopColor);
  const bordered = parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none';
  const candidates = [];
  if (bordered && border) candidates.push(over(border, behind));
  if (own && own[3] > 0) candidates.push(over(own, behind));
  if (!candidates.length) candidates.push(behind);
  const best = candidates.reduce((a, b) => ratio(a, behind) >= ratio(b, behind) ? a : b);
  add('ui', 'control boundary', best, behind, 3, control);
}

// Plots: text, lines and marks, and every series colour of their style sheets.
for (const svg of document.querySelectorAll('svg.plot')) {
  if (!shown(svg)) continue;
  const page = backgroundOf(svg.parentElement);
  const cells = Array.from(svg.querySelectorAll('rect')).filter(r => !r.closest('[transform]')).map(r => {
    const f = parse(getComputedStyle(r).fill);
    return f && f[3] > 0 ? {r, f, box: r.getBBox()} : null; }).filter(Boolean);
  const order = new Map(Array.from(svg.querySelectorAll('*')).map((e, i) => [e, i]));
  for (const text of svg.querySelectorAll('text')) {
    const style = getComputedStyle(text), fill = parse(style.fill);
    if (!fill) continue;
    const x = text.x.baseVal.length ? text.x.baseVal[0].value : 0, y = text.y.baseVal.length ? text.y.baseVal[0].value : 0;
    let bg = page;
    for (let i = cells.length - 1; i >= 0; i--) {
      const c = cells[i], b = c.box;
      if (order.get(c.r) < order.get(text) && x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height) {
        bg = over(c.f, page); break;
      }
    }
    fill[3] *= Number(style.fillOpacity) * opacityOf(text);
    add('text', 'plot text', fill, bg, large(style) ? 3 : 4.5, text);
  }
  for (const mark of svg.querySelectorAll('polyline, line, circle, path, rect')) {
    const style = getComputedStyle(mark);
    // A line has no inside to fill; a rect's fill is a picture's pixels or paper, not a mark.
    const fills = !['line', 'rect'].includes(mark.tagName);
    for (const [paint, alpha] of [[style.stroke, style.strokeOpacity]].concat(fills ? [[style.fill, style.fillOpacity]] : [])) {
      const c = parse(paint);
      if (!c || Number(alpha) < 1) continue;
      add('plot', 'plot line or mark', c, page, 3, mark);
    }
  }
  for (const sheet of svg.querySelectorAll('style')) {
    for (const rule of sheet.sheet ? sheet.sheet.cssRules : []) {
      if (!/\.s\d+\b/.test(rule.selectorText || '')) continue;
      add('plot', 'series colour ' + rule.selectorText.replace(/^svg\.plot\s*/, ''),
          parse(rule.style.stroke || rule.style.fill), page, 3, svg);
    }
  }
}
return Array.from(pairs.values());
"""


def luminance(css):
    """WCAG's relative luminance of a computed CSS colour, "rgb(r, g, b)" or "rgba(r, g, b, a)"."""
    r, g, b = [float(v) / 255 for v in re.findall(r"[\d.]+", css)[:3]]
    r, g, b = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (r, g, b)]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    """WCAG's contrast ratio of two computed CSS colours (opaque)."""
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def pairs(driver):
    """Every distinct colour pair on the current page: [{kind, what, fg, bg, need, ratio, example, count}]."""
    return driver.execute_script(PAIRS)


def failing(found):
    return sorted((p for p in found if p["ratio"] < p["need"]), key=lambda p: p["ratio"])


def describe(p):
    return f"{p['kind']} {p['what']}: {p['ratio']}:1 < {p['need']}:1 ({p['fg']} on {p['bg']}, e.g. {p['example']}, {p['count']}x)"
