#!/usr/bin/python3
"""Writes src/test/resources/golden/sampler.json for the engine.sampler tests.

Run with Debian's interpreter (python3-torch 1.13, numpy 1.24):

    /usr/bin/python3 src/test/python/make_sampler_goldens.py

An independent implementation of the sampler maths documented in
/work/shared/docs/kandinsky3-inpainting.md section 3, evaluated with torch float32 tensor
arithmetic (torch.tensor(..., dtype=float32), torch.cumprod, torch.quantile, torch.sqrt,
torch.log, torch.exp) so that the numbers carry the reference's float32 rounding. Every float in
the JSON is a float32 value written as the exact decimal of that float, so Java reads it back
bit-for-bit with (float) Double.parseDouble(...).

The Java tests never run this script; they only read what it wrote.
"""
import json
import math
import os

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden", "sampler.json")
F32 = torch.float32
TRAINING_STEPS = 1000
SHAPE = (1, 4, 4, 4)
PERCENTILE = 0.95
GUIDANCE_WEIGHT = 4.0
M64 = (1 << 64) - 1


# ---------------------------------------------------------------- schedule (doc section 3)

def cosine_alpha_bar(s):
    return math.cos(((s + 0.008) / 1.008) * math.pi / 2) ** 2


def cosine_betas(n):
    """beta_i = min(1 - abar((i+1)/n) / abar(i/n), 0.999) in double, stored as float32."""
    values = [min(1.0 - cosine_alpha_bar((i + 1) / n) / cosine_alpha_bar(i / n), 0.999) for i in range(n)]
    return torch.tensor(values, dtype=F32)


class Schedule:
    """Float32 tables of one cosine schedule of length n."""

    def __init__(self, n):
        self.betas = cosine_betas(n)
        self.alphas = 1.0 - self.betas
        self.ac = torch.cumprod(self.alphas, dim=0)  # CPU: accumulates in double, stores float32
        self.ac_prev = torch.cat([torch.ones(1, dtype=F32), self.ac[:-1]])
        self.sqrt_ac = torch.sqrt(self.ac)
        self.sqrt_one_minus_ac = torch.sqrt(1.0 - self.ac)


def strided_timesteps(steps):
    """Start at 999, stride ceil(1000 / steps), keep values > 0, then append 0."""
    stride = math.ceil(TRAINING_STEPS / steps)
    values = []
    t = TRAINING_STEPS - 1
    while t > 0:
        values.append(t)
        t -= stride
    return values + [0]


# ---------------------------------------------------------------- a seeded normal source for z
# The step goldens store their z, and the Java tests read it from the JSON; this generator only has
# to be deterministic (it no longer mirrors GaussianNoise.java, which uses the JDK's ziggurat).

def _mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


class SeededNormal:
    """SplitMix64 (gamma 0x9e3779b97f4a7c15) then Marsaglia's polar method with a spare."""

    def __init__(self, seed):
        self.state = seed & M64
        self.spare = None

    def _next_double(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & M64
        return (_mix64(self.state) >> 11) * 2.0 ** -53

    def next(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2.0 * self._next_double() - 1.0
            v = 2.0 * self._next_double() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                break
        scale = math.sqrt(-2.0 * math.log(s) / s)
        self.spare = v * scale
        return u * scale

    def tensor(self, shape):
        n = int(np.prod(shape))
        return torch.tensor([self.next() for _ in range(n)], dtype=F32).reshape(shape)


# ---------------------------------------------------------------- step maths (doc section 3)

def guide(cond, uncond, weight):
    return (weight + 1.0) * cond - weight * uncond


def threshold(x0, percentile):
    """s = max(1, quantile(|x0| per sample, p)); x0 = clamp(x0, -s, s) / s."""
    flat = x0.reshape(x0.shape[0], -1).abs()
    s = torch.clamp(torch.quantile(flat, percentile, dim=-1), min=1.0).reshape(-1, *([1] * (x0.dim() - 1)))
    return torch.maximum(torch.minimum(x0, s), -s) / s, s


def reference_step(sched, t, p, x, eps, eta, z):
    """One step of the current sampler for the pair (t, p)."""
    x0 = (x - sched.sqrt_one_minus_ac[t] * eps) / sched.sqrt_ac[t]
    x0, s = threshold(x0, PERCENTILE)
    eps = (x - sched.sqrt_ac[t] * x0) / sched.sqrt_one_minus_ac[t]
    ac_t, ac_p = sched.ac[t], sched.ac[p]
    sigma = torch.sqrt(eta * (1.0 - ac_t / ac_p) * (1.0 - ac_p) / (1.0 - ac_t))
    mean = torch.sqrt(ac_p) * x0 + torch.sqrt(1.0 - ac_p - sigma * sigma) * eps
    nxt = mean + sigma * z if p != 0 else mean
    return x0, nxt, s, sigma


class DdpmTables:
    """First-release posterior coefficients on a schedule rebuilt with T steps."""

    def __init__(self, steps):
        self.sched = Schedule(steps)
        sc = self.sched
        self.c1 = torch.sqrt(sc.ac_prev) * sc.betas / (1.0 - sc.ac)
        self.c2 = torch.sqrt(sc.alphas) * (1.0 - sc.ac_prev) / (1.0 - sc.ac)
        pv = sc.betas * (1.0 - sc.ac_prev) / (1.0 - sc.ac)
        self.logvar = torch.log(torch.cat([pv[1:2], pv[1:]]))  # index 0 borrows index 1
        self.std = torch.exp(0.5 * self.logvar)
        self.time_scale = TRAINING_STEPS // steps


def ddpm_step(tab, t, x, eps, z):
    sc = tab.sched
    x0 = (x - sc.sqrt_one_minus_ac[t] * eps) / sc.sqrt_ac[t]
    x0, s = threshold(x0, PERCENTILE)
    mean = tab.c1[t] * x0 + tab.c2[t] * x
    nxt = mean + tab.std[t] * z if t != 0 else mean
    return x0, nxt, s


# ---------------------------------------------------------------- inputs

def hashed_values(n):
    """v_i = (((i * 2654435761) mod 2^32) >> 8) - 2^23) / 2^21: exact float32 values in [-4, 4).
    QuantileGolden in the Java tests computes the same formula."""
    i = np.arange(n, dtype=np.uint64)
    h = ((i * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)) >> np.uint64(8)
    return torch.tensor((h.astype(np.int64) - (1 << 23)).astype(np.float32) / np.float32(1 << 21))


def step_inputs(sched, t, seed, x0_scale):
    """A plausible x_t = sqrt(ac) x0 + sqrt(1 - ac) eps and two noisy predictions of eps."""
    rng = np.random.default_rng(seed)
    normal = lambda: torch.tensor(rng.standard_normal(SHAPE).astype(np.float32))
    x0_true = normal() * x0_scale
    eps_true = normal()
    x = sched.sqrt_ac[t] * x0_true + sched.sqrt_one_minus_ac[t] * eps_true
    cond = eps_true + 0.05 * normal()
    uncond = eps_true + 0.2 * normal()
    return x, cond, uncond


def floats(tensor):
    return [float(v) for v in tensor.reshape(-1).tolist()]


# ---------------------------------------------------------------- sections

def schedule_section():
    sc = Schedule(TRAINING_STEPS)
    return {"steps": TRAINING_STEPS, "betas": floats(sc.betas), "alphas_cumprod": floats(sc.ac)}


def timesteps_section():
    return {str(steps): strided_timesteps(steps) for steps in (50, 30, 25, 7, 3, 2, 1, 1000)}


def quantile_section():
    cases = []
    for n in (1, 2, 7, 21, 64, 4096, 16384):
        magnitudes = hashed_values(n).abs()
        for q in (0.95, 0.5, 0.99, 0.05):
            cases.append({"n": n, "q": q, "head": floats(hashed_values(min(n, 8))),
                          "quantile": float(torch.quantile(magnitudes, q))})
    return {"formula": hashed_values.__doc__.strip(), "cases": cases}


def guidance_section():
    rng = np.random.default_rng(7)
    cond = torch.tensor(rng.standard_normal(64).astype(np.float32))
    uncond = torch.tensor(rng.standard_normal(64).astype(np.float32))
    return [{"weight": w, "cond": floats(cond), "uncond": floats(uncond), "guided": floats(guide(cond, uncond, w))}
            for w in (0.0, 1.0, 4.0, 7.5, 0.3)]


def reference_section():
    sched = Schedule(TRAINING_STEPS)
    times = strided_timesteps(50)
    cases = []
    for number, (t, p, x0_scale) in enumerate(((999, 979, 1.0), (519, 499, 1.5), (19, 0, 0.4))):
        for eta in (1.0, 0.0):
            seed = 1000 + 10 * number + int(eta)
            x, cond, uncond = step_inputs(sched, t, seed, x0_scale)
            eps = guide(cond, uncond, GUIDANCE_WEIGHT)
            z = SeededNormal(seed).tensor(SHAPE)
            x0, nxt, s, sigma = reference_step(sched, t, p, x, eps, eta, z)
            cases.append({"steps": 50, "index": times.index(t), "t": t, "p": p, "eta": eta,
                          "guidance_weight": GUIDANCE_WEIGHT, "noise_seed": seed,
                          "x": floats(x), "cond": floats(cond), "uncond": floats(uncond), "guided": floats(eps),
                          "z": floats(z), "threshold_scale": float(s), "sigma": float(sigma),
                          "x0": floats(x0), "next": floats(nxt)})
    return {"shape": list(SHAPE), "cases": cases}


def ddpm_section():
    steps = 50
    tab = DdpmTables(steps)
    cases = []
    for number, (t, x0_scale) in enumerate(((49, 1.0), (25, 1.5), (0, 0.4))):
        seed = 2000 + number
        x, cond, uncond = step_inputs(tab.sched, t, seed, x0_scale)
        eps = guide(cond, uncond, GUIDANCE_WEIGHT)
        z = SeededNormal(seed).tensor(SHAPE)
        x0, nxt, s = ddpm_step(tab, t, x, eps, z)
        cases.append({"t": t, "index": steps - 1 - t, "model_timestep": t * tab.time_scale,
                      "guidance_weight": GUIDANCE_WEIGHT, "noise_seed": seed,
                      "x": floats(x), "cond": floats(cond), "uncond": floats(uncond), "guided": floats(eps),
                      "z": floats(z), "threshold_scale": float(s),
                      "c1": float(tab.c1[t]), "c2": float(tab.c2[t]), "std": float(tab.std[t]),
                      "x0": floats(x0), "next": floats(nxt)})
    return {"steps": steps, "shape": list(SHAPE),
            "model_timesteps": [t * tab.time_scale for t in range(steps - 1, -1, -1)],
            "alphas_cumprod": floats(tab.sched.ac), "std": floats(tab.std), "cases": cases}


def main():
    torch.set_num_threads(1)
    golden = {
        "generator": "src/test/python/make_sampler_goldens.py, torch " + torch.__version__,
        "schedule": schedule_section(),
        "timesteps": timesteps_section(),
        "quantile": quantile_section(),
        "guidance": guidance_section(),
        "reference": reference_section(),
        "ddpm": ddpm_section(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
