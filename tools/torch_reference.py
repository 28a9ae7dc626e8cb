#!/usr/bin/env python3
"""Write PyTorch reference fixtures for the book's Swift library.

What it writes: Tests/Fixtures/*.json, one file per case below, computed by PyTorch in float32
from small fixed networks (batch 4, features 5 → 6 → … → 3 classes). Tests/ChapterTests/
TorchReferenceTests.swift rebuilds each network with the library (Linear(weight:bias:), ReLU,
Sigmoid, Tanh, BatchNorm, Sequential, crossEntropy, backward, SGD, Adam, addL2Penalty) and
compares its numbers with these.

  mlp_relu.json          Linear(5,6) → ReLU → Linear(6,4) → ReLU → Linear(4,3), CrossEntropyLoss (mean)
  mlp_sigmoid_tanh.json  Linear(5,6) → Sigmoid → Linear(6,6) → Tanh → Linear(6,3), CrossEntropyLoss
  batchnorm_train.json   Linear(5,6) → BatchNorm1d(6) → ReLU → Linear(6,3), one forward and backward in
                         training mode, the running statistics after it, then the same batch in eval mode
  l2_penalty.json        the mlp_relu network, loss = CE + (λ/2) Σ W² over the weight matrices (λ = 0.1)
  softmax_ce.json        logits [4, 5] with ±50 entries: softmax, log_softmax, CE loss, ∂L/∂logits
  optimizers.json        from the mlp_relu parameters, 3 steps on one batch of SGD(lr=0.1),
                         SGD(lr=0.1, momentum=0.9), SGD(lr=0.1, weight_decay=0.01), Adam(lr=0.01)
  conv2d.json            chapter 12: Conv2d with padding, stride, several channels, batch > 1, and
                         a non-square image: output and the gradients for a given ∂L/∂output
  conv_maxpool.json      chapter 12: MaxPool2d(2) on maps with ties and an odd size: output and ∂L/∂input
  convnet_steps.json     chapter 12: a small whole network (conv, ReLU, pool, conv, ReLU, pool, flatten,
                         linear), 3 steps on one batch of SGD(lr=0.1, momentum=0.9) and Adam(lr=0.01)
  conv_batchnorm.json    chapter 12: BatchNorm2d in training mode (output, gradients for a given ∂L/∂output,
                         running statistics after), then in eval mode, on batches of several channels
  convnet_bn_steps.json  chapter 12: convnet_steps' network with a BatchNorm2d after each conv (the
                         chapter's recipe network in small), the same 3 steps of each optimizer, and the
                         running statistics after each step

How to run it (from the repository root; needs the CPU build of PyTorch):

  pip install torch==2.13.0+cpu numpy
  python3 tools/torch_reference.py             # every case
  python3 tools/torch_reference.py conv2d      # only the cases named

CI does not run this script: the fixtures it writes are committed, and CI only runs the Swift tests
against them. Rerun it (and commit the JSON) only when a case is added or changed; the output is
deterministic (fixed seeds, single thread).

JSON layout (every file is one object):

  tensor       {"shape": [4, 5], "data": [...]}: float32 values, row-major, written with Python's
               repr() of the float32 value converted to float, so parsing as Double and rounding to
               Float gives back the exact float32.
  "input"      tensor [batch, features]
  "labels"     [int] class indices, one per row
  "layers"     the network, in order: {"type": "linear", "weight": tensor [out, in], "bias": tensor [out]}
               (nn.Linear's layout), {"type": "relu"}, {"type": "sigmoid"}, {"type": "tanh"},
               {"type": "batchnorm", "weight": γ [n], "bias": β [n], "running_mean": [n],
                "running_var": [n], "eps": 1e-5, "momentum": 0.1} (running stats before the forward)
  "output"     tensor [batch, classes]: the logits
  "loss"       float
  "grads"      {"<layer index>.weight" | "<layer index>.bias": tensor, ..., "input": tensor}: ∂loss/∂θ
               for every parameter, named as nn.Sequential's named_parameters() (for batchnorm
               weight = γ, bias = β), and ∂loss/∂input
  case-specific keys are described where each case is built below.
"""

import copy
import json
import os
import re
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_default_dtype(torch.float32)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")

# Smallest |pre-activation| allowed in front of a ReLU: a value closer to 0 than the float32
# rounding difference between PyTorch and Swift could fall on the other side of the kink.
RELU_MARGIN = 1e-3


def tensor(t):
    t = t.detach().to(torch.float32).contiguous()
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


def layer_json(module):
    if isinstance(module, nn.Linear):
        return {"type": "linear", "weight": tensor(module.weight), "bias": tensor(module.bias)}
    if isinstance(module, nn.ReLU):
        return {"type": "relu"}
    if isinstance(module, nn.Sigmoid):
        return {"type": "sigmoid"}
    if isinstance(module, nn.Tanh):
        return {"type": "tanh"}
    if isinstance(module, nn.BatchNorm1d):
        return {"type": "batchnorm", "weight": tensor(module.weight), "bias": tensor(module.bias),
                "running_mean": tensor(module.running_mean), "running_var": tensor(module.running_var),
                "eps": module.eps, "momentum": module.momentum}
    raise TypeError(module)


def check_relu_margin(model, x, what):
    """Fails if an input of a ReLU is within RELU_MARGIN of 0 (see above)."""
    h = x
    for module in model:
        if isinstance(module, nn.ReLU):
            smallest = h.abs().min().item()
            assert smallest > RELU_MARGIN, f"{what}: ReLU input {smallest} too close to 0; pick another seed"
        h = module(h)


def make_batch(seed, features=5, classes=3, batch=4):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, features, generator=g)
    labels = torch.tensor([i % classes for i in range(batch)][::-1])  # 0, 1, 2 all present
    return x, labels


def mlp_relu():
    torch.manual_seed(1)
    return nn.Sequential(nn.Linear(5, 6), nn.ReLU(), nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 3))


def forward_backward(model, x, labels, extra_loss=None):
    """Logits, loss and the gradients of every parameter and of the input, from fresh zero grads."""
    model.zero_grad()
    xi = x.clone().requires_grad_(True)
    logits = model(xi)
    ce = F.cross_entropy(logits, labels)
    loss = ce + (extra_loss(model) if extra_loss else 0)
    loss.backward()
    grads = {name: tensor(p.grad) for name, p in model.named_parameters()}
    grads["input"] = tensor(xi.grad)
    return logits, ce, loss, grads


def network_case(description, model, x, labels, extra_loss=None):
    layers = [layer_json(m) for m in model]  # before the forward: batch norm's running stats change
    logits, ce, loss, grads = forward_backward(model, x, labels, extra_loss)
    return {"description": description, "input": tensor(x), "labels": labels.tolist(), "layers": layers,
            "output": tensor(logits), "loss": loss.item(), "grads": grads}


def case_mlp_relu():
    model = mlp_relu()
    x, labels = make_batch(10)
    check_relu_margin(model, x, "mlp_relu")
    return network_case("Linear(5,6) → ReLU → Linear(6,4) → ReLU → Linear(4,3), CrossEntropyLoss (mean)",
                        model, x, labels)


def case_mlp_sigmoid_tanh():
    torch.manual_seed(2)
    model = nn.Sequential(nn.Linear(5, 6), nn.Sigmoid(), nn.Linear(6, 6), nn.Tanh(), nn.Linear(6, 3))
    x, labels = make_batch(20)
    x = 2 * x  # push some units towards the saturated ends of σ and tanh
    return network_case("Linear(5,6) → Sigmoid → Linear(6,6) → Tanh → Linear(6,3), CrossEntropyLoss (mean)",
                        model, x, labels)


def case_batchnorm_train():
    """Extra keys: "batchnorm_layer" (its index), "running_mean_after" and "running_var_after" (after the
    training forward), "eval_output", "eval_loss" and "eval_grads" (the same batch through the same
    network in eval mode, using the updated running statistics; gradients from fresh zero grads)."""
    torch.manual_seed(3)
    model = nn.Sequential(nn.Linear(5, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Linear(6, 3))
    bn = model[1]
    g = torch.Generator().manual_seed(33)
    with torch.no_grad():  # γ, β and the running statistics away from their defaults, so each one shows
        bn.weight.copy_(1 + 0.3 * torch.randn(6, generator=g))
        bn.bias.copy_(0.2 * torch.randn(6, generator=g))
        bn.running_mean.copy_(0.2 * torch.randn(6, generator=g))
        bn.running_var.copy_(0.5 + torch.rand(6, generator=g))
    x, labels = make_batch(30)
    model.train()
    check_relu_margin(model, x, "batchnorm_train (train)")
    case = network_case("Linear(5,6) → BatchNorm1d(6) → ReLU → Linear(6,3), CrossEntropyLoss (mean): "
                        "training mode, then eval mode on the same batch", model, x, labels)
    case["batchnorm_layer"] = 1
    case["running_mean_after"] = tensor(bn.running_mean)
    case["running_var_after"] = tensor(bn.running_var)
    model.eval()
    check_relu_margin(model, x, "batchnorm_train (eval)")
    logits, _, loss, grads = forward_backward(model, x, labels)
    case["eval_output"] = tensor(logits)
    case["eval_loss"] = loss.item()
    case["eval_grads"] = grads
    return case


L2_LAMBDA = 0.1


def case_l2_penalty():
    """Extra keys: "lambda", "penalized" (the parameter names in the penalty: the weight matrices),
    "cross_entropy" and "penalty" (the two parts of "loss")."""
    model = mlp_relu()
    x, labels = make_batch(10)
    weights = [name for name, p in model.named_parameters() if name.endswith("weight")]

    def penalty(m):
        return L2_LAMBDA / 2 * sum((p ** 2).sum() for name, p in m.named_parameters() if name in weights)

    case = network_case("mlp_relu with loss = CE + (λ/2) Σ W² over the weight matrices, λ = 0.1",
                        model, x, labels, extra_loss=penalty)
    case["lambda"] = L2_LAMBDA
    case["penalized"] = weights
    with torch.no_grad():
        case["cross_entropy"] = F.cross_entropy(model(x), labels).item()
        case["penalty"] = penalty(model).item()
    return case


def case_softmax_ce():
    """Keys: "logits" [4, 5], "labels", "softmax", "log_softmax", "loss" (CrossEntropyLoss, mean),
    "grad_logits" (∂loss/∂logits)."""
    logits = torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0],
                           [50.0, -50.0, 0.0, 1.5, 49.0],     # large: e^50 overflows unless the max is subtracted
                           [-50.0, -49.5, -50.0, -51.0, -60.0],  # all very negative: e^-50 underflows the sum
                           [0.25, -0.75, 0.0, 0.5, -2.0]], requires_grad=True)
    labels = torch.tensor([4, 1, 3, 0])  # row 1's label has probability e^-100: a large, finite loss
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    return {"description": "softmax, log_softmax, CrossEntropyLoss (mean) and its gradient on logits with ±50",
            "logits": tensor(logits), "labels": labels.tolist(),
            "softmax": tensor(F.softmax(logits, dim=1)), "log_softmax": tensor(F.log_softmax(logits, dim=1)),
            "loss": loss.item(), "grad_logits": tensor(logits.grad)}


def optimizer_runs(make_model, start, x, labels, configs, check, write_param):
    """For each (kind, options) of `configs`: a fresh model with `start`'s parameters, three steps of
    torch.optim.SGD or Adam on (x, labels) (zero_grad, forward, cross-entropy, backward, step). Returns
    one record per optimizer: its settings, and each step's loss (before it) and parameters (after it,
    written with `write_param`). `check(model, kind, record, step)` runs before each step."""
    runs = []
    for kind, options in configs:
        model = make_model()
        model.load_state_dict(start.state_dict())
        if kind == "sgd":
            opt = torch.optim.SGD(model.parameters(), **options)
            record = {"optimizer": "sgd", "lr": options["lr"], "momentum": options.get("momentum", 0.0),
                      "weight_decay": options.get("weight_decay", 0.0)}
        else:
            opt = torch.optim.Adam(model.parameters(), **options)
            group = opt.param_groups[0]
            record = {"optimizer": "adam", "lr": group["lr"], "betas": list(group["betas"]), "eps": group["eps"],
                      "weight_decay": group["weight_decay"]}
        steps = []
        for step in range(3):
            check(model, kind, record, step)
            opt.zero_grad()
            loss = F.cross_entropy(model(x), labels)
            loss.backward()
            opt.step()
            record_step = {"loss": loss.item(),
                           "params": {name: write_param(p) for name, p in model.named_parameters()}}
            running = {name: tensor(b) for name, b in model.named_buffers() if name.endswith(("_mean", "_var"))}
            if running:
                record_step["running"] = running
            steps.append(record_step)
        record["steps"] = steps
        runs.append(record)
    return runs


def case_optimizers():
    """Keys: "input", "labels", "layers" (the starting network, mlp_relu's), and "runs": a list of
    {"optimizer": "sgd" | "adam", "lr", "momentum", "weight_decay" (sgd), "betas", "eps" (adam),
     "steps": [{"loss": the loss before the step, "params": {"0.weight": tensor, ...} after the step}]}.
    Each step: zero_grad, forward, CrossEntropyLoss, backward, optimizer.step(), on the same batch."""
    x, labels = make_batch(10)
    start = mlp_relu()
    configs = [
        ("sgd", dict(lr=0.1)),
        ("sgd", dict(lr=0.1, momentum=0.9)),
        ("sgd", dict(lr=0.1, weight_decay=0.01)),
        ("adam", dict(lr=0.01)),
    ]
    runs = optimizer_runs(mlp_relu, start, x, labels, configs,
                          lambda model, kind, record, step:
                          check_relu_margin(model, x, f"optimizers {record} step {step}"),
                          tensor)
    return {"description": "3 optimizer steps on one batch from the mlp_relu parameters",
            "input": tensor(x), "labels": labels.tolist(), "layers": [layer_json(m) for m in start],
            "runs": runs}


# Chapter 12: convolutions. Tensors are written as the book lays them out: a batch of images
# [b, C, H, W] as [b, C·H·W], conv weights [O, C, k, k] as [O, C·k·k] (both row-major, so this is
# PyTorch's own memory order, reshaped).


def flat(t):
    """[b, ...] → [b, everything else], as the book stores images and conv weights."""
    return tensor(t.reshape(t.shape[0], -1))


CONV_CASES = [
    # in, out, kernel, stride, padding, height, width, batch
    (2, 3, 3, 2, 1, 7, 7, 2),
    (3, 4, 5, 1, 2, 8, 8, 3),
    (2, 2, 2, 3, 0, 6, 9, 2),
    (1, 16, 5, 1, 2, 12, 12, 2),
]


def case_conv2d():
    """Keys: "cases", each {"in_channels", "out_channels", "kernel", "stride", "padding", "height",
    "width", "input" [b, C·H·W], "weight" [O, C·k·k], "bias" [O], "output" [b, O·H'·W'],
    "grad_output" (a given ∂L/∂output), "grad_input", "grad_weight", "grad_bias"}."""
    g = torch.Generator().manual_seed(120)
    out = []
    for (cin, cout, k, stride, pad, h, w, b) in CONV_CASES:
        conv = nn.Conv2d(cin, cout, k, stride=stride, padding=pad)
        with torch.no_grad():
            conv.weight.copy_(torch.randn(conv.weight.shape, generator=g) * 0.3)
            conv.bias.copy_(torch.randn(conv.bias.shape, generator=g) * 0.3)
        x = torch.randn(b, cin, h, w, generator=g).requires_grad_(True)
        y = conv(x)
        grad_output = torch.randn(y.shape, generator=g)
        y.backward(grad_output)
        out.append({"in_channels": cin, "out_channels": cout, "kernel": k, "stride": stride,
                    "padding": pad, "height": h, "width": w, "input": flat(x), "weight": flat(conv.weight),
                    "bias": tensor(conv.bias), "output": flat(y), "grad_output": flat(grad_output),
                    "grad_input": flat(x.grad), "grad_weight": flat(conv.weight.grad),
                    "grad_bias": tensor(conv.bias.grad)})
    return {"description": "Conv2d forward and backward: padding, stride, channels, batch > 1", "cases": out}


def case_conv_maxpool():
    """Keys: "cases", each {"channels", "height", "width", "input" [b, C·H·W] (small integers, so that
    most 2×2 blocks hold a tie), "output", "grad_output", "grad_input"}: MaxPool2d(2), whose backward
    sends each gradient to the first maximum of its block in reading order."""
    g = torch.Generator().manual_seed(121)
    out = []
    for (b, c, h, w) in [(2, 3, 6, 6), (2, 2, 5, 7)]:
        x = torch.randint(0, 3, (b, c, h, w), generator=g).to(torch.float32).requires_grad_(True)
        y = F.max_pool2d(x, 2)
        grad_output = torch.randn(y.shape, generator=g)
        y.backward(grad_output)
        out.append({"channels": c, "height": h, "width": w, "input": flat(x), "output": flat(y),
                    "grad_output": flat(grad_output), "grad_input": flat(x.grad)})
    return {"description": "MaxPool2d(2) with ties and odd sizes", "cases": out}


def small_convnet(seed, batch_norm=False):
    torch.manual_seed(seed)
    norm = (lambda c: [nn.BatchNorm2d(c)]) if batch_norm else (lambda c: [])
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), *norm(4), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, 6, 3, padding=1), *norm(6), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(6 * 2 * 2, 3))


def case_conv_batchnorm():
    """Keys: "cases", each {"channels", "height", "width", "weight" (γ), "bias" (β), "running_mean",
    "running_var" (before), "input" [b, C·H·W], "grad_output", then for training mode "output",
    "grad_input", "grad_weight", "grad_bias", "running_mean_after", "running_var_after", and for eval
    mode (with the updated running statistics, fresh gradients) "eval_output", "eval_grad_input",
    "eval_grad_weight", "eval_grad_bias"}. eps 1e-5, momentum 0.1 (PyTorch's defaults)."""
    g = torch.Generator().manual_seed(123)
    out = []
    for (b, c, h, w) in [(2, 3, 4, 5), (3, 2, 3, 3), (1, 4, 6, 6)]:
        bn = nn.BatchNorm2d(c)
        with torch.no_grad():  # every statistic away from its default, so that each one shows
            bn.weight.copy_(1 + 0.3 * torch.randn(c, generator=g))
            bn.bias.copy_(0.2 * torch.randn(c, generator=g))
            bn.running_mean.copy_(0.2 * torch.randn(c, generator=g))
            bn.running_var.copy_(0.5 + torch.rand(c, generator=g))
        case = {"channels": c, "height": h, "width": w, "weight": tensor(bn.weight), "bias": tensor(bn.bias),
                "running_mean": tensor(bn.running_mean), "running_var": tensor(bn.running_var)}
        x = (1.5 * torch.randn(b, c, h, w, generator=g) + 0.5).requires_grad_(True)
        grad_output = torch.randn(b, c, h, w, generator=g)
        case.update({"input": flat(x), "grad_output": flat(grad_output)})
        for mode in ["train", "eval"]:
            bn.train(mode == "train")
            bn.zero_grad()
            x.grad = None
            y = bn(x)
            y.backward(grad_output)
            prefix = "" if mode == "train" else "eval_"
            case.update({prefix + "output": flat(y), prefix + "grad_input": flat(x.grad),
                         prefix + "grad_weight": tensor(bn.weight.grad),
                         prefix + "grad_bias": tensor(bn.bias.grad)})
            if mode == "train":
                case.update({"running_mean_after": tensor(bn.running_mean),
                             "running_var_after": tensor(bn.running_var)})
        out.append(case)
    return {"description": "BatchNorm2d: training mode, running statistics, eval mode", "cases": out}


# The convolutional network has about 1,400 ReLU inputs per forward pass, too many to keep all of
# them 1e-3 from 0; its float32 differences from PyTorch are about 1e-6, so 1e-4 still leaves room.
CONV_MARGIN = 1e-4


def check_conv_margins(model, x, what):
    """Fails if a ReLU input is within CONV_MARGIN of 0, or a pooling block's two largest values
    differ by less than CONV_MARGIN without being equal: either could be decided differently by
    float32 roundings that differ between PyTorch and Swift."""
    h = x
    for module in model:
        if isinstance(module, nn.ReLU):
            smallest = h.abs().min().item()
            assert smallest > CONV_MARGIN, f"{what}: ReLU input {smallest} too close to 0"
        if isinstance(module, nn.MaxPool2d):
            b, c, hh, ww = h.shape
            blocks = h[:, :, :hh // 2 * 2, :ww // 2 * 2].reshape(b, c, hh // 2, 2, ww // 2, 2)
            blocks = blocks.permute(0, 1, 2, 4, 3, 5).reshape(-1, 4)
            top = blocks.topk(2, dim=1).values
            gap = top[:, 0] - top[:, 1]
            close = (gap > 0) & (gap < CONV_MARGIN)
            assert not close.any(), f"{what}: a pooling block's two largest values are too close"
        h = module(h)


def case_convnet_bn_steps():
    """Keys as convnet_steps.json, with layers {"type": "batchnorm2d", "channels", "height", "width"}
    (γ = 1, β = 0, running mean 0 and variance 1 at the start, as PyTorch initializes them) after each
    conv, and in each step "running" (each batch norm's running_mean and running_var after it, named as
    PyTorch's state_dict names them). Every step is in training mode."""
    for seed in range(122, 1122):
        try:
            return convnet_steps_for(seed, batch_norm=True)
        except AssertionError:
            continue
    raise AssertionError("convnet_bn_steps: no seed in 122...1121 keeps clear of the kinks")


def case_convnet_steps():
    """Keys: "input" [4, 64] (8×8 images), "labels", "layers": the starting network as {"type":
    "conv", "in_channels", "out_channels", "kernel", "stride", "padding", "height", "width",
    "weight" [O, C·k·k], "bias"}, {"type": "relu"}, {"type": "maxpool", "channels", "height",
    "width"}, {"type": "linear", ...} (nn.Flatten is left out: the book's layout is already flat),
    "names" (PyTorch's name of each parameter, in the order of the layers), and "runs" as in
    optimizers.json, for SGD(lr=0.1, momentum=0.9) and Adam(lr=0.01)."""
    # The first seed (from 122 on) whose network and batch keep every ReLU input and every pooling
    # decision clear of float32 rounding in all the steps of both runs: a deterministic search.
    for seed in range(122, 1122):
        try:
            return convnet_steps_for(seed)
        except AssertionError:
            continue
    raise AssertionError("convnet_steps: no seed in 122...1121 keeps clear of the kinks")


def convnet_steps_for(seed, batch_norm=False):
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(4, 1, 8, 8, generator=g)
    labels = torch.tensor([0, 1, 2, 1])
    start = small_convnet(seed, batch_norm)
    layers, size = [], (1, 8, 8)
    for module in start:
        if isinstance(module, nn.Conv2d):
            c, h, w = size
            layers.append({"type": "conv", "in_channels": module.in_channels,
                           "out_channels": module.out_channels, "kernel": module.kernel_size[0],
                           "stride": module.stride[0], "padding": module.padding[0], "height": h,
                           "width": w, "weight": flat(module.weight), "bias": tensor(module.bias)})
            k, s, p = module.kernel_size[0], module.stride[0], module.padding[0]
            size = (module.out_channels, (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1)
        elif isinstance(module, nn.MaxPool2d):
            c, h, w = size
            layers.append({"type": "maxpool", "channels": c, "height": h, "width": w})
            size = (c, h // 2, w // 2)
        elif isinstance(module, nn.BatchNorm2d):
            c, h, w = size
            layers.append({"type": "batchnorm2d", "channels": c, "height": h, "width": w})
        elif isinstance(module, nn.ReLU):
            layers.append({"type": "relu"})
        elif isinstance(module, nn.Linear):
            layers.append(layer_json(module))
    runs = optimizer_runs(lambda: small_convnet(seed, batch_norm), start, x, labels,
                          [("sgd", dict(lr=0.1, momentum=0.9)), ("adam", dict(lr=0.01))],
                          # on a copy: the check's forward pass must not move batch norm's
                          # running statistics, which the fixture records
                          lambda model, kind, record, step:
                          check_conv_margins(copy.deepcopy(model), x, f"convnet_steps {kind} step {step}"),
                          lambda p: flat(p) if p.dim() == 4 else tensor(p))
    names = [name for name, _ in start.named_parameters()]
    if batch_norm:
        return {"description": "3 optimizer steps of a small convolutional network with batch norm on one batch",
                "seed": seed, "input": flat(x), "labels": labels.tolist(), "layers": layers, "names": names,
                "runs": runs}
    return {"description": "3 optimizer steps of a small convolutional network on one batch",
            "seed": seed, "input": flat(x), "labels": labels.tolist(), "layers": layers, "names": names, "runs": runs}


def dumps(obj):
    """Indented JSON with each list of numbers kept on one line."""
    text = json.dumps(obj, indent=1, ensure_ascii=False)
    return re.sub(r"\[\s*([-0-9.eE+,\s]*?)\s*\]",
                  lambda m: "[" + ", ".join(s.strip() for s in m.group(1).split(",")) + "]"
                  if m.group(1).strip() else "[]", text)


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = {
        "mlp_relu": case_mlp_relu,
        "mlp_sigmoid_tanh": case_mlp_sigmoid_tanh,
        "batchnorm_train": case_batchnorm_train,
        "l2_penalty": case_l2_penalty,
        "softmax_ce": case_softmax_ce,
        "optimizers": case_optimizers,
        "conv2d": case_conv2d,
        "conv_maxpool": case_conv_maxpool,
        "convnet_steps": case_convnet_steps,
        "conv_batchnorm": case_conv_batchnorm,
        "convnet_bn_steps": case_convnet_bn_steps,
    }
    # Names on the command line write only those cases (python3 tools/torch_reference.py conv2d).
    unknown = [name for name in sys.argv[1:] if name not in cases]
    assert not unknown, f"unknown cases {unknown}; the cases are {list(cases)}"
    for name, build in cases.items():
        if sys.argv[1:] and name not in sys.argv[1:]:
            continue
        case = {"generator": "tools/torch_reference.py", "torch_version": torch.__version__.split("+")[0]}
        case.update(build())
        path = os.path.join(OUT, name + ".json")
        with open(path, "w") as f:
            f.write(dumps(case) + "\n")
        print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
