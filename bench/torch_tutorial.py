"""The whole job in PyTorch, as the tutorial the book follows does it: `make bench-train` times this
script against `make train`'s recipe (`.build/release/train`), in turn, for wall time and peak memory.

    python3 bench/torch_tutorial.py [--epochs 3] [--batch-size 20] [--data data/mnist] [--checkpoint model.pt]

Faithful to the tutorial, step for step: a map-style MNIST dataset whose items are converted one by
one as `transforms.ToTensor()` converts them (bytes to floats in [0, 1], shape [1, 28, 28]), a random
20% of the training file held out for validation, two DataLoaders with SubsetRandomSampler and one
for the test set (num_workers=0), the 784-512-512-10 MLP with dropout 0.2, CrossEntropyLoss and SGD at
lr 0.01; after each epoch a validation pass (without torch.no_grad(), as in the tutorial), the losses
divided by the size of the whole dataset, and the model saved whenever the validation loss does not
rise; at the end the saved model is loaded and tested, with the per-digit accuracy counted sample by
sample. The only departures: torchvision is not used (its PyPI build needs CUDA's torch), so the
dataset reads the gzip IDX files of data/mnist itself, and the seed is fixed.
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torch.utils.data.sampler import SubsetRandomSampler


def read_idx(path: str) -> np.ndarray:
    """An IDX file (gzip-compressed or not): a big-endian header of dimensions, then unsigned bytes."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    zero, kind, dims = struct.unpack(">HBB", data[:4])
    if zero != 0 or kind != 0x08:
        raise SystemExit(f"{path}: not an IDX file of unsigned bytes")
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory: str, name: str) -> str:
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.exists(path):
            return path
    raise SystemExit(f"{directory}: no {name} or {name}.gz")


class MNIST(Dataset):
    """Like torchvision's MNIST with transforms.ToTensor(): the bytes stay in memory, each item is
    converted when the loader asks for it."""

    def __init__(self, directory: str, train: bool):
        prefix = "train" if train else "t10k"
        self.images = torch.from_numpy(read_idx(find(directory, f"{prefix}-images-idx3-ubyte")).copy())
        self.labels = torch.from_numpy(read_idx(find(directory, f"{prefix}-labels-idx1-ubyte")).astype(np.int64))

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, index: int):
        image = self.images[index].to(torch.float32).div(255).unsqueeze(0)   # what ToTensor does
        return image, int(self.labels[index])


class Net(nn.Module):
    """The tutorial's 784-512-512-10 MLP with dropout 0.2 after each hidden ReLU (bench/torch_mlp.py
    times the same model)."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(28 * 28, 512)
        self.fc2 = nn.Linear(512, 512)
        self.fc3 = nn.Linear(512, 10)
        self.dropout = nn.Dropout(0.2)

    def forward(self, x):
        x = x.view(-1, 28 * 28)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        return self.fc3(x)


def train_step(model: nn.Module, criterion, optimizer, data, target) -> torch.Tensor:
    """One step of the tutorial's training loop: clear the gradients, forward, backward, update.
    Returns the batch's loss."""
    optimizer.zero_grad()
    loss = criterion(model(data), target)
    loss.backward()
    optimizer.step()
    return loss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=3, help="1 to 1000")
    parser.add_argument("--batch-size", type=int, default=20, help="1 to 60000")
    parser.add_argument("--data", default="data/mnist")
    parser.add_argument("--checkpoint", default="model.pt")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not 1 <= args.epochs <= 1000:
        parser.error(f"--epochs must be in 1...1000, not {args.epochs}")
    if not 1 <= args.batch_size <= 60000:
        parser.error(f"--batch-size must be in 1...60000, not {args.batch_size}")
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    start = time.perf_counter()

    train_data = MNIST(args.data, train=True)
    test_data = MNIST(args.data, train=False)
    indices = list(range(len(train_data)))
    np.random.shuffle(indices)
    split = int(np.floor(0.2 * len(train_data)))
    train_sampler = SubsetRandomSampler(indices[split:])
    valid_sampler = SubsetRandomSampler(indices[:split])
    train_loader = DataLoader(train_data, batch_size=args.batch_size, sampler=train_sampler, num_workers=0)
    valid_loader = DataLoader(train_data, batch_size=args.batch_size, sampler=valid_sampler, num_workers=0)
    test_loader = DataLoader(test_data, batch_size=args.batch_size, num_workers=0)

    model = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

    valid_loss_min = np.inf
    for epoch in range(1, args.epochs + 1):
        epoch_start = time.perf_counter()
        train_loss = valid_loss = 0.0
        model.train()
        for data, target in train_loader:
            loss = train_step(model, criterion, optimizer, data, target)
            train_loss += loss.item() * data.size(0)
        model.eval()
        for data, target in valid_loader:
            loss = criterion(model(data), target)
            valid_loss += loss.item() * data.size(0)
        train_loss /= len(train_loader.dataset)
        valid_loss /= len(valid_loader.dataset)
        print(f"Epoch: {epoch} \tTraining Loss: {train_loss:.6f} \tValidation Loss: {valid_loss:.6f}"
              f"   ({time.perf_counter() - epoch_start:.1f} s)", flush=True)
        if valid_loss <= valid_loss_min:
            print(f"Validation loss decreased ({valid_loss_min:.6f} --> {valid_loss:.6f}).  Saving model ...")
            torch.save(model.state_dict(), args.checkpoint)
            valid_loss_min = valid_loss

    model.load_state_dict(torch.load(args.checkpoint))
    test_loss = 0.0
    class_correct = [0.0] * 10
    class_total = [0.0] * 10
    model.eval()
    for data, target in test_loader:
        output = model(data)
        loss = criterion(output, target)
        test_loss += loss.item() * data.size(0)
        _, pred = torch.max(output, 1)
        correct = pred.eq(target.data.view_as(pred)).numpy()
        for i in range(len(target)):
            label = target.data[i]
            class_correct[label] += correct[i].item()
            class_total[label] += 1
    test_loss /= len(test_loader.dataset)
    print(f"Test Loss: {test_loss:.6f}\n")
    for digit in range(10):
        print(f"Test Accuracy of {digit:5d}: {100 * class_correct[digit] / class_total[digit]:3.0f}% "
              f"({int(class_correct[digit]):4d}/{int(class_total[digit]):4d})")
    print(f"\nTest Accuracy (Overall): {100 * sum(class_correct) / sum(class_total):.2f}% "
          f"({int(sum(class_correct))}/{int(sum(class_total))})")
    print(f"whole job: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
