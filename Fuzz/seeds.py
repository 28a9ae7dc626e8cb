#!/usr/bin/env python3
"""Writes the seed corpus of `make fuzz` into Fuzz/corpus/<target>/ from the real chapters and small
files made here (the fuzzers then mutate them). Run from the repository root; the output is committed."""
import gzip, hashlib, json, os, re, struct

OUT = "Fuzz/corpus"

def write(target, name, data):
    os.makedirs(f"{OUT}/{target}", exist_ok=True)
    with open(f"{OUT}/{target}/{name}", "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

chapters = sorted(f for f in os.listdir("chapters") if f.endswith(".md"))

# chapter: pieces of the real chapters, each a few code blocks with their prose (under 3 kB).
for name in chapters:
    text = open(f"chapters/{name}", encoding="utf-8").read()
    lines = text.split("\n")
    pieces, current = [], []
    for line in lines:
        current.append(line)
        if line.startswith("```") and len(current) > 1 and sum(len(l) + 1 for l in current) > 1500:
            pieces.append("\n".join(current) + "\n")
            current = []
    for k, piece in enumerate(pieces[:3]):
        write("chapter", f"{name[:-3]}-{k}.md", piece[:3000])
write("chapter", "module-comment.md", "<!-- module: MNIST -->\n# T\n\n```swift library\npublic let a = 1\n```\n")
write("chapter", "ignore-why.md", '# T\n\n```swift ignore why="a reason"\nlet x = 1\n```\n\n```swift example hidden slow\nprint(1)\n```\n\n```output\n1\n```\n')

# math: every formula of the chapters' prose, one per file.
formulas = []
for name in chapters:
    for line in open(f"chapters/{name}", encoding="utf-8"):
        formulas += re.findall(r"\$\$?([^$]+)\$\$?", line)
for k, tex in enumerate(sorted(set(f for f in formulas if len(f) < 300))[:80]):
    write("math", f"formula-{k:02d}", tex)
write("math", "prose", "costs $5 or $10, and $x_i^2$ with \\$ and `$code$`\n$$\n\\sum_{i=1}^n x_i\n$$\n")

# idx: a tiny images file (2 images of 28×28) and labels file, plain and gzip; the first byte picks
# the expected magic (even: images, odd: labels).
pixels = bytes((i * 37) % 256 for i in range(2 * 28 * 28))
images = struct.pack(">IIII", 0x803, 2, 28, 28) + pixels
labels = struct.pack(">II", 0x801, 2) + bytes([7, 2])
write("idx", "images", b"\x00" + images)
write("idx", "labels", b"\x01" + labels)
write("idx", "images-gz", b"\x00" + gzip.compress(images, mtime=0))
write("idx", "labels-gz", b"\x01" + gzip.compress(labels, mtime=0))
write("idx", "html", b"\x00<html>Not Found</html>")

# checkpoint: small checkpoints (a 4-3-2 network) without their checksum, first byte 0 (the harness
# appends the SHA-256), and one whole file with its checksum (first byte 1).
def checkpoint(optimizer_state, history_loss=0.4):
    shapes = [[3, 4], [3], [2, 3], [2]]
    counts = [12, 12, 3, 3, 6, 6, 2, 2] if optimizer_state else []
    header = {"dropoutGenerators": ["1f", "2e"], "epoch": 1,
              "history": [{"epoch": 1, "improved": True, "trainingLoss": 0.5, "validationAccuracy": 0.9,
                           "validationLoss": history_loss}],
              "optimizerStateCounts": counts,
              "options": {"batchNorm": False, "batchSize": 20, "dropout": 0.2, "epochs": 2, "keepBest": "loss",
                          "learningRate": 0.01, "learningRateDecay": 1, "optimizer": "momentum" if optimizer_state else "sgd",
                          "seed": 0, "splitSeed": 0, "trainingLimit": 100},
              "parameterShapes": shapes, "shuffleGenerator": "5ee8", "sizes": [4, 3, 2], "step": 5}
    js = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    floats = sum(a * (b if len(s) == 2 else 1) for s in shapes for a, b in [(s[0], s[-1])]) + sum(counts)
    body = b"MLPCKPT\n" + struct.pack("<II", 3, len(js)) + js + b"".join(struct.pack("<f", 0.01 * i) for i in range(floats))
    return body
write("checkpoint", "sgd", b"\x00" + checkpoint(False))
write("checkpoint", "momentum", b"\x00" + checkpoint(True))
write("checkpoint", "infinite-loss", b"\x00" + checkpoint(False).replace(b'"validationLoss":0.4', b'"validationLoss":"inf"'))
body = checkpoint(False)
write("checkpoint", "with-checksum", b"\x01" + body + hashlib.sha256(body).digest())
