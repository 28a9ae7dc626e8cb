"""PyTorch side of `make bench`: the tutorial's MLP timed the way BookBench times the book's engine.

Run by `make bench` (or `python3 bench/torch_mlp.py --threads 2 > torch.json`). Needs PyTorch's CPU
build: `pip install torch==2.13.0+cpu`. Prints one JSON object of seconds per epoch and images/s.

Same work as BookBench, on synthetic data of MNIST's shape preloaded as one float tensor:
784-512-ReLU-Dropout(0.2)-512-ReLU-Dropout(0.2)-10, cross-entropy, SGD lr 0.01; one epoch is
48,000 samples forward and backward (model.train()) plus 12,000 forward under torch.no_grad()
(model.eval(), in chunks of 1,000 like the book's engine); inference is 10,000 images in batches of 1,000. Times are medians of --epochs runs.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn


def network() -> nn.Module:
    return nn.Sequential(
        nn.Linear(784, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 512), nn.ReLU(), nn.Dropout(0.2),
        nn.Linear(512, 10),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    train_n, valid_n = 48_000, 12_000
    images = torch.rand(train_n + valid_n, 784)
    labels = torch.randint(0, 10, (train_n + valid_n,))
    train_x, train_y = images[:train_n], labels[:train_n]
    valid_x, valid_y = images[train_n:], labels[train_n:]
    loss_fn = nn.CrossEntropyLoss()
    result = {"threads": args.threads}

    for batch in (20, 128):
        model = network()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        batches = [(train_x[i:i + batch], train_y[i:i + batch]) for i in range(0, train_n, batch)]

        def epoch() -> None:
            model.train()
            for x, y in batches:
                optimizer.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():   # validation in chunks of 1,000, as the book's engine does it
                for i in range(0, valid_n, 1000):
                    loss_fn(model(valid_x[i:i + 1000]), valid_y[i:i + 1000])

        times = []
        for _ in range(args.epochs):
            start = time.perf_counter()
            epoch()
            times.append(time.perf_counter() - start)
        result[f"epoch.b{batch}"] = statistics.median(times)

    model = network().eval()
    test_x = images[:10_000]

    def infer() -> None:
        with torch.no_grad():
            for i in range(0, 10_000, 1000):
                model(test_x[i:i + 1000])

    infer()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        infer()
        times.append(time.perf_counter() - start)
    result["inference.images_per_s"] = 10_000 / statistics.median(times)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
