// The Run button of a chapter page (issue 16): runs the chapter's examples and its exercises'
// solutions in the reader's browser, compiled to WebAssembly with Embedded Swift from the same code the
// terminal runs (tools/wasm/build.sh; `make book` writes the module as base64 to wasm/NN-slug.js).
//
// Nothing is loaded until the button is pressed. Then the page adds two scripts (a page opened from
// file:// may add a script, but may not fetch a .wasm file): wasm-host.js (the module's host, the same
// file tools/wasm/runner.js uses in Node) and wasm/NN-slug.js (the module). The module runs in a Worker
// made from a Blob, so the page stays responsive; the worker splits the output at the runner's marker
// lines (RunnerProtocol) and posts each example's text and each figure's SVG. Each output goes under
// the book's recorded one (`pre.output[data-example]`) marked identical or shown with its first
// difference; each figure is compared with the committed one by its hash (`figure[data-hash]`).
// The panel's `data-state` (idle, loading, running, done, missing, failed, invalid) and `data-result`
// (identical, different; with a reader's seed: identical or moved) say where it is, for a reader's
// screen reader through the status line, and for the tests.
//
// The seed field: 0 runs with the book's seeds; another whole number up to 2³² − 1 becomes chapter 1's
// `SplitMix64.readerSeed`, which every generator of the chapter mixes into its own seed, so the page
// shows which outputs move ("differs: seed N", the changed numbers marked) and which stay, and draws
// the figures again. A hidden check that fails (tools/wasm/Checks: the page's `precondition`) is named
// by its line in the chapter; with a reader's seed it was written for the book's seeds, and the run
// goes on; with the book's seeds it is a difference.
"use strict";

(function () {
  const panel = document.getElementById("run-panel");
  if (!panel) return;
  const slug = panel.dataset.chapter;
  const button = document.getElementById("run-button");
  const status = document.getElementById("run-status");
  const seedField = document.getElementById("run-seed");
  let worker = null;

  // The seed field's value: a whole number in 0 ... 2³² − 1, or null (and the field marked invalid).
  const MAX_SEED = 4294967295;
  function readSeed() {
    if (!seedField) return 0;
    const text = seedField.value.trim();
    const seed = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
    const valid = seed <= MAX_SEED;
    seedField.setAttribute("aria-invalid", valid ? "false" : "true");
    return valid ? seed : null;
  }

  function say(text, state) {
    status.textContent = text;
    if (state) panel.dataset.state = state;
  }

  // Adds a script once; resolves when it has run, rejects when it cannot be read.
  function load(src, ready) {
    if (ready()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src));
      document.head.appendChild(script);
    });
  }

  // `book verify`'s rule: trailing spaces on each line and blank lines at the end do not count.
  function normalize(text) {
    const lines = text.split("\n").map(line => line.replace(/ +$/, ""));
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    return lines.join("\n");
  }

  // 32-bit FNV-1a of the UTF-8 bytes, in hexadecimal: the weave's RunPanel.hash of a committed figure.
  function hash(text) {
    let h = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      h ^= byte;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16);
  }

  // The worker: decodes the module, runs it with markers and solutions, posts what it prints.
  function workerMain() {
    onmessage = async ({ data }) => {
      let current = null, lines = [], partial = "";
      const flush = () => {
        if (current !== null) postMessage({ kind: "output", example: current, text: lines.join("\n") });
        lines = [];
      };
      const line = text => {
        if (!text.startsWith("\u001e")) { lines.push(text); return; }
        flush();
        const [word, number] = text.slice(1).split(" ");
        current = word === "example" ? Number(number) : null;
        if (word === "skipped") postMessage({ kind: "skipped", example: Number(number) });
      };
      const host = new BookHost({
        onText: text => {
          partial += text;
          for (let at = partial.indexOf("\n"); at >= 0; at = partial.indexOf("\n")) {
            line(partial.slice(0, at));
            partial = partial.slice(at + 1);
          }
        },
        onFigure: (name, svg) => postMessage({ kind: "figure", name, svg }),
        // A failed hidden check: reported, and the chapter goes on (the page decides what it means).
        onCheck: failure => postMessage({ kind: "check", ...failure }),
      });
      const binary = atob(data.base64), bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const started = performance.now();
      let code, error = null;
      try {
        await host.instantiate(bytes);
        code = host.run({ markers: true, solutions: true, seed: data.seed });
      } catch (e) {
        code = -1;
        error = String(e && e.message || e);
      }
      if (partial) line(partial);
      flush();
      postMessage({ kind: "done", code, error, example: host.example, milliseconds: performance.now() - started });
    };
  }

  // What one run found, for the summary, and the seed it ran with (0: the book's).
  let tally, seed = 0;

  function resultBox(after, example) {
    const box = document.createElement("div");
    box.className = "run-result";
    box.dataset.example = example;
    after.insertAdjacentElement("afterend", box);
    return box;
  }

  // Where a result goes: after the output block, or after the folded text under a figure.
  function anchorOf(element) {
    const terminal = element.closest("details.terminal");
    return terminal || element;
  }

  // A box after `anchor` and after the results already there (they arrive in the run's order).
  function resultAfterResults(anchor, example) {
    let last = anchor;
    while (last.nextElementSibling && last.nextElementSibling.classList.contains("run-result")) {
      last = last.nextElementSibling;
    }
    return resultBox(last, example);
  }

  // `text` in a <pre>, each of its tokens (words and numbers) that differs from `book`'s marked: the
  // numbers that moved with the reader's seed. Lines compare by position; in a line whose tokens do
  // not line up (a text plot), the part between the first and the last character that differ is
  // marked; a line the book does not have is marked whole.
  function preMarked(text, book) {
    const pre = document.createElement("pre");
    pre.className = "run-output";
    const want = book.split("\n");
    text.split("\n").forEach((line, i) => {
      if (i > 0) pre.append("\n");
      const expected = want[i];
      if (line === expected) { pre.append(line); return; }
      if (expected === undefined) { pre.append(mark(line)); return; }
      const got = line.split(/(\s+)/), had = expected.split(/(\s+)/);
      if (got.length === had.length) {
        got.forEach((token, j) => pre.append(token === had[j] ? token : mark(token)));
        return;
      }
      let start = 0, end = 0;
      while (start < line.length && line[start] === expected[start]) start += 1;
      while (end < line.length - start && line[line.length - 1 - end] === expected[expected.length - 1 - end]) end += 1;
      pre.append(line.slice(0, start), mark(line.slice(start, line.length - end)), line.slice(line.length - end));
    });
    return pre;
  }

  function mark(text) {
    const element = document.createElement("mark");
    element.textContent = text;
    return element;
  }

  function showOutput(example, text) {
    tally.seen.add(example);
    const blocks = document.querySelectorAll(`pre.output[data-example="${example}"]`);
    const actual = normalize(text);
    if (blocks.length === 0) {
      if (actual === "") return;  // an example that prints nothing, as the book shows
      tally.different += 1;
      const box = resultBox(panel, example);
      box.classList.add("different");
      box.append(`Example ${example} printed text the book does not show:`, preOf(text));
      return;
    }
    const expected = normalize(blocks[0].textContent);
    const box = resultBox(anchorOf(blocks[0]), example);
    if (actual === expected) {
      tally.identical += 1;
      box.classList.add("identical");
      box.textContent = seed === 0 ? "✓ Ran in your browser: identical to the output above."
        : `✓ Ran in your browser with seed ${seed}: identical to the book's output above (it does not depend on the draws).`;
      return;
    }
    tally.different += 1;
    if (seed !== 0) {
      box.classList.add("moved");
      box.append(`differs: seed ${seed}. What it printed with seed ${seed}, the parts that moved marked:`,
                 preMarked(actual, expected));
      return;
    }
    box.classList.add("different");
    const want = expected.split("\n"), got = actual.split("\n");
    let first = 0;
    while (first < want.length && first < got.length && want[first] === got[first]) first += 1;
    box.append(`✗ Ran in your browser: the output differs from the book's at line ${first + 1}`
      + ` (book: “${want[first] ?? "(no line)"}”, here: “${got[first] ?? "(no line)"}”). What it printed:`, preOf(text));
  }

  function preOf(text) {
    const pre = document.createElement("pre");
    pre.className = "run-output";
    pre.textContent = text;
    return pre;
  }

  function showFigure(name, svg) {
    const figure = document.querySelector(`figure.plot[data-file="${name}"]`);
    if (figure && figure.dataset.hash === hash(svg)) {
      tally.figures += 1;
      const box = resultBox(figure, name);
      box.classList.add("identical");
      box.textContent = "✓ Drawn in your browser: identical to the figure above.";
      return;
    }
    tally.different += 1;
    const box = resultBox(figure || panel, name);
    const image = document.createElement("img");
    image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    if (figure && seed !== 0) {
      box.classList.add("moved");
      image.alt = `The figure above, drawn again in your browser with seed ${seed}`;
      box.append(`differs: seed ${seed}. The figure drawn again with seed ${seed}:`, image);
      return;
    }
    box.classList.add("different");
    image.alt = `The figure ${name} as drawn in your browser`;
    box.append(figure ? "✗ Drawn in your browser: this figure differs from the one above:"
      : `✗ Drawn in your browser: a figure the book does not show (${name}):`, image);
  }

  // A hidden check that failed, after the output of the example it follows (or under the panel); the
  // checks of one hidden example that fail share a box.
  function showCheck({ file, line, message, example }) {
    tally.checks.push(`${file}:${line}`);
    const last = tally.lastCheck;
    if (last && last.example === example && last.file === file) {
      last.lines.push(line);
      if (message) last.messages.push(message);
    } else {
      const shown = [...document.querySelectorAll("pre.output[data-example]")]
        .filter(pre => Number(pre.dataset.example) <= example);
      const box = resultAfterResults(shown.length ? anchorOf(shown[shown.length - 1]) : panel, example);
      box.classList.add("check");
      tally.lastCheck = { example, file, lines: [line], messages: message ? [message] : [], box };
      if (seed === 0) tally.different += 1;
    }
    const { lines, messages, box } = tally.lastCheck;
    const where = lines.length === 1 ? `the hidden check at ${file}:${line}`
      : `the hidden checks at ${file}:${lines.slice(0, -1).join(", ")} and ${lines[lines.length - 1]}`;
    const what = where + (messages.length ? ` (“${messages.join("”, “")}”)` : "");
    if (seed !== 0) {
      box.classList.add("moved");
      box.textContent = `differs: seed ${seed}. With seed ${seed}, ${what} ${lines.length === 1 ? "does" : "do"} not hold:`
        + ` written for the book's seeds, ${lines.length === 1 ? "it pins" : "they pin"} what the book says about its`
        + " own numbers. The run went on.";
      return;
    }
    box.classList.add("different");
    box.textContent = `✗ Ran in your browser: ${what} failed. The run went on.`;
  }

  function finish({ code, error, example, milliseconds }) {
    worker.terminate();
    worker = null;
    button.disabled = false;
    // An example the book shows output for that did not run (the run stopped before it) is a difference.
    const expected = new Set([...document.querySelectorAll("pre.output[data-example]")].map(pre => Number(pre.dataset.example)));
    const missing = [...expected].filter(n => !tally.seen.has(n) && !tally.skipped.has(n));
    tally.different += missing.length;
    const seconds = (milliseconds / 1000).toFixed(1);
    const stopped = code !== 0 ? ` The run stopped in example ${example} (${error || `exit status ${code}`})`
      + (seed !== 0 ? ": a check in the chapter's library, written for the book's seeds, or an error they never meet." : ".") : "";
    const notRun = missing.length ? ` ${missing.length} example(s) did not run (${missing.join(", ")}).` : "";
    const skipped = tally.skipped.size ? ` ${tally.skipped.size} slow example(s) run only in the terminal.` : "";
    const same = tally.different === 0 && code === 0;
    panel.dataset.result = seed === 0 ? (same ? "identical" : "different") : (same ? "identical" : "moved");
    panel.dataset.seconds = seconds;
    panel.dataset.seed = seed;
    if (seed === 0) {
      say(`Ran in ${seconds} s: ${tally.identical} outputs and ${tally.figures} figures identical to the book's, `
        + `${tally.different} different.${stopped}${notRun}${skipped}`, "done");
      return;
    }
    // The failed checks by file: "chapters/01-perceptron.md:320, 321".
    const byFile = new Map();
    for (const place of tally.checks) {
      const at = place.lastIndexOf(":"), file = place.slice(0, at);
      byFile.set(file, [...(byFile.get(file) || []), place.slice(at + 1)]);
    }
    const places = [...byFile].map(([file, lines]) => `${file}:${lines.join(", ")}`).join("; ");
    const checks = tally.checks.length
      ? ` ${tally.checks.length} hidden check(s) written for the book's seeds do not hold (${places}).` : "";
    say(`Ran with seed ${seed} in ${seconds} s: ${tally.identical} outputs and ${tally.figures} figures the same as`
      + ` the book's, ${tally.different} ${tally.different === 1 ? "differs" : "differ"} (marked “differs: seed ${seed}”).`
      + `${checks}${stopped}${notRun}${skipped} Seed 0 runs the book's seeds again.`, "done");
  }

  async function run() {
    if (worker) return;
    const chosen = readSeed();
    if (chosen === null) {
      say(`The seed must be a whole number from 0 to ${MAX_SEED} (0 runs the book's seeds): `
        + `“${seedField.value.trim()}” is not one. Nothing ran.`, "invalid");
      seedField.focus();
      return;
    }
    seed = chosen;
    for (const old of document.querySelectorAll(".run-result")) old.remove();
    delete panel.dataset.result;
    tally = { identical: 0, figures: 0, different: 0, seen: new Set(), skipped: new Set(), checks: [] };
    button.disabled = true;
    say("Loading the chapter's WebAssembly module…", "loading");
    try {
      await load("wasm-host.js", () => typeof BookHost === "function");
      await load(`wasm/${slug}.js`, () => self.bookModules && self.bookModules[slug]);
    } catch (e) {
      button.disabled = false;
      say(`This copy of the book has no WebAssembly module for this chapter (${e.message}): `
        + "`make book` builds it, with Debian's wasi-libc and libclang-rt-dev-wasm32 installed.", "missing");
      return;
    }
    const source = `"use strict";\n${BookExit.toString()}\n${BookHost.toString()}\n(${workerMain.toString()})();\n`;
    worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    worker.onerror = event => {
      worker.terminate();
      worker = null;
      button.disabled = false;
      say(`The run failed: ${event.message}`, "failed");
    };
    worker.onmessage = ({ data }) => {
      if (data.kind === "output") {
        showOutput(data.example, data.text);
        say(`Running… ${tally.seen.size} examples so far.`);
      } else if (data.kind === "figure") {
        showFigure(data.name, data.svg);
      } else if (data.kind === "check") {
        showCheck(data);
      } else if (data.kind === "skipped") {
        tally.skipped.add(data.example);
      } else if (data.kind === "done") {
        finish(data);
      }
    };
    say(seed === 0 ? "Running…" : `Running with seed ${seed}…`, "running");
    worker.postMessage({ base64: self.bookModules[slug], seed });
  }

  panel.dataset.state = "idle";
  button.addEventListener("click", run);
  // Enter in the seed field runs, as the button does.
  if (seedField) seedField.addEventListener("keydown", event => { if (event.key === "Enter") run(); });
})();
