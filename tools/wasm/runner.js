#!/usr/bin/env node
// The examples runner for `book verify`, in WebAssembly: runs a chapter's module (built by
// tools/wasm/build.sh into .build/wasm/) in Node with the same command line and output as BookExamples:
//
//     tools/wasm/runner.js 01-perceptron --markers [--solutions] [--slow] [--seed N]
//     --seed N               the reader's seed, as the page's seed field sets it (0, the default: the
//                            book's seeds); a hidden check that fails stops the run, as natively
//     BOOK_FIGURES_DIR=dir   figures go there as ex01-1.svg, ...
//     BOOK_WASM_DIR=dir      where the modules are (default .build/wasm)
"use strict";
const fs = require("fs");
const path = require("path");
const { BookHost } = require("../../theme/wasm-host.js");

async function main() {
  const args = process.argv.slice(2);
  let seed = 0;
  const seedAt = args.indexOf("--seed");
  if (seedAt >= 0) {
    const text = args[seedAt + 1] || "";
    seed = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
    if (!(seed <= 0xffffffff)) {
      process.stderr.write(`runner.js: --seed takes a whole number from 0 to 4294967295, not '${text}'\n`);
      process.exit(64);
    }
    args.splice(seedAt, 2);
  }
  const slug = args.find(a => !a.startsWith("--"));
  const unknown = args.filter(a => a.startsWith("--") && !["--markers", "--solutions", "--slow"].includes(a));
  if (!slug || unknown.length) {
    process.stderr.write(`usage: runner.js CHAPTER-SLUG [--markers] [--solutions] [--slow] [--seed N]${unknown.length ? ` (unknown: ${unknown.join(" ")})` : ""}\n`);
    process.exit(64);
  }
  const directory = process.env.BOOK_WASM_DIR || path.join(__dirname, "../../.build/wasm");
  const file = path.join(directory, `${slug}.wasm`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`runner.js: no module ${file} (tools/wasm/build.sh ${slug.slice(0, 2)} builds it)\n`);
    process.exit(66);
  }
  const figures = process.env.BOOK_FIGURES_DIR;
  if (figures) fs.mkdirSync(figures, { recursive: true });
  const host = new BookHost({
    onText: (text, fd) => (fd === 2 ? process.stderr : process.stdout).write(text),
    onFigure: (name, svg) => {
      if (!figures) return;
      const target = path.join(figures, name), temporary = `${target}.tmp${process.pid}`;
      fs.writeFileSync(temporary, svg);
      fs.renameSync(temporary, target);
    },
  });
  await host.instantiate(fs.readFileSync(file));
  const started = process.hrtime.bigint();
  const status = host.run({ markers: args.includes("--markers"), solutions: args.includes("--solutions"), seed });
  if (process.env.BOOK_WASM_TIME) {
    process.stderr.write(`${slug}: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms\n`);
  }
  process.exitCode = status;
}

main().catch(error => {
  process.stderr.write(`runner.js: ${error.stack || error}\n`);
  process.exit(70);
});
