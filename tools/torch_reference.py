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

How to run it (from the repository root; needs the CPU build of PyTorch):

  pip install torch==2.13.0+cpu numpy
  python3 tools/torch_reference.py

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

import json
import os
import re

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
    runs = []
    for kind, options in configs:
        model = mlp_relu()
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
            check_relu_margin(model, x, f"optimizers {record} step {step}")
            opt.zero_grad()
            loss = F.cross_entropy(model(x), labels)
            loss.backward()
            opt.step()
            steps.append({"loss": loss.item(),
                          "params": {name: tensor(p) for name, p in model.named_parameters()}})
        record["steps"] = steps
        runs.append(record)
    return {"description": "3 optimizer steps on one batch from the mlp_relu parameters",
            "input": tensor(x), "labels": labels.tolist(), "layers": [layer_json(m) for m in start],
            "runs": runs}


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
    }
    for name, build in cases.items():
        case = {"generator": "tools/torch_reference.py", "torch_version": torch.__version__.split("+")[0]}
        case.update(build())
        path = os.path.join(OUT, name + ".json")
        with open(path, "w") as f:
            f.write(dumps(case) + "\n")
        print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
