// book.js, copied into book/ by `book weave` from theme/book.js.
(function () {
  'use strict';
  var root = document.documentElement;

  // --- Theme: the system setting unless the reader chose; the choice is remembered. ---
  var toggle = document.getElementById('theme-toggle');
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function systemDark() { return !!(media && media.matches); }
  function isDark() {
    var chosen = root.getAttribute('data-theme');
    return chosen ? chosen === 'dark' : systemDark();
  }
  function showTheme() {
    if (!toggle) return;
    toggle.setAttribute('aria-pressed', isDark() ? 'true' : 'false');
    toggle.title = isDark() ? 'Switch to light' : 'Switch to dark';
  }
  if (toggle) {
    toggle.addEventListener('click', function () {
      var theme = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', theme);
      try { localStorage.setItem('book-theme', theme); } catch (e) { /* storage disabled: this page only */ }
      showTheme();
    });
    if (media && media.addEventListener) media.addEventListener('change', showTheme);
    showTheme();
  }

  // --- Copy buttons: "copy" copies the code shown; "copy runnable" adds the chapter's imports and
  // all its Swift code before the snippet, hidden snippets included (see Runnable.swift). ---
  var preludeElement = document.getElementById('runnable-prelude');
  var prelude = preludeElement ? JSON.parse(preludeElement.textContent) : null;
  var pieces = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-seq]'), function (element) {
    pieces[Number(element.getAttribute('data-seq'))] = element;
  });
  function codeOf(element) {
    if (element.tagName === 'SCRIPT') return JSON.parse(element.textContent);
    return element.querySelector('pre code').textContent;
  }
  function withoutImports(code) {
    var lines = code.split('\n').filter(function (line) {
      var words = line.split('//')[0].split(/[ \t]+/).filter(Boolean);
      return !(words.length === 2 && words[0] === 'import');
    });
    while (lines.length && /^[ \t]*$/.test(lines[0])) lines.shift();
    while (lines.length && /^[ \t]*$/.test(lines[lines.length - 1])) lines.pop();
    return lines.join('\n') + '\n';
  }
  function runnable(seq) {
    var text = prelude;
    for (var k = 0; k <= seq; k++) text += '\n' + withoutImports(codeOf(pieces[k]));
    return text;
  }
  window.bookRunnable = runnable;

  function flash(button, text) {
    if (!button.hasAttribute('data-label')) button.setAttribute('data-label', button.textContent);
    button.textContent = text;
    setTimeout(function () { button.textContent = button.getAttribute('data-label'); }, 1600);
  }
  function copyText(text, button) {
    function fallback() {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      flash(button, ok ? 'copied' : 'select and copy by hand');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { flash(button, 'copied'); }, fallback);
    } else {
      fallback();
    }
  }
  function button(label, title, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.addEventListener('click', function () { copyText(action(), b); });
    return b;
  }
  Array.prototype.forEach.call(document.querySelectorAll('figure.code'), function (figure) {
    var caption = figure.querySelector('figcaption');
    if (!caption) return;
    var box = document.createElement('span');
    box.className = 'copy-buttons';
    box.appendChild(button('copy', 'Copy this code', function () { return codeOf(figure); }));
    if (prelude !== null && figure.hasAttribute('data-seq')) {
      var seq = Number(figure.getAttribute('data-seq'));
      box.appendChild(button('copy runnable',
        'Copy the imports and all of the chapter\u2019s code up to here, hidden parts included: paste it into main.swift and run',
        function () { return runnable(seq); }));
    }
    caption.appendChild(box);
  });

  // --- Search ---
  var searchBox = document.getElementById('search-box');
  var results = null, index = null, loading = false;
  function tokens(text) { return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []); }
  function prepare(data) {
    var stop = {};
    data.stop.forEach(function (w) { stop[w] = true; });
    return {
      sections: data.sections, words: Object.keys(data.words), postings: data.words, stop: stop,
      titles: data.sections.map(function (s) { return tokens(s[2]); })
    };
  }
  function search(query) {
    var terms = [];
    tokens(query).forEach(function (t) {
      if (t.length >= 2 && !index.stop[t] && terms.indexOf(t) < 0) terms.push(t);
    });
    if (!terms.length) return [];
    var scores = null;
    terms.forEach(function (term) {
      var counts = {};
      index.words.forEach(function (word) {
        if (word.lastIndexOf(term, 0) !== 0) return;
        var weight = word === term ? 1 : 0.5, p = index.postings[word];
        for (var k = 0; k < p.length; k += 2) counts[p[k]] = (counts[p[k]] || 0) + weight * p[k + 1];
      });
      var next = {};
      Object.keys(counts).forEach(function (s) {
        if (scores !== null && !(s in scores)) return;
        var inTitle = index.titles[s].some(function (w) { return w.lastIndexOf(term, 0) === 0; });
        next[s] = (scores === null ? 0 : scores[s]) + Math.log(1 + counts[s]) / Math.LN2 + (inTitle ? 8 : 0);
      });
      scores = next;
    });
    return Object.keys(scores).map(Number).sort(function (a, b) {
      return scores[b] - scores[a] || a - b;   // ties in book order
    }).map(function (s) { return { section: s, score: scores[s] }; });
  }
  function show() {
    if (!results) {
      results = document.createElement('ol');
      results.id = 'search-results';
      results.className = 'search-results';
      searchBox.parentNode.appendChild(results);
    }
    var query = searchBox.value.trim();
    results.innerHTML = '';
    results.hidden = query === '';
    if (query === '' || !index) return;
    var found = search(query);
    found.slice(0, 30).forEach(function (r) {
      var s = index.sections[r.section];
      var li = document.createElement('li');
      li.setAttribute('data-score', String(r.score));
      li.setAttribute('data-section', String(r.section));
      var a = document.createElement('a');
      a.href = s[0];
      [['r-title', s[2]], ['r-chapter', s[1]], ['r-excerpt', s[3]]].forEach(function (part) {
        var span = document.createElement('span');
        span.className = part[0];
        span.textContent = part[1];
        a.appendChild(span);
      });
      li.appendChild(a);
      results.appendChild(li);
    });
    if (!found.length) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'Nothing found for \u201c' + query + '\u201d';
      results.appendChild(none);
    }
  }
  function load() {
    if (index || loading) return;
    if (window.BOOK_SEARCH) { index = prepare(window.BOOK_SEARCH); show(); return; }
    loading = true;
    var script = document.createElement('script');
    script.src = 'search-index.js';
    script.onload = function () { index = prepare(window.BOOK_SEARCH); show(); };
    script.onerror = function () { loading = false; };
    document.head.appendChild(script);
  }
  window.bookSearch = function (query) { return index ? search(query) : null; };
  if (searchBox) {
    searchBox.addEventListener('focus', load);
    searchBox.addEventListener('input', function () { load(); show(); });
    searchBox.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { searchBox.value = ''; show(); searchBox.blur(); }
      if (event.key === 'Enter' || event.key === 'ArrowDown') {
        var first = results && results.querySelector('a');
        if (first) { event.preventDefault(); if (event.key === 'Enter') first.click(); else first.focus(); }
      }
    });
    // In the results, ↓ and ↑ move from one to the next; ↑ from the first goes back to the box.
    searchBox.parentNode.addEventListener('keydown', function (event) {
      if (!results || !results.contains(document.activeElement)) return;
      var links = Array.prototype.slice.call(results.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === 'ArrowUp') { event.preventDefault(); (at > 0 ? links[at - 1] : searchBox).focus(); }
      if (event.key === 'Escape') { results.hidden = true; searchBox.focus(); }
    });
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) { event.preventDefault(); searchBox.focus(); }
    });
    document.addEventListener('click', function (event) {
      if (results && !searchBox.parentNode.contains(event.target)) results.hidden = true;
    });
  }

  // --- The sidebar: the current chapter in view, the section being read highlighted. ---
  var sidebar = document.querySelector('.sidebar');
  var current = sidebar && sidebar.querySelector('li.current');
  if (current && sidebar.scrollHeight > sidebar.clientHeight) sidebar.scrollTop = Math.max(0, current.offsetTop - 60);
  var links = sidebar ? Array.prototype.slice.call(sidebar.querySelectorAll('li.current ol a')) : [];
  var headings = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))); });
  function spy() {
    var active = -1;
    headings.forEach(function (h, k) { if (h && h.getBoundingClientRect().top < 130) active = k; });
    links.forEach(function (a, k) { a.classList.toggle('active', k === active); });
  }
  if (links.length) {
    var ticking = false;
    window.addEventListener('scroll', function () {
      if (ticking) return;
      ticking = true;
      window.requestAnimationFrame(function () { ticking = false; spy(); });
    }, { passive: true });
    spy();
  }
  var navToggle = document.getElementById('nav-toggle');
  if (sidebar && navToggle) {
    sidebar.addEventListener('click', function (event) {
      if (event.target.tagName === 'A') navToggle.checked = false;
    });
  }

  // --- ← and →: the previous and next chapter, unless the reader is typing or scrolling a block. ---
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    var target = document.activeElement;
    if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
    for (var e = target; e && e !== document.body; e = e.parentElement) {
      if (e.scrollWidth > e.clientWidth && /auto|scroll/.test(getComputedStyle(e).overflowX)) return;
    }
    var link = document.querySelector('.chapter-nav a[rel="' + (event.key === 'ArrowLeft' ? 'prev' : 'next') + '"]');
    if (link) { event.preventDefault(); window.location.href = link.href; }
  });

  // --- A block that scrolls sideways (code on a phone, a wide formula, figure or table) is a stop of
  // the Tab key, so that the keyboard can scroll it too (and ←/→ then scroll it, see above); it is
  // one only while it scrolls. Checked when the page is laid out, when a block changes size (the
  // window, a folded solution opened) and when the fonts have loaded. ---
  var scrollable = 'main pre, main div.math, main .plot-frame, main figure.plot, main table';
  function markScrolling(element) {
    var scrolls = element.scrollWidth > element.clientWidth + 1 &&
      /auto|scroll/.test(getComputedStyle(element).overflowX);
    if (scrolls && !element.hasAttribute('tabindex')) {
      element.setAttribute('tabindex', '0');
      element.setAttribute('data-scrolls', '');
    } else if (!scrolls && element.hasAttribute('data-scrolls')) {
      element.removeAttribute('tabindex');
      element.removeAttribute('data-scrolls');
    }
  }
  var blocks = Array.prototype.slice.call(document.querySelectorAll(scrollable));
  function markAll() { blocks.forEach(markScrolling); }
  markAll();
  if (window.ResizeObserver) {
    var watcher = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { markScrolling(entry.target); });
    });
    blocks.forEach(function (block) { watcher.observe(block); });
  }
  window.addEventListener('resize', markAll);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(markAll);

  // --- Headings link to themselves: a # after each section's title, shown on hover (CSS). ---
  Array.prototype.forEach.call(document.querySelectorAll('main h2[id], main h3[id]'), function (heading) {
    var anchor = document.createElement('a');
    anchor.className = 'anchor';
    anchor.href = '#' + heading.id;
    anchor.textContent = '#';
    anchor.setAttribute('aria-label', 'Link to this section');
    heading.appendChild(anchor);
  });

  // --- The print page's button. ---
  var printButton = document.getElementById('print-button');
  if (printButton) printButton.addEventListener('click', function () { window.print(); });
})();
