extension Weave {
    /// The book's one stylesheet: readable type, light and dark colours from the reader's system setting.
    static let stylesheet = """
    :root {
      --bg: #fdfdfb; --fg: #1f2328; --muted: #5b636d; --link: #0a58ca; --rule: #d8dce0;
      --code-bg: #f4f5f7; --out-bg: #fbf7ea; --out-rule: #e2c66d; --lib: #2d7d46; --ex: #0a58ca; --ign: #b42318;
      --kw: #a626a4; --ty: #0b6e99; --str: #a0522d; --num: #986801; --com: #6a737d; --at: #c41a16;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #15171a; --fg: #e6e6e6; --muted: #9aa4ae; --link: #7cb7ff; --rule: #30363d;
        --code-bg: #1e2227; --out-bg: #23211a; --out-rule: #8a7330; --lib: #5fbf7a; --ex: #7cb7ff; --ign: #ff7b72;
        --kw: #d896e0; --ty: #67c1e8; --str: #e3a87a; --num: #e0c46c; --com: #8b949e; --at: #ff8f7e;
      }
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); color: var(--fg); }
    body { margin: 0 auto; max-width: 48rem; padding: 0 1.1rem 3rem; font: 17px/1.6 Georgia, "DejaVu Serif", serif; }
    a { color: var(--link); }
    h1, h2, h3 { font-family: system-ui, "DejaVu Sans", sans-serif; line-height: 1.25; }
    h1 { font-size: 2rem; margin-top: 1.2rem; }
    h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
    .book-header { font-family: system-ui, sans-serif; padding: .8rem 0; border-bottom: 1px solid var(--rule); }
    .book-header a { color: var(--fg); text-decoration: none; font-weight: 600; }
    .chapter-nav { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap;
      font-family: system-ui, sans-serif; font-size: .9rem; margin: 1rem 0; }
    .subtitle { color: var(--muted); font-size: 1.1rem; margin-top: -.6rem; }
    code, pre { font: 14px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--code-bg); padding: .05rem .25rem; border-radius: 3px; }
    pre { background: var(--code-bg); padding: .7rem .9rem; overflow-x: auto; border-radius: 4px; margin: 0; }
    figure { margin: 1.2rem 0; }
    figure.code figcaption { font: 12px/1.4 system-ui, sans-serif; color: var(--muted); text-transform: uppercase;
      letter-spacing: .04em; margin-bottom: .15rem; }
    figure.library pre { border-left: 3px solid var(--lib); }
    figure.example pre { border-left: 3px solid var(--ex); }
    figure.ignored pre { border-left: 3px solid var(--ign); opacity: .85; }
    figure.ignored figcaption { color: var(--ign); text-transform: none; }
    pre.output { background: var(--out-bg); border-left: 3px solid var(--out-rule); margin: -.6rem 0 1.2rem; }
    pre.prose { margin: 1rem 0; }
    figure.plot { margin: 1rem 0; text-align: center; }
    figure.plot svg { max-width: 100%; height: auto; }
    details.terminal { margin: -.4rem 0 1.2rem; font-size: .9rem; color: var(--muted); }
    details.terminal pre.output { margin: .3rem 0 0; color: var(--fg); }
    .kw { color: var(--kw); } .ty { color: var(--ty); } .str { color: var(--str); }
    .num { color: var(--num); } .com { color: var(--com); font-style: italic; } .at { color: var(--at); }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid var(--rule); padding: .25rem .6rem; }
    ol.toc > li { margin: .5rem 0; font-family: system-ui, sans-serif; }
    ol.toc ol { font-size: .9rem; }
    ol.toc .number { color: var(--muted); }
    blockquote { border-left: 3px solid var(--rule); margin: 1rem 0; padding: 0 1rem; color: var(--muted); }
    """
}
