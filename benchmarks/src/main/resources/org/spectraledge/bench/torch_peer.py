"""The PyTorch peer of the training-throughput benchmark (docs/benchmarks.md#training-throughput-against-pytorch).

The same models as lib's DJL blocks (org.spectraledge.train.model), trained eagerly with the same full batch, the
same AdamW settings and the same per-step work as org.spectraledge.train.TrainingLoop: forward, loss, loss value
read back, backward, global gradient norm read back, AdamW step, gradients cleared.

Driven line by line over stdin by the Java benchmark, so that Java and PyTorch rounds interleave in one run:
    init NAME KIND P N_TRAIN D WIDTH SEED   build a model and its training set ("ok PARAMS")
    steps NAME COUNT                        train COUNT steps ("ok SECONDS LOSS MINOR_PAGE_FAULTS")
    version                                 "ok TORCH_VERSION"
    quit
KIND is mlp (MlpOnEmbeddings: concat(E[a], E[b]) -> ReLU layer -> unembed) or nanda (DecoderTransformer, Nanda et
al. 2023: 1 layer, d_model D, 4 heads, d_mlp WIDTH, ReLU, no LayerNorm, untied, learned positions, input [a, b, =]).
"""
import argparse
import math
import resource
import sys
import time

import torch
import torch.nn as nn


class MlpOnEmbeddings(nn.Module):
    """h0 = concat(E[a], E[b]) [B, 2d]; h1 = relu(h0 W + b) [B, w]; logits = h1 U [B, p]."""

    def __init__(self, vocab, classes, d, width):
        super().__init__()
        self.embed = nn.Parameter(torch.randn(vocab, d) / math.sqrt(d))
        self.w = nn.Parameter(torch.randn(2 * d, width) / math.sqrt(2 * d))
        self.b = nn.Parameter(torch.zeros(width))
        self.unembed = nn.Parameter(torch.randn(width, classes) / math.sqrt(width))

    def forward(self, ids):                                      # ids [B, 2]
        h = self.embed[ids].reshape(ids.shape[0], -1)            # [B, 2d]
        h = torch.relu(h @ self.w + self.b)                      # [B, w]
        return h @ self.unembed                                  # [B, p]


class Nanda(nn.Module):
    """x = E[ids] + P; x += attn(x); x += mlp(x); logits = x U, all positions [B, T, p]."""

    def __init__(self, vocab, classes, d, d_mlp, heads=4, context=3):
        super().__init__()
        self.heads = heads
        std = 1 / math.sqrt(d)
        self.embed = nn.Parameter(torch.randn(vocab, d) * std)
        self.pos_embed = nn.Parameter(torch.randn(context, d) * std)
        self.W_Q = nn.Parameter(torch.randn(d, d) * std)
        self.W_K = nn.Parameter(torch.randn(d, d) * std)
        self.W_V = nn.Parameter(torch.randn(d, d) * std)
        self.W_O = nn.Parameter(torch.randn(d, d) * std)
        self.W_in = nn.Parameter(torch.randn(d, d_mlp) * std)
        self.b_in = nn.Parameter(torch.zeros(d_mlp))
        self.W_out = nn.Parameter(torch.randn(d_mlp, d) / math.sqrt(d_mlp))
        self.b_out = nn.Parameter(torch.zeros(d))
        self.unembed = nn.Parameter(torch.randn(d, classes) * std)
        mask = torch.triu(torch.full((context, context), -1e9), diagonal=1)
        self.register_buffer("mask", mask)                       # additive causal mask, as lib's Masks.causal

    def split(self, x):                                          # [B, T, d] -> [B, H, T, d/H]
        b, t, d = x.shape
        return x.reshape(b, t, self.heads, d // self.heads).transpose(1, 2)

    def forward(self, ids):                                      # ids [B, T]
        b, t = ids.shape
        x = self.embed[ids] + self.pos_embed[:t]
        q, k, v = self.split(x @ self.W_Q), self.split(x @ self.W_K), self.split(x @ self.W_V)
        scores = q @ k.transpose(2, 3) / math.sqrt(q.shape[-1]) + self.mask[:t, :t]
        z = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, -1)
        x = x + z @ self.W_O
        x = x + torch.relu(x @ self.W_in + self.b_in) @ self.W_out + self.b_out
        return x @ self.unembed                                  # [B, T, p]


def training_set(kind, p, n, seed):
    """n examples of (a + b) mod p drawn without replacement from all p^2 pairs, in lib's input layouts."""
    g = torch.Generator().manual_seed(seed)
    pairs = torch.randperm(p * p, generator=g)[:n]
    a, b = pairs // p, pairs % p
    ids = torch.stack([a, b], 1) if kind == "mlp" else torch.stack([a, b, torch.full_like(a, p)], 1)
    return ids, (a + b) % p


class Run:
    def __init__(self, kind, p, n, d, width, seed):
        torch.manual_seed(seed)
        self.model = MlpOnEmbeddings(p, p, d, width) if kind == "mlp" else Nanda(p + 1, p, d, width)
        self.ids, self.labels = training_set(kind, p, n, seed)
        # lib's defaults for framework §8: AdamW lr 3e-3, betas (0.9, 0.98), eps 1e-8, decoupled weight decay 1.0
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=3e-3, betas=(0.9, 0.98), eps=1e-8,
                                           weight_decay=1.0)
        self.params = list(self.model.parameters())

    def step(self):
        logits = self.model(self.ids)
        if logits.dim() == 3:
            logits = logits[:, -1, :]                            # the answer is read at the last position
        loss = -logits.log_softmax(-1).gather(-1, self.labels.unsqueeze(-1)).mean()
        value = loss.item()                                      # TrainingLoop reads the loss every step
        loss.backward()
        norm = math.sqrt(sum(float(q.grad.square().sum()) for q in self.params))  # and reports the gradient norm
        self.optimizer.step()
        self.optimizer.zero_grad(set_to_none=True)
        return value, norm


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.set_flush_denormal(True)                               # lib's TrainRun flushes denormals too
    runs = {}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "init":
            name, kind = words[1], words[2]
            p, n, d, width, seed = (int(w) for w in words[3:8])
            runs[name] = Run(kind, p, n, d, width, seed)
            print("ok", sum(q.numel() for q in runs[name].params), flush=True)
        elif words[0] == "version":
            print("ok", torch.__version__, flush=True)
        elif words[0] == "steps":
            run, count = runs[words[1]], int(words[2])
            faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
            start = time.perf_counter()
            loss = 0.0
            for _ in range(count):
                loss, _ = run.step()
            seconds = time.perf_counter() - start
            print("ok", seconds, loss, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults, flush=True)
        else:
            print("error unknown command", words[0], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
