"""PyTorch's side of `make bench`: one measurement of the tutorial's MLP, in a fresh process.

`BookBench run` starts this script once per pair and measure, in turn with the book's engine
(`BookBench round`), and computes the ratios. Needs PyTorch's CPU build: `pip install torch==2.13.0+cpu`.

    python3 bench/torch_mlp.py info                                prints PyTorch's version and threads
    python3 bench/torch_mlp.py epoch --batch 20 [--threads 2]      one epoch, after a warm-up
    python3 bench/torch_mlp.py inference [--threads 2]             50,000 images, after a warm-up
    (both also take --data DIR, the MNIST files: data/mnist by default)

Each prints one JSON object. The work is the same as BookBench's, on the same MNIST files (the book's
engine skips multiply-adds on blank pixels, so the images matter), read before the clock starts and
held as float tensors, each pixel byte / 255 as ToTensor converts it: the tutorial's
784-512-ReLU-Dropout(0.2)-512-ReLU-Dropout(0.2)-10 (`Net` and `train_step` of
bench/torch_tutorial.py), cross-entropy, SGD lr 0.01. An epoch is the first 48,000 images of the
training file forward and backward, in file order (model.train()), plus the other 12,000 forward under
torch.no_grad() (model.eval(), in chunks of 1,000 like the book's engine); the warm-up before it trains
on the first tenth of the batches. Inference is the 10,000 test images in batches of 1,000, five times
over, after one untimed pass.
"""
import argparse
import json
import sys
import time

import numpy as np
import torch
from torch import nn

# The tutorial's model and training step and its IDX reader, shared with the whole job.
from torch_tutorial import Net, find, read_idx, train_step

TRAIN, VALID, TEST = 48_000, 12_000, 10_000


def mnist(directory: str, prefix: str, count: int):
    """The first `count` images of an MNIST set ("train" or "t10k") as a float tensor [count, 784] of
    byte / 255, and their labels; exits with a message naming the file if it is missing or too short."""
    images = read_idx(find(directory, f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(find(directory, f"{prefix}-labels-idx1-ubyte"))
    if len(images) < count or len(labels) < count or images.shape[1:] != (28, 28):
        raise SystemExit(f"{directory}: {prefix} files hold {len(images)} images of {images.shape[1:]} and "
                         f"{len(labels)} labels; the benchmark needs {count} images of 28 x 28 and their labels")
    pixels = images[:count].reshape(count, 784).astype(np.float32) / np.float32(255)
    return torch.from_numpy(pixels), torch.from_numpy(labels[:count].astype(np.int64))


def epoch_seconds(batch: int, directory: str) -> float:
    images, labels = mnist(directory, "train", TRAIN + VALID)
    train_x, train_y = images[:TRAIN], labels[:TRAIN]
    valid_x, valid_y = images[TRAIN:], labels[TRAIN:]
    model = Net()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    batches = [(train_x[i:i + batch], train_y[i:i + batch]) for i in range(0, TRAIN, batch)]

    def train(steps) -> None:
        model.train()
        for x, y in steps:
            train_step(model, loss_fn, optimizer, x, y)

    train(batches[:len(batches) // 10])          # warm-up
    start = time.perf_counter()
    train(batches)
    model.eval()
    with torch.no_grad():
        for i in range(0, VALID, 1000):
            loss_fn(model(valid_x[i:i + 1000]), valid_y[i:i + 1000])
    return time.perf_counter() - start


def images_per_second(directory: str) -> float:
    test_x, _ = mnist(directory, "t10k", TEST)
    model = Net().eval()

    def infer() -> None:
        with torch.no_grad():
            for i in range(0, TEST, 1000):
                model(test_x[i:i + 1000])

    infer()                                      # warm-up
    start = time.perf_counter()
    for _ in range(5):
        infer()
    return 5 * TEST / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["info", "epoch", "inference"])
    parser.add_argument("--batch", type=int, choices=[20, 128], help="batch size of the epoch")
    parser.add_argument("--threads", type=int, default=2, help="PyTorch's intra-op threads (1 to 64)")
    parser.add_argument("--data", default="data/mnist", help="the directory of the four MNIST IDX files")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not 1 <= args.threads <= 64:
        parser.error(f"--threads must be in 1...64, not {args.threads}")
    if args.what == "epoch" and args.batch is None:
        parser.error("epoch needs --batch (20 or 128)")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    result = {"version": torch.__version__, "threads": torch.get_num_threads()}
    if args.what == "info":
        result["capability"] = torch.backends.cpu.get_cpu_capability()
    elif args.what == "epoch":
        result["seconds"] = epoch_seconds(args.batch, args.data)
    else:
        result["imagesPerSecond"] = images_per_second(args.data)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
