extension Weave {
    static let lightColors = """
      --bg: #fdfdfb; --fg: #1f2328; --muted: #5b636d; --link: #0a58ca; --rule: #d8dce0; --side-bg: #f5f6f4;
      --code-bg: #f4f5f7; --out-bg: #fbf7ea; --out-rule: #e2c66d; --lib: #2d7d46; --ex: #0a58ca; --ign: #b42318;
      --kw: #a626a4; --ty: #0b6e99; --str: #a0522d; --num: #986801; --com: #6a737d; --at: #c41a16; --hl: #fff3b0;
    """
    static let darkColors = """
      --bg: #15171a; --fg: #e6e6e6; --muted: #9aa4ae; --link: #7cb7ff; --rule: #30363d; --side-bg: #1b1e22;
      --code-bg: #1e2227; --out-bg: #23211a; --out-rule: #8a7330; --lib: #5fbf7a; --ex: #7cb7ff; --ign: #ff7b72;
      --kw: #d896e0; --ty: #67c1e8; --str: #e3a87a; --num: #e0c46c; --com: #8b949e; --at: #ff8f7e; --hl: #4a4220;
    """

    /// The book's one stylesheet: readable type; light and dark colours from the reader's system
    /// setting unless the toggle chose one (`data-theme` on `<html>`); a sidebar that collapses on
    /// narrow screens; print rules for `print.html` (and any page printed).
    static let stylesheet = """
    :root {
    \(lightColors)
      color-scheme: light;
    }
    @media (prefers-color-scheme: dark) {
      :root:not([data-theme="light"]) {
    \(darkColors)
        color-scheme: dark;
      }
    }
    :root[data-theme="dark"] {
    \(darkColors)
      color-scheme: dark;
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); color: var(--fg); }
    body { margin: 0; font: 17px/1.6 Georgia, "DejaVu Serif", serif; }
    a { color: var(--link); }
    [id] { scroll-margin-top: 4rem; }
    h1, h2, h3 { font-family: system-ui, "DejaVu Sans", sans-serif; line-height: 1.25; }
    h1 { font-size: 2rem; margin-top: 1.2rem; }
    h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }

    /* Header, sidebar and layout */
    .book-header { position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: .7rem;
      height: 3rem; padding: 0 1rem; background: var(--bg); border-bottom: 1px solid var(--rule);
      font-family: system-ui, "DejaVu Sans", sans-serif; }
    .book-title { color: var(--fg); text-decoration: none; font-weight: 600; white-space: nowrap; overflow: hidden;
      text-overflow: ellipsis; min-width: 0; }
    .menu-button { display: none; cursor: pointer; font-size: 1.3rem; line-height: 1; padding: .2rem .3rem; user-select: none; }
    .nav-toggle { position: absolute; opacity: 0; pointer-events: none; }
    .nav-toggle:focus-visible + .book-header .menu-button { outline: 2px solid var(--link); }
    .search { margin-left: auto; position: relative; }
    .search input { width: 15rem; max-width: 40vw; font: inherit; font-size: .9rem; padding: .3rem .6rem;
      border: 1px solid var(--rule); border-radius: 4px; background: var(--code-bg); color: var(--fg); }
    .theme-toggle { font-size: 1.1rem; background: none; border: 1px solid var(--rule); border-radius: 4px;
      color: var(--fg); cursor: pointer; padding: .15rem .45rem; }
    html:not(.js) .search, html:not(.js) .theme-toggle, html:not(.js) .print-button { display: none; }
    .search-results { position: absolute; right: 0; top: 2.3rem; width: min(34rem, 94vw); max-height: 75vh; overflow-y: auto;
      margin: 0; padding: .3rem 0; list-style: none; background: var(--bg); border: 1px solid var(--rule);
      border-radius: 4px; box-shadow: 0 6px 24px rgba(0, 0, 0, .25); font-size: .9rem; }
    .search-results a { display: block; padding: .35rem .8rem; text-decoration: none; color: var(--fg); }
    .search-results a:hover, .search-results a:focus { background: var(--code-bg); outline: none; }
    .search-results .r-title { color: var(--link); font-weight: 600; }
    .search-results .r-chapter { color: var(--muted); margin-left: .4rem; font-size: .8rem; }
    .search-results .r-excerpt { display: block; color: var(--muted); font-size: .8rem; }
    .search-results .none { padding: .35rem .8rem; color: var(--muted); }
    .layout { display: flex; align-items: flex-start; }
    .sidebar { position: sticky; top: 3rem; height: calc(100vh - 3rem); overflow-y: auto; width: 17rem; flex: none;
      padding: 1rem .6rem 2rem 1rem; border-right: 1px solid var(--rule); background: var(--side-bg);
      font: 14px/1.4 system-ui, "DejaVu Sans", sans-serif; }
    .sidebar ol { list-style: none; margin: 0; padding: 0; }
    .sidebar li { margin: .15rem 0; }
    .sidebar a { display: block; padding: .15rem .4rem; border-radius: 3px; color: var(--fg); text-decoration: none; }
    .sidebar a:hover { background: var(--code-bg); }
    .sidebar li.current > a { font-weight: 600; color: var(--link); background: var(--code-bg); }
    .sidebar li ol { margin: .2rem 0 .4rem .8rem; border-left: 2px solid var(--rule); }
    .sidebar li ol a { font-size: 13px; color: var(--muted); }
    .sidebar li ol a.active { color: var(--fg); font-weight: 600; border-left: 2px solid var(--link); margin-left: -2px; border-radius: 0; }
    .content { flex: 1; min-width: 0; padding: 0 1.5rem 3rem; }
    main, .chapter-nav { max-width: 48rem; margin-left: auto; margin-right: auto; }
    .chapter-nav { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap;
      font-family: system-ui, sans-serif; font-size: .9rem; margin-top: 1rem; margin-bottom: 1rem; }
    .chapter-nav a[rel="next"] { margin-left: auto; text-align: right; }
    @media (max-width: 60rem) {
      .menu-button { display: block; }
      .sidebar { display: none; position: fixed; left: 0; top: 3rem; bottom: 0; height: auto; z-index: 9;
        width: min(20rem, 85vw); box-shadow: 4px 0 24px rgba(0, 0, 0, .3); }
      .nav-toggle:checked ~ .layout .sidebar { display: block; }
      .content { padding: 0 1rem 3rem; }
      .search input { width: 9rem; }
    }
    @media (max-width: 30rem) {
      body { font-size: 16px; }
      .book-header { gap: .4rem; padding: 0 .6rem; }
      .search input { width: 7.5rem; }
      code, pre { font-size: 13px; }
    }

    /* The chapter */
    .subtitle { color: var(--muted); font-size: 1.1rem; margin-top: -.6rem; }
    code, pre { font: 14px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--code-bg); padding: .05rem .25rem; border-radius: 3px; overflow-wrap: anywhere; }
    pre { background: var(--code-bg); padding: .7rem .9rem; overflow-x: auto; border-radius: 4px; margin: 0; }
    figure { margin: 1.2rem 0; }
    figure.code figcaption { display: flex; align-items: baseline; gap: .5rem; font: 12px/1.4 system-ui, sans-serif;
      color: var(--muted); text-transform: uppercase; letter-spacing: .04em; margin-bottom: .15rem; }
    .copy-buttons { margin-left: auto; display: flex; gap: .3rem; text-transform: none; letter-spacing: 0; }
    .copy-buttons button { font: 12px/1.3 system-ui, sans-serif; color: var(--muted); background: var(--code-bg);
      border: 1px solid var(--rule); border-radius: 3px; padding: .05rem .45rem; cursor: pointer; }
    .copy-buttons button:hover { color: var(--fg); }
    figure.library pre { border-left: 3px solid var(--lib); }
    figure.example pre { border-left: 3px solid var(--ex); }
    figure.ignored pre { border-left: 3px solid var(--ign); opacity: .85; }
    figure.ignored figcaption { color: var(--ign); text-transform: none; }
    pre.output { background: var(--out-bg); border-left: 3px solid var(--out-rule); margin: -.6rem 0 1.2rem; }
    pre.prose { margin: 1rem 0; }
    figure.plot { margin: 1rem 0; text-align: center; }
    figure.plot svg, figure.plot img { max-width: 100%; height: auto; }
    figure.plot img { background: #fdfdfb; border-radius: 4px; }  /* an image's text stays black: keep it on light */
    details.terminal { margin: -.4rem 0 1.2rem; font-size: .9rem; color: var(--muted); }
    details.terminal pre.output { margin: .3rem 0 0; color: var(--fg); }
    .kw { color: var(--kw); } .ty { color: var(--ty); } .str { color: var(--str); }
    .num { color: var(--num); } .com { color: var(--com); font-style: italic; } .at { color: var(--at); }
    a.sym { color: inherit; text-decoration: underline dotted; text-underline-offset: 2px; }
    a.sym:hover { text-decoration-style: solid; }
    .def:target, .ty:target, .adds li:target { background: var(--hl); }
    table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--rule); padding: .25rem .6rem; }
    main ol.toc, main ol.toc ol { list-style: none; padding-left: 0; }
    main ol.toc > li { margin: .6rem 0; font-family: system-ui, sans-serif; font-size: 1.05rem; }
    main ol.toc ol { font-size: .9rem; margin: .2rem 0 0 1.6rem; }
    main ol.toc ol li { margin: .1rem 0; }
    ol.toc .number { color: var(--muted); display: inline-block; min-width: 1.6rem; }
    blockquote { border-left: 3px solid var(--rule); margin: 1rem 0; padding: 0 1rem; color: var(--muted); }
    math { font-family: "STIX Two Math", "Latin Modern Math", "DejaVu Math TeX Gyre", "Cambria Math", math; font-size: 1.1em; }
    div.math { overflow-x: auto; overflow-y: hidden; margin: 1rem 0; }
    .adds { margin: 1rem 0 1.6rem; padding: .6rem 1rem .7rem; border: 1px solid var(--rule); border-left: 4px solid var(--lib);
      border-radius: 4px; background: var(--side-bg); font: 14px/1.5 system-ui, "DejaVu Sans", sans-serif; }
    .adds-title { margin: 0 0 .35rem; font-weight: 600; }
    .adds ul { margin: 0 0 .3rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .15rem 1.1rem; }
    .adds .group { font-weight: 600; color: var(--muted); font-size: 13px; }
    .adds code { overflow-wrap: anywhere; }
    .adds .kind { color: var(--muted); font-size: 12px; margin-right: .25rem; }
    .adds .note { color: var(--muted); font-size: 12px; }
    .print-note { font-family: system-ui, sans-serif; color: var(--muted); }
    section.print-chapter { border-top: 3px double var(--rule); margin-top: 3rem; }

    @media print {
      :root, :root[data-theme="dark"] { color-scheme: light !important; }
      :root {
    \(lightColors.split(separator: "\n").map { $0.replacingOccurrences(of: ";", with: " !important;") }.joined(separator: "\n"))
      }
      body { font-size: 11pt; }
      .book-header, .sidebar, .chapter-nav, .copy-buttons, .nav-toggle, .print-note, details.terminal { display: none !important; }
      .content { padding: 0; }
      main { max-width: none; }
      pre { white-space: pre-wrap; overflow: visible; }
      figure, pre, table, div.math { break-inside: avoid; }
      h1, h2, h3 { break-after: avoid; }
      section.print-chapter { break-before: page; border: none; margin-top: 0; }
      a { color: inherit; text-decoration: none; }
      a.sym { text-decoration: none; }
    }
    """
}
