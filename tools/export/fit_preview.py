#!/usr/bin/python3
"""Fits latent_preview.json: a 4->3 linear map + bias from MoVQ latent pixels to the 8x8-block mean
of the decoded RGB in [-1, 1] (least squares), from a few synthetic images plus any given ones.

    fit_preview.py --model-set OUT [--preview-images a.png b.jpg ...]    (uses OUT/movq_*.onnx via
                                                                         onnxruntime)
The exporter calls fit() directly with the PyTorch MoVQ, so onnxruntime is not needed there.
"""
import argparse
import json
import os
import sys

import numpy as np


def synthetic_images(size=256):
    """A few deterministic pictures with varied colours, gradients, edges and texture, in [-1, 1]."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    rng = np.random.default_rng(0)
    imgs = [
        np.stack([x, y, 1 - x], 0),                                               # colour gradient
        np.stack([np.sin(9 * x) * .5 + .5, np.cos(7 * y) * .5 + .5, x * y], 0),  # waves
        np.stack([(x > .5) * 1.0, (y > .5) * 1.0, ((x + y) % .25 > .12) * 1.0], 0),  # blocks/stripes
        np.clip(np.stack([.3 + .1 * rng.standard_normal((size, size)) for _ in range(3)], 0)
                + np.array([.5, .1, -.1])[:, None, None], 0, 1),                  # noisy brown
        np.stack([np.full_like(x, c) for c in (.1, .5, .9)], 0),                 # flat colour
        np.stack([1 - y, .8 * x, .3 + .4 * ((x - .5) ** 2 + (y - .5) ** 2 < .1)], 0),  # disc on sky
    ]
    return [(im.astype(np.float32) * 2 - 1) for im in imgs]


def load_image(path, size=256):
    from PIL import Image
    im = Image.open(path).convert("RGB").resize((size, size), Image.BICUBIC)
    return np.asarray(im, dtype=np.float32).transpose(2, 0, 1) / 255 * 2 - 1


def fit(encode, decode, images, log=print):
    """encode: [1,3,H,W] -> [1,4,H/8,W/8]; decode: [1,4,h,w] -> [1,3,8h,8w] (numpy float32).
    Returns ({"weights": [[r,g,b] x 4], "bias": [r,g,b]}, rms)."""
    xs, ys = [], []
    for im in images:
        lat = np.asarray(encode(im[None]), dtype=np.float32)
        dec = np.asarray(decode(lat), dtype=np.float32)[0]
        _, h, w = lat[0].shape
        blocks = dec[:, :h * 8, :w * 8].reshape(3, h, 8, w, 8).mean(axis=(2, 4))
        xs.append(lat[0].reshape(4, -1).T)
        ys.append(np.clip(blocks, -1, 1).reshape(3, -1).T)
    x = np.concatenate(xs).astype(np.float64)
    y = np.concatenate(ys).astype(np.float64)
    a = np.concatenate([x, np.ones((len(x), 1))], axis=1)
    coef, *_ = np.linalg.lstsq(a, y, rcond=None)
    rms = float(np.sqrt(np.mean((a @ coef - y) ** 2)))
    if not np.all(np.isfinite(coef)):
        raise ValueError("the latent preview fit produced non-finite values")
    log(f"  latent preview fit: {len(x)} latent pixels from {len(images)} images, RMS error {rms:.4f} "
        f"(RGB in [-1, 1])")
    return {"weights": coef[:4].tolist(), "bias": coef[4].tolist()}, rms


def write(out_dir, preview):
    with open(os.path.join(out_dir, "latent_preview.json"), "w", encoding="utf-8") as f:
        json.dump(preview, f, indent=2)
        f.write("\n")


def images_for(paths):
    return synthetic_images() + [load_image(p) for p in (paths or [])]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model-set", required=True, help="folder with movq_encoder.onnx and movq_decoder.onnx")
    p.add_argument("--preview-images", nargs="*", default=[], help="extra pictures to fit on")
    args = p.parse_args(argv)
    try:
        import onnxruntime as ort
    except ImportError:
        print("SKIPPED: onnxruntime is not installed; fitting from ONNX files needs it "
              "(the exporter fits from PyTorch instead)")
        return 0
    enc = ort.InferenceSession(os.path.join(args.model_set, "movq_encoder.onnx"), providers=["CPUExecutionProvider"])
    dec = ort.InferenceSession(os.path.join(args.model_set, "movq_decoder.onnx"), providers=["CPUExecutionProvider"])
    preview, _ = fit(lambda im: enc.run(["latent"], {"image": im})[0],
                     lambda lat: dec.run(["image"], {"latent": lat})[0], images_for(args.preview_images))
    write(args.model_set, preview)
    return 0


if __name__ == "__main__":
    sys.exit(main())
