#!/usr/bin/python3
"""Exports the official Kandinsky 3 inpainting release (PyTorch) to a Vernissage model set (ONNX).

    export_kandinsky3.py --kandinsky3-src ~/src/Kandinsky-3 --weights ~/k3.1 --out ~/vernissage-k3

Writes OUT/text_encoder.onnx(+.data), unet.onnx(+.data), movq_encoder.onnx, movq_decoder.onnx,
tokenizer.json, null_embedding.npy, manifest.json, latent_preview.json; then verifies the graphs
with onnxruntime when it is installed. See tools/export/README.md for the files each release needs.
"""
import argparse
import gc
import glob
import os
import resource
import sys
import time

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402
import fit_preview  # noqa: E402
from common import ExportError  # noqa: E402

CONTEXT_DIM = 4096
# The inpainting U-Net and MoVQ configurations the reference code builds (kandinsky3/__init__.py).
UNET_CONFIG = dict(model_channels=384, num_channels=9, init_channels=192, time_embed_dim=1536, context_dim=4096,
                   groups=32, head_dim=64, expansion_ratio=4, compression_ratio=2, dim_mult=(1, 2, 4, 8),
                   num_blocks=(3, 3, 3, 3), add_cross_attention=(False, True, True, True),
                   add_self_attention=(False, True, True, True))
MOVQ_CONFIG = {"double_z": False, "z_channels": 4, "resolution": 256, "in_channels": 3, "out_ch": 3, "ch": 256,
               "ch_mult": [1, 2, 2, 4], "num_res_blocks": 2, "attn_resolutions": [32], "dropout": 0.0}
# Expected files under --weights, per release (paths relative to the weights folder; a folder that
# holds a `weights/` subfolder, as the hub snapshot does, works too).
RELEASES = {
    "3.1": {"unet": "kandinsky3_inpainting.pt", "text_encoder": "flan_ul2_encoder",
            "projection": "projection_inpainting.pt", "movq": "movq.pt", "sampler": "reference",
            "source": "ai-forever/Kandinsky3.1 (weights/kandinsky3_inpainting.pt), exported by tools/export"},
    "3.0": {"unet": None, "text_encoder": "flan_ul2_encoder", "projection": None, "movq": "movq.pt",
            "sampler": "ddpm",
            "source": "Kandinsky 3.0 inpainting checkpoint, exported by tools/export"},
}


def log(msg):
    print(msg, flush=True)


def peak_rss_gb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


# ------------------------------------------------------------------ locating and loading weights

def weights_root(weights):
    if not os.path.isdir(weights):
        raise ExportError(f"--weights {weights}: no such folder")
    sub = os.path.join(weights, "weights")
    return sub if os.path.isdir(sub) and not os.path.exists(os.path.join(weights, "movq.pt")) else weights


def locate(args):
    root = weights_root(args.weights)
    spec = RELEASES[args.release]
    found = {}
    unet = args.unet_file or spec["unet"]
    if unet is None:  # 3.0: the inpainting checkpoint has no fixed name
        cands = sorted(glob.glob(os.path.join(root, "*inpaint*")))
        if len(cands) != 1:
            raise ExportError(f"release 3.0: cannot tell which file in {root} is the inpainting U-Net checkpoint "
                              f"(found {[os.path.basename(c) for c in cands] or 'none matching *inpaint*'}); "
                              "name it with --unet-file")
        unet = cands[0]
    found["unet"] = os.path.join(root, unet)
    found["text_encoder"] = os.path.join(root, args.text_encoder_dir or spec["text_encoder"])
    proj = args.projection_file or spec["projection"]
    found["projection"] = os.path.join(root, proj) if proj else None  # 3.0: inside the U-Net checkpoint
    found["movq"] = os.path.join(root, args.movq_file or spec["movq"])
    for key in ("unet", "text_encoder", "projection", "movq"):
        path = found[key]
        if path is not None and not os.path.exists(path):
            raise ExportError(f"the {key.replace('_', ' ')} weights are missing: expected {path} "
                              f"(release {args.release} layout; see tools/export/README.md)")
    if not os.path.isfile(os.path.join(found["text_encoder"], "config.json")):
        raise ExportError(f"{found['text_encoder']} has no config.json: expected the FLAN-UL2 encoder folder "
                          "in Hugging Face format")
    return found


def import_reference(src):
    pkg = os.path.join(src or "", "kandinsky3")
    if not src or not os.path.isfile(os.path.join(pkg, "model", "unet.py")):
        raise ExportError(f"--kandinsky3-src {src}: expected a checkout of github.com/ai-forever/Kandinsky-3 "
                          "(the folder that contains kandinsky3/model/unet.py)")
    sys.path.insert(0, os.path.abspath(src))
    try:
        from kandinsky3.model.unet import UNet
        from kandinsky3.movq import MoVQ
    except ImportError as e:
        raise ExportError(f"importing the reference code from {src} failed ({e}); install "
                          "tools/export/requirements.txt") from e
    return UNet, MoVQ


def _torch_load(path):
    return torch.load(path, map_location="cpu")


def load_unet_checkpoint(path):
    """Returns (unet_state_dict, null_embedding, projection_state_dict or None).
    3.1: {'unet': ..., 'null_embedding': ...}. 3.0: flat keys 'unet.*', 'null_embedding',
    'encoder.projections.t5.*' (maybe under 'state_dict'), in one file or a folder of files."""
    if os.path.isdir(path):
        sd = {}
        for f in sorted(os.listdir(path)):
            sd.update(_torch_load(os.path.join(path, f)))
    else:
        sd = _torch_load(path)
    if "state_dict" in sd:
        sd = sd["state_dict"]
    if "unet" in sd and isinstance(sd["unet"], dict):
        return sd["unet"], sd.get("null_embedding"), None
    unet = {k[len("unet."):]: v for k, v in sd.items() if k.startswith("unet.")}
    proj = {k.split("encoder.projections.", 1)[1]: v for k, v in sd.items() if "encoder.projections." in k}
    proj = {k[len("t5."):] if k.startswith("t5.") else k: v for k, v in proj.items()}
    null = sd.get("null_embedding")
    if null is None:
        null = next((v for k, v in sd.items() if k.endswith("null_embedding")), None)
    if not unet:
        raise ExportError(f"{path}: no U-Net weights found (neither a 'unet' entry nor 'unet.*' keys)")
    return unet, null, proj or None


def load_unet(UNet, path):
    unet_sd, null, proj = load_unet_checkpoint(path)
    if null is None:
        raise ExportError(f"{path}: the checkpoint holds no null_embedding")
    unet = UNet(**UNET_CONFIG)
    missing, unexpected = unet.load_state_dict(unet_sd, strict=False)
    if missing or unexpected:
        raise ExportError(f"{path}: the U-Net weights do not fit the 9-channel inpainting U-Net "
                          f"(missing {list(missing)[:5]}, unexpected {list(unexpected)[:5]})")
    return unet.float().eval(), null, proj


def load_movq(MoVQ, path):
    movq = MoVQ(MOVQ_CONFIG)
    movq.load_state_dict(_torch_load(path))
    return movq.float().eval()


def load_text_encoder(path):
    try:
        from transformers import T5EncoderModel
    except ImportError as e:
        raise ExportError("the text encoder needs transformers and sentencepiece "
                          "(pip install -r tools/export/requirements.txt)") from e
    model = T5EncoderModel.from_pretrained(path, torch_dtype=torch.float32, low_cpu_mem_usage=True)
    return model.encoder.eval()


def load_projection(path_or_sd):
    sd = _torch_load(path_or_sd) if isinstance(path_or_sd, str) else path_or_sd
    proj = nn.Sequential(nn.Linear(4096, CONTEXT_DIM, bias=False), nn.LayerNorm(CONTEXT_DIM))
    proj.load_state_dict(sd)
    return proj.float().eval()


def load_modules_for_verify(args):
    UNet, MoVQ = import_reference(args.kandinsky3_src)
    found = locate(args)
    unet, _, proj_sd = load_unet(UNet, found["unet"])
    movq = load_movq(MoVQ, found["movq"])
    proj = load_projection(found["projection"] or proj_sd)
    return {"text_encoder": common.TextEncoderGraph(load_text_encoder(found["text_encoder"]), proj),
            "unet": common.UNetGraph(unet), "movq_encoder": common.MoVQEncoderGraph(movq),
            "movq_decoder": common.MoVQDecoderGraph(movq)}, CONTEXT_DIM, 32128


# ------------------------------------------------------------------ the export, shared with the tests

def export_set(out, modules, null_embedding, tokenizer_source, name, source, sampler, context_dim,
               unet_dtype="fp16", text_dtype="fp16", preview_images=(), only=None, example_vocab=32128):
    """Exports `modules` (graph name -> a common.*Graph wrapper around the real or stand-in module)
    and writes the side files. Modules are released after their export to bound memory."""
    os.makedirs(out, exist_ok=True)
    only = set(only or common.GRAPHS)
    dtypes = {"text_encoder": text_dtype, "unet": unet_dtype, "movq_encoder": "fp32", "movq_decoder": "fp32"}
    figures = {}
    if "movq_encoder" in only or "movq_decoder" in only:
        enc, dec = modules["movq_encoder"], modules["movq_decoder"]
        log("fitting the latent preview map (MoVQ encode/decode, PyTorch fp32)")
        with torch.no_grad():
            preview, rms = fit_preview.fit(lambda im: enc(torch.from_numpy(im)).numpy(),
                                           lambda lat: dec(torch.from_numpy(lat)).numpy(),
                                           fit_preview.images_for(preview_images), log=log)
        fit_preview.write(out, preview)
        figures["preview_rms"] = rms
    for gname in ("movq_encoder", "movq_decoder", "unet", "text_encoder"):
        if gname not in only:
            continue
        t0 = time.time()
        log(f"exporting {gname} ({dtypes[gname]}, opset {common.OPSET})")
        module = modules.pop(gname)
        common.export_graph(gname, module, common.sample_inputs(gname, context_dim, vocab=example_vocab),
                            out, dtypes[gname], log=log)
        del module
        gc.collect()
        figures[gname + "_s"] = time.time() - t0
        log(f"  {time.time() - t0:.1f} s, peak RSS so far {peak_rss_gb():.1f} GB")
    common.write_null_embedding(out, null_embedding, context_dim)
    common.write_tokenizer(out, tokenizer_source)
    common.write_manifest(out, name, source, sampler, context_dim)
    log(f"wrote manifest.json, null_embedding.npy, tokenizer.json, latent_preview.json in {out}")
    return figures


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kandinsky3-src", required=True, help="checkout of github.com/ai-forever/Kandinsky-3")
    p.add_argument("--weights", required=True, help="the downloaded inpainting release folder")
    p.add_argument("--out", required=True, help="model-set folder to write")
    p.add_argument("--release", default="3.1", choices=["3.1", "3.0"], help="weights layout and default sampler")
    p.add_argument("--unet-dtype", default="fp16", choices=["fp16", "fp32"])
    p.add_argument("--text-dtype", default="fp16", choices=["fp16", "fp32"],
                   help="fp16 keeps T5's layer norms in fp32 and clamps like transformers; fp32 for CPU use")
    p.add_argument("--unet-file", help="U-Net checkpoint (relative to --weights or absolute)")
    p.add_argument("--text-encoder-dir", help="FLAN-UL2 encoder folder (Hugging Face format)")
    p.add_argument("--projection-file", help="inpainting projection (3.1: projection_inpainting.pt)")
    p.add_argument("--movq-file", help="MoVQ weights (movq.pt)")
    p.add_argument("--preview-images", nargs="*", default=[], help="extra pictures for the preview fit")
    p.add_argument("--name", help="display name in manifest.json")
    p.add_argument("--only", nargs="*", choices=list(common.GRAPHS), help="export only these graphs")
    p.add_argument("--no-verify", action="store_true", help="skip the onnxruntime comparison")
    args = p.parse_args(argv)
    try:
        UNet, MoVQ = import_reference(args.kandinsky3_src)
        found = locate(args)
        log(f"release {args.release}: {found}")
        t0 = time.time()
        unet, null, proj_sd = load_unet(UNet, found["unet"])
        movq = load_movq(MoVQ, found["movq"])
        proj_source = found["projection"] or proj_sd
        if proj_source is None:
            raise ExportError("no inpainting projection found (3.1: projection_inpainting.pt; 3.0: "
                              "encoder.projections.* inside the U-Net checkpoint); name it with --projection-file")
        proj = load_projection(proj_source)
        modules = {"unet": common.UNetGraph(unet), "movq_encoder": common.MoVQEncoderGraph(movq),
                   "movq_decoder": common.MoVQDecoderGraph(movq)}
        if not args.only or "text_encoder" in args.only:
            modules["text_encoder"] = common.TextEncoderGraph(load_text_encoder(found["text_encoder"]), proj)
        name = args.name or (f"Kandinsky {args.release} inpainting (U-Net {args.unet_dtype}, "
                             f"text encoder {args.text_dtype})")
        figures = export_set(args.out, modules, null, found["text_encoder"], name, RELEASES[args.release]["source"],
                             RELEASES[args.release]["sampler"], CONTEXT_DIM, args.unet_dtype, args.text_dtype,
                             args.preview_images, args.only)
        log(f"done in {time.time() - t0:.0f} s; peak RSS {peak_rss_gb():.1f} GB; {figures}")
    except ExportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.no_verify:
        return 0
    import verify
    forward = ["--model-set", args.out, "--kandinsky3-src", args.kandinsky3_src, "--weights", args.weights,
               "--release", args.release]
    for opt in ("unet_file", "text_encoder_dir", "projection_file", "movq_file"):
        if getattr(args, opt):
            forward += ["--" + opt.replace("_", "-"), getattr(args, opt)]
    return verify.main(forward + (["--only"] + args.only if args.only else []))


if __name__ == "__main__":
    sys.exit(main())
