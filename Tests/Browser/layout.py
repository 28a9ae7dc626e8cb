"""What the page's layout does with wide content, measured in the browser at the current width.

  - every `pre` (code, output and preformatted prose): its box, the width of its content, its
    longest line in characters, and whether it is wider than its column or than the screen;
  - sideways scrolling of the whole page;
  - display formulas cut off (the formula wider than what its box lets you scroll to);
  - the smallest text in a plot, in CSS pixels as drawn (an SVG scaled down draws its 12 px
    labels smaller);
  - whether the search box's placeholder fits in the box;
  - blocks that scroll sideways but cannot be reached with the keyboard (neither a Tab stop nor
    holding one), which axe-core's rule scrollable-region-focusable also finds (axe runs at 1280 px).
"""

BLOCKS = r"""
const main = document.querySelector('main') || document.body;
const column = main.getBoundingClientRect();
const view = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll('main pre')).filter(p => p.getClientRects().length).map(p => {
  const r = p.getBoundingClientRect();
  const lines = p.textContent.replace(/\n$/, '').split('\n');
  const longest = Math.max(...lines.map(l => Array.from(l).length));
  const figure = p.closest('figure');
  const kind = p.classList.contains('output') ? 'output'
    : figure && figure.classList.contains('code') ? 'code' : 'other';
  const overflowX = getComputedStyle(p).overflowX;
  return {kind, longest, width: Math.round(r.width), content: p.scrollWidth, box: p.clientWidth,
          scrolls: p.scrollWidth > p.clientWidth + 1, scrollable: overflowX === 'auto' || overflowX === 'scroll',
          beyondColumn: r.right > Math.max(column.right, 0) + 1 && r.right > view + 1,
          beyondScreen: r.left < -1 || r.right > view + 1,
          line: lines.find(l => Array.from(l).length === longest).slice(0, 60)};
});
"""

PAGE = r"""
const root = document.documentElement;
const sideways = root.scrollWidth - root.clientWidth;
const cutFormulas = Array.from(document.querySelectorAll('main div.math')).filter(box => {
  if (!box.getClientRects().length) return false;
  // The rightmost edge anything in the formula reaches, against what the box shows or scrolls to.
  const frame = box.getBoundingClientRect();
  let reach = frame.left;
  for (const e of box.querySelectorAll('*')) for (const r of e.getClientRects()) reach = Math.max(reach, r.right);
  const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
  const shown = scrolls ? frame.left + box.scrollWidth : Math.max(frame.right, root.clientWidth);
  return reach > shown + 1 || (!scrolls && reach > root.clientWidth + 1);
}).length;
let smallestPlotText = null;
for (const svg of document.querySelectorAll('main figure.plot svg')) {
  const r = svg.getBoundingClientRect();
  if (!r.width || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
  const scale = r.width / svg.viewBox.baseVal.width;
  for (const text of svg.querySelectorAll('text')) {
    const px = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (smallestPlotText === null || px < smallestPlotText.px) smallestPlotText = {px: Math.round(px * 10) / 10, figure: svg.closest('figure').id};
  }
}
for (const img of document.querySelectorAll('main figure.plot img')) {
  const r = img.getBoundingClientRect();
  if (!r.width || !img.naturalWidth) continue;
  const px = 12 * r.width / img.naturalWidth;      // the plots' labels are 12 px at natural size
  if (smallestPlotText === null || px < smallestPlotText.px) smallestPlotText = {px: Math.round(px * 10) / 10, figure: img.closest('figure').id};
}
let placeholder = null;
const box = document.getElementById('search-box');
if (box && box.getClientRects().length && box.placeholder) {
  const s = getComputedStyle(box), ctx = document.createElement('canvas').getContext('2d');
  ctx.font = s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
  const room = box.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  placeholder = {text: Math.ceil(ctx.measureText(box.placeholder).width), room: Math.floor(room)};
}
const unreachable = Array.from(document.querySelectorAll(
    'main pre, main div.math, main .plot-frame, main figure.plot, main table')).filter(e =>
  e.getClientRects().length && e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX)
  && e.tabIndex < 0 && !e.querySelector('a[href], button, input, [tabindex]'))
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''));
return {sideways, cutFormulas, smallestPlotText, placeholder, unreachable, width: root.clientWidth};
"""

SEARCH_PANEL = r"""
const panel = document.getElementById('search-results');
if (!panel || !panel.getClientRects().length) return null;
const r = panel.getBoundingClientRect();
return {left: Math.round(r.left), right: Math.round(r.right), width: document.documentElement.clientWidth};
"""


def blocks(driver):
    return driver.execute_script(BLOCKS)


def page(driver):
    return driver.execute_script(PAGE)


def search_panel(driver):
    return driver.execute_script(SEARCH_PANEL)
