#!/usr/bin/python3
"""Writes the golden fixtures under src/test/resources/golden/ for the core.image and core.io tests.

Run with Debian's interpreter (python3-pil 9.4, python3-skimage 0.19, numpy 1.24):

    /usr/bin/python3 src/test/python/make_image_goldens.py

The Java tests never run this script; they only read what it wrote. Input pictures and masks are
not stored: both sides compute them from the same integer formulas (see GoldenPatterns.java).
"""
import os
import sys

import numpy as np
import PIL
import skimage
from PIL import Image
from skimage.transform import resize

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
M32 = 0xFFFFFFFF


def noise(x, y, c):
    """32-bit integer hash reduced to a byte; GoldenPatterns.noise in Java computes the same."""
    h = ((x * 73856093) ^ (y * 19349663) ^ (c * 83492791)) & M32
    h = (h * 2654435761) & M32
    return h >> 24


def picture_value(x, y, c, w, h):
    """Blocks of noise between smooth gradients, so both sharp and smooth areas are exercised."""
    if ((x // 8) + (y // 8)) % 3 == 0:
        return noise(x, y, c)
    if c == 0:
        return (x * 255) // max(1, w - 1)
    if c == 1:
        return (y * 255) // max(1, h - 1)
    return ((x + y) * 255) // max(1, w + h - 2)


def alpha_value(x, y):
    if (x // 5) % 4 == 0:
        return 0
    if (y // 7) % 3 == 0:
        return 255
    return noise(x, y, 3)


def picture(w, h, with_alpha):
    arr = np.zeros((h, w, 4 if with_alpha else 3), dtype=np.uint8)
    for y in range(h):
        for x in range(w):
            for c in range(3):
                arr[y, x, c] = picture_value(x, y, c, w, h)
            if with_alpha:
                arr[y, x, 3] = alpha_value(x, y)
    return Image.fromarray(arr, "RGBA" if with_alpha else "RGB")


def write_rgba(path, im):
    """Raw bytes, row-major, four per pixel (R, G, B, A); A is 255 for RGB pictures."""
    with open(path, "wb") as f:
        f.write(im.convert("RGBA").tobytes())


def mask_values(w, h):
    """float32 masks in 0..1: k / 255 with k a byte from the same hash."""
    k = np.array([[noise(x, y, 7) for x in range(w)] for y in range(h)], dtype=np.float64)
    return (k / 255.0).astype(np.float32)


def pillow_cases():
    cases = [
        ("rgb", 301, 217, 128, 64),   # shrink by 2.35 and 3.39
        ("rgb", 37, 23, 100, 70),     # enlarge
        ("rgb", 80, 30, 80, 70),      # same width: vertical pass only
        ("rgb", 90, 40, 211, 40),     # same height: horizontal pass only
        ("rgb", 50, 40, 1, 1),        # everything into one pixel
        ("rgba", 61, 47, 29, 83),     # alpha: premultiplied round trip, mixed directions
        ("rgba", 120, 90, 40, 30),    # alpha, integer shrink by 3
    ]
    for mode, sw, sh, w, h in cases:
        src = picture(sw, sh, mode == "rgba")
        out = src.resize((w, h), Image.BICUBIC)
        write_rgba(os.path.join(OUT, f"pil_bicubic_{mode}_{sw}x{sh}_to_{w}x{h}.rgba"), out)


def pillow_float_cases():
    """Mode 'F' planes: Pillow resizes floats with double weights and float32 storage per pass."""
    for sw, sh, w, h in [(45, 33, 17, 50), (30, 20, 30, 9)]:
        planes = []
        for c in range(2):
            plane = np.array([[picture_value(x, y, c, sw, sh) / 255.0 - 0.5 for x in range(sw)]
                              for y in range(sh)], dtype=np.float32)
            out = Image.fromarray(plane, "F").resize((w, h), Image.BICUBIC)
            planes.append(np.asarray(out, dtype=np.float32))
        np.save(os.path.join(OUT, f"pil_bicubic_float_{sw}x{sh}_to_{w}x{h}.npy"), np.stack(planes))


def skimage_cases():
    for sw, sh, w, h in [(64, 48, 20, 15), (13, 9, 40, 31), (50, 30, 50, 7), (1, 5, 3, 4), (7, 5, 3, 2)]:
        m = mask_values(sw, sh)
        out = resize(m, (h, w), order=1, preserve_range=True, anti_aliasing=False)
        np.save(os.path.join(OUT, f"skimage_bilinear_{sw}x{sh}_to_{w}x{h}.npy"),
                np.ascontiguousarray(out, dtype=np.float64))


def npy_cases():
    np.save(os.path.join(OUT, "npy_f4_2x3.npy"), np.arange(6, dtype=np.float32).reshape(2, 3) / 4 - 0.5)
    np.save(os.path.join(OUT, "npy_f4_1x3x4x5.npy"), np.linspace(-1, 1, 60, dtype=np.float32).reshape(1, 3, 4, 5))
    np.save(os.path.join(OUT, "npy_f4_5.npy"), np.array([1.5, -2.25, 0.0, 1e-8, 3e9], dtype=np.float32))
    np.save(os.path.join(OUT, "npy_f4_scalar.npy"), np.float32(7.25))
    np.save(os.path.join(OUT, "npy_f8_4.npy"), np.array([0.1, -1e300, 2.5, 1e-45], dtype=np.float64))
    with open(os.path.join(OUT, "npy_v2_f4_2x2.npy"), "wb") as f:
        np.lib.format.write_array(f, np.array([[1, 2], [3, 4]], dtype=np.float32), version=(2, 0))
    np.save(os.path.join(OUT, "npy_fortran_f4_2x3.npy"), np.asfortranarray(np.ones((2, 3), dtype=np.float32)))
    np.save(os.path.join(OUT, "npy_i4_3.npy"), np.array([1, 2, 3], dtype=np.int32))
    np.save(os.path.join(OUT, "npy_be_f4_3.npy"), np.array([1, 2, 3], dtype=">f4"))


def main():
    os.makedirs(OUT, exist_ok=True)
    print("Pillow", PIL.__version__, "scikit-image", skimage.__version__, "numpy", np.__version__,
          file=sys.stderr)
    pillow_cases()
    pillow_float_cases()
    skimage_cases()
    npy_cases()


if __name__ == "__main__":
    main()
