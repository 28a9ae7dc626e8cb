#!/usr/bin/env bash
# Compares wasi-libc's libm (in WebAssembly, run by Node) with the native libm, bit for bit, on
# COUNT (default 1,000,000) seeded inputs per function: prints how many results differ.
set -euo pipefail
cd "$(dirname "$0")"
COUNT=${1:-1000000}
OUT=../../../.build/wasm/probe
mkdir -p "$OUT"
TOOLCHAIN_BIN=$(dirname "$(readlink -f "$(command -v swiftc)")")
swiftc -O -parse-as-library LibmProbe.swift -o "$OUT/native-probe"
swiftc -target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -enable-experimental-feature Extern \
  -wmo -parse-as-library -O -c LibmProbe.swift -o "$OUT/probe.o"
"$TOOLCHAIN_BIN/wasm-ld" --no-entry --export=probe_run --export=probe_alloc --gc-sections \
  /usr/lib/wasm32-wasi/crt1-reactor.o "$OUT/probe.o" /usr/lib/wasm32-wasi/libc.a -o "$OUT/probe.wasm"
"$OUT/native-probe" "$COUNT" "$OUT"
node - "$OUT" "$COUNT" <<'JS'
const fs = require("fs");
const [dir, count] = [process.argv[2], Number(process.argv[3])];
const names = ["expf", "exp", "logf", "log", "log1pf", "log1p", "tanhf", "tanh", "sinf", "sin", "cosf", "cos", "powf", "pow"];
const module = new WebAssembly.Module(fs.readFileSync(`${dir}/probe.wasm`));
const wasi = {};
for (const i of WebAssembly.Module.imports(module)) wasi[i.name] = () => 0;
const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi });
if (instance.exports._initialize) instance.exports._initialize();
const out = instance.exports.probe_alloc(count);
names.forEach((name, i) => {
  instance.exports.probe_run(i, count, out);
  const wasm = new BigUint64Array(instance.exports.memory.buffer, out, count);
  const native = new BigUint64Array(new Uint8Array(fs.readFileSync(`${dir}/${name}.native`)).buffer);
  let differ = 0, example = "";
  for (let k = 0; k < count; k++) if (wasm[k] !== native[k]) { differ++; if (!example) example = ` e.g. input #${k}: 0x${native[k].toString(16)} vs 0x${wasm[k].toString(16)}`; }
  console.log(`${name.padEnd(7)} ${differ} of ${count} differ${example}`);
});
JS
