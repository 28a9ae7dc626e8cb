// The host side of a chapter's WebAssembly module, the same in Node and in a browser: the few WASI
// calls wasi-libc makes (writing to standard output, the clock, random bytes, exit), and the book's
// own imports: where each example starts, each figure's SVG, and each hidden check that failed.
// Takes in the module's bytes; gives out its text output, its figures and its failed checks, through
// callbacks.
//
//     const host = new BookHost({ onText: s => ..., onFigure: (name, svg) => ...,
//                                 onCheck: ({ file, line, message, example }) => ... });
//     await host.instantiate(bytes);  host.run({ markers: true, solutions: false, seed: 0 });
//
// `seed` is the reader's seed (chapter 1's SplitMix64.readerSeed): 0, the book's seeds, or any whole
// number up to 2³² − 1. Without `onCheck`, a failed check stops the run as natively: the message on
// standard error ("file:line: Fatal error: message") and exit status 134.

"use strict";

class BookExit extends Error {
  constructor(code) { super(`exit ${code}`); this.code = code; }
}

class BookHost {
  constructor({ onText, onFigure, onCheck, now }) {
    this.onText = onText;
    this.onFigure = onFigure;
    this.onCheck = onCheck;
    this.now = now || (() => BigInt(Math.round(Date.now() * 1e6)));
    this.decoder = new TextDecoder("utf-8");
    this.example = 0;      // the example running now, and how many figures it drew so far
    this.figureIndex = 0;
  }

  /// The module's linear memory, fresh on every call (it moves when memory grows).
  bytes() { return new Uint8Array(this.instance.exports.memory.buffer); }
  view() { return new DataView(this.instance.exports.memory.buffer); }
  string(pointer, length) { return this.decoder.decode(this.bytes().slice(pointer, pointer + length)); }

  imports() {
    const ERRNO_SUCCESS = 0, ERRNO_BADF = 8, ERRNO_NOSYS = 52;
    const wasi = {
      // fd_write(fd, iovs, iovs_len, nwritten): stdout (1) and stderr (2) go to onText; the count
      // written must be set, or wasi-libc writes the same bytes again forever.
      fd_write: (fd, iovs, count, written) => {
        if (fd !== 1 && fd !== 2) return ERRNO_BADF;
        const view = this.view();
        let total = 0;
        const chunks = [];
        for (let i = 0; i < count; i++) {
          const pointer = view.getUint32(iovs + 8 * i, true), length = view.getUint32(iovs + 8 * i + 4, true);
          chunks.push(this.bytes().slice(pointer, pointer + length));
          total += length;
        }
        const joined = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) { joined.set(c, at); at += c.length; }
        this.onText(this.decoder.decode(joined, { stream: true }), fd);
        view.setUint32(written, total, true);
        return ERRNO_SUCCESS;
      },
      fd_close: () => ERRNO_SUCCESS,
      fd_seek: () => ERRNO_NOSYS,
      fd_fdstat_get: (fd, stat) => {  // a character device, so that stdout is line-buffered
        const view = this.view();
        view.setUint8(stat, 2);
        view.setUint16(stat + 2, 0, true);
        view.setBigUint64(stat + 8, 0n, true);
        view.setBigUint64(stat + 16, 0n, true);
        return ERRNO_SUCCESS;
      },
      proc_exit: code => { throw new BookExit(code); },
      environ_sizes_get: (count, size) => { this.view().setUint32(count, 0, true); this.view().setUint32(size, 0, true); return 0; },
      environ_get: () => ERRNO_SUCCESS,
      args_sizes_get: (count, size) => { this.view().setUint32(count, 0, true); this.view().setUint32(size, 0, true); return 0; },
      args_get: () => ERRNO_SUCCESS,
      clock_time_get: (id, precision, time) => { this.view().setBigUint64(time, this.now(), true); return 0; },
      random_get: (pointer, length) => {
        // Only the standard library's hash seed asks; a fixed sequence keeps runs reproducible.
        const bytes = this.bytes();
        for (let i = 0; i < length; i++) bytes[pointer + i] = (i * 131 + 7) & 255;
        return ERRNO_SUCCESS;
      },
    };
    // Figures are named as RunnerProtocol's FigureFile names them: ex03-1.svg, ex03-2.svg, ...
    const book = {
      begin_example: ordinal => { this.example = ordinal; this.figureIndex = 0; },
      figure: (pointer, length) => {
        this.figureIndex += 1;
        const name = `ex${String(this.example).padStart(2, "0")}-${this.figureIndex}.svg`;
        this.onFigure(name, this.string(pointer, length));
      },
      // A hidden check of the examples failed (tools/wasm/Checks): report it, or stop as natively.
      check_failed: (file, fileLength, line, message, messageLength) => {
        const failure = { file: this.string(file, fileLength), line, message: this.string(message, messageLength),
                          example: this.example };
        if (this.onCheck) return this.onCheck(failure);
        this.onText(`${failure.file}:${line}: Fatal error${failure.message ? ": " + failure.message : ""}\n`, 2);
        throw new BookExit(134);
      },
    };
    return { wasi_snapshot_preview1: wasi, book };
  }

  async instantiate(bytes) {
    const { instance } = await WebAssembly.instantiate(bytes, this.imports());
    this.instance = instance;
    if (instance.exports._initialize) instance.exports._initialize();  // wasi-libc's constructors
    return instance;
  }

  /// Runs the chapter's examples with the reader's `seed` (0: the book's); returns the exit status
  /// (0, or what a failed check gave).
  run({ markers = false, solutions = false, seed = 0 } = {}) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`the seed must be a whole number from 0 to 4294967295, not ${seed}`);
    }
    try {
      this.instance.exports.book_run(markers ? 1 : 0, solutions ? 1 : 0, seed | 0);
      return 0;
    } catch (e) {
      if (e instanceof BookExit) return e.code;
      throw e;  // a trap: a failed precondition or a bug, with the module's message already printed
    }
  }
}

if (typeof module !== "undefined") module.exports = { BookHost, BookExit };
