"""Chapter 12's convolutional network in PyTorch, trained as `train --model cnn` trains it: the yardstick
for the chapter's epoch time.

    python3 bench/torch_cnn.py [--epochs 1] [--threads 2] [--data data/mnist] [--limit 48000]

The same network (conv 5×5 1→16 padding 2, batch norm, ReLU, max pool 2, conv 5×5 16→32 padding 2, batch
norm, ReLU, max pool 2, dropout 0.25, linear 1568→10, PyTorch's default initialization), the same recipe
(Adam, lr 0.001 × 0.8 per epoch, batches of 64, cross-entropy, each training image moved by a random shift
of up to 2 pixels each way, drawn anew every epoch), the same work per epoch (48,000 training images
shifted, forward and backward in a fresh order, then 12,000 validation images forward under
torch.no_grad() in chunks of 1,000), on the MNIST files in data/mnist (pixels byte/255, as the book reads
them). --no-batch-norm and --max-shift 0 give the network and recipe without them. The split is a
seeded 48,000/12,000 one, not the book's (the time does not depend on which images are which).
Prints one line per epoch, in the layout of `train`'s log, with the epoch's time in seconds, then the
test accuracy. Run it in turn with `.build/release/train --model cnn --epochs 1` to compare.
Needs PyTorch's CPU build: `pip install torch==2.13.0+cpu`.
"""
import argparse
import gzip
import os
import time

import torch
import torch.nn.functional as F
from torch import nn


def read_idx(path: str, header: int) -> torch.Tensor:
    """The bytes of an IDX file (gzip-compressed or not) after its header, as uint8."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    return torch.frombuffer(bytearray(data[header:]), dtype=torch.uint8)


def load(directory: str, name: str, header: int) -> torch.Tensor:
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return read_idx(path, header)
    raise SystemExit(f"torch_cnn.py: neither {name}.gz nor {name} is in {directory}")


def network(batch_norm: bool) -> nn.Module:
    norm = (lambda c: [nn.BatchNorm2d(c)]) if batch_norm else (lambda c: [])
    return nn.Sequential(
        nn.Conv2d(1, 16, 5, padding=2), *norm(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 5, padding=2), *norm(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Dropout(0.25), nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def shifted(x: torch.Tensor, most: int) -> torch.Tensor:
    """Each image of x [b, 1, 28, 28] moved by its own random shift of up to `most` pixels down or up
    and right or left; the pixels that come in from outside are 0."""
    if most == 0:
        return x
    b = x.shape[0]
    padded = F.pad(x, (most, most, most, most))
    offsets = torch.randint(-most, most + 1, (b, 2))
    line = torch.arange(28)
    rows = (line[None, :] - offsets[:, :1] + most)[:, :, None]     # [b, 28, 1]
    columns = (line[None, :] - offsets[:, 1:] + most)[:, None, :]  # [b, 1, 28]
    return padded[torch.arange(b)[:, None, None], 0, rows, columns].unsqueeze(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2, help="PyTorch's intra-op threads (1 to 64)")
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=48_000, help="train on the first n training images")
    parser.add_argument("--no-batch-norm", action="store_true", help="leave out the two batch norms")
    parser.add_argument("--max-shift", type=int, default=2, help="largest shift of a training image (0 to 4)")
    args = parser.parse_args()
    if not 1 <= args.threads <= 64 or args.epochs < 1 or not 64 <= args.limit <= 48_000 \
            or not 0 <= args.max_shift <= 4:
        parser.error("--threads must be in 1...64, --epochs at least 1, --limit in 64...48000, "
                     "--max-shift in 0...4")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    images = load(args.data, "train-images-idx3-ubyte", 16).to(torch.float32).div_(255).reshape(-1, 1, 28, 28)
    labels = load(args.data, "train-labels-idx1-ubyte", 8).to(torch.long)
    test_x = load(args.data, "t10k-images-idx3-ubyte", 16).to(torch.float32).div_(255).reshape(-1, 1, 28, 28)
    test_y = load(args.data, "t10k-labels-idx1-ubyte", 8).to(torch.long)
    order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(0))
    train_i, valid_i = order[:48_000][:args.limit], order[48_000:]
    valid_x, valid_y = images[valid_i], labels[valid_i]

    model = network(not args.no_batch_norm)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.8)

    def evaluate(x: torch.Tensor, y: torch.Tensor):
        model.eval()
        loss, correct = 0.0, 0
        with torch.no_grad():
            for i in range(0, len(y), 1000):
                logits = model(x[i:i + 1000])
                loss += F.cross_entropy(logits, y[i:i + 1000], reduction="sum").item()
                correct += (logits.argmax(1) == y[i:i + 1000]).sum().item()
        return loss / len(y), correct

    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        model.train()
        shuffled = train_i[torch.randperm(len(train_i))]
        total, seen = 0.0, 0
        for i in range(0, len(shuffled), 64):
            batch = shuffled[i:i + 64]
            x, y = shifted(images[batch], args.max_shift), labels[batch]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
            seen += len(batch)
        schedule.step()
        valid_loss, correct = evaluate(valid_x, valid_y)
        seconds = time.perf_counter() - start
        print(f"epoch {epoch:2d}   training loss {total / seen:.6f}   validation loss {valid_loss:.6f}"
              f"   accuracy {100 * correct / len(valid_y):6.2f}%   ({seconds:.1f} s)", flush=True)
    _, correct = evaluate(test_x, test_y)
    print(f"Test accuracy (overall): {100 * correct / len(test_y):.2f}% ({correct}/{len(test_y)})")


if __name__ == "__main__":
    main()
