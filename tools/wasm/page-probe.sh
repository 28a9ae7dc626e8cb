#!/usr/bin/env bash
# Runs a chapter's WebAssembly module (built by build.sh) in headless Chromium from file://, the way the
# Run button will: the module as base64 in a <script src> file (a page opened from file:// cannot fetch
# a .wasm), run in a Web Worker made from a Blob (so the page stays responsive), output posted back.
# Prints the time the run took in the page and checks that the text equals Node's (runner.js).
#
#     tools/wasm/page-probe.sh 01-perceptron
set -euo pipefail
cd "$(dirname "$0")/../.."
SLUG=${1:?usage: page-probe.sh CHAPTER-SLUG (e.g. 01-perceptron)}
OUT=.build/wasm/page
mkdir -p "$OUT"
[ -f ".build/wasm/$SLUG.wasm" ] || { echo "page-probe.sh: build it first: tools/wasm/build.sh ${SLUG:0:2}" >&2; exit 66; }
{
  printf 'window.BOOK_WASM = window.BOOK_WASM || {};\nwindow.BOOK_WASM["%s"] = "' "$SLUG"
  base64 -w0 ".build/wasm/$SLUG.wasm"
  printf '";\n'
} > "$OUT/$SLUG.js"
cp theme/wasm-host.js "$OUT/host.js"
cat > "$OUT/$SLUG.html" <<HTML
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>$SLUG in WebAssembly</title></head>
<body>
<p id="status">running</p>
<pre id="output"></pre>
<script src="host.js"></script>
<script>
// The worker's code: the host classes plus a message handler, as a Blob (file:// allows that).
const workerSource = BookExit.toString() + "\n" + BookHost.toString() + "\n" + \`
  onmessage = async ({ data }) => {
    const chunks = [], figures = [];
    const host = new BookHost({ onText: text => chunks.push(text), onFigure: (name, svg) => figures.push(name) });
    const started = performance.now();
    await host.instantiate(data.bytes);
    const status = host.run({ markers: true, solutions: true });
    postMessage({ text: chunks.join(""), figures, status, milliseconds: performance.now() - started });
  };\`;
function start() {
  const script = document.createElement("script");  // loaded only now, as the Run button would
  script.src = "$SLUG.js";
  script.onload = () => {
    const started = performance.now();
    const binary = atob(window.BOOK_WASM["$SLUG"]);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" })));
    worker.onmessage = ({ data }) => {
      document.getElementById("output").textContent = data.text;
      document.getElementById("status").textContent =
        \`done status \${data.status} run \${Math.round(data.milliseconds)} ms total \${Math.round(performance.now() - started)} ms figures \${data.figures.length}\`;
    };
    worker.onerror = e => { document.getElementById("status").textContent = "error " + e.message; };
    worker.postMessage({ bytes }, [bytes.buffer]);
  };
  document.head.appendChild(script);
}
start();
</script>
</body></html>
HTML
# Selenium drives headless Chromium (as Tests/Browser does) and waits for the worker's answer.
python3 - "$OUT/$SLUG.html" "$SLUG" <<'PY'
import subprocess, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
try:
    driver.get("file://" + __import__("os").path.abspath(sys.argv[1]))
    deadline = time.time() + 120
    status = ""
    while time.time() < deadline:
        status = driver.find_element(By.ID, "status").text
        if status != "running":
            break
        time.sleep(0.2)
    page = driver.execute_script("return document.getElementById('output').textContent")
finally:
    driver.quit()
print(f"{sys.argv[2]} in Chromium: {status}")
node = subprocess.run(["tools/wasm/runner.js", sys.argv[2], "--markers", "--solutions"], capture_output=True, text=True).stdout
print("text identical to Node's" if page == node else f"text DIFFERS from Node's ({len(page)} vs {len(node)} characters)")
sys.exit(0 if page == node and page else 1)
PY
