#!/usr/bin/python3
"""Runs each exported graph in onnxruntime on random inputs and compares it with the PyTorch module.

    verify.py --model-set OUT --kandinsky3-src DIR --weights DIR [--release 3.1|3.0]
    verify.py --model-set OUT --standins        (the tiny stand-in set written by the tests)

Prints the max abs error per graph (and the error relative to the output's scale), checks that the
text encoder gives finite values on test prompts, and exits 1 when a graph is above its tolerance.
Without onnxruntime it says so and exits 0 (SKIPPED), it does not fail.
"""
import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# Tolerances on max|onnx - torch| / max(1, max|torch|): fp32 graphs vs fp16 graphs.
TOLERANCE = {"fp32": 2e-3, "fp16": 5e-2}
TEST_PROMPTS = ["a red boat on the sea", "портрет кошки в шляпе, масляная живопись",
                "!!!!!!!! ???? 1234567890 " * 6]


def ort_available():
    try:
        import onnxruntime  # noqa: F401
        return True
    except ImportError:
        return False


def graph_dtype(path):
    import onnx
    m = onnx.load(path, load_external_data=False)
    for vi in m.graph.input:
        if vi.type.tensor_type.elem_type == onnx.TensorProto.FLOAT16:
            return "fp16"
    for vi in m.graph.output:
        if vi.type.tensor_type.elem_type == onnx.TensorProto.FLOAT16:
            return "fp16"
    return "fp32"


def _session(path):
    import onnxruntime as ort
    return ort.InferenceSession(path, providers=["CPUExecutionProvider"])


def _feed(sess, names, inputs):
    feed = {}
    types = {i.name: i.type for i in sess.get_inputs()}
    for name, t in zip(names, inputs):
        arr = t.numpy()
        if types[name] == "tensor(float16)":
            arr = arr.astype(np.float16)
        elif types[name] == "tensor(float)":
            arr = arr.astype(np.float32)
        feed[name] = arr
    return feed


def verify(model_set, modules, context_dim, vocab=32128, log=print):
    """modules: graph name -> the PyTorch wrapper (common.*Graph) in float32. Returns the list of
    failures (empty when every graph is within tolerance); None when onnxruntime is missing."""
    if not ort_available():
        log("SKIPPED: onnxruntime is not installed (pip install onnxruntime or onnxruntime-gpu); "
            "graphs were not compared with PyTorch")
        return None
    failures = []
    for name, module in modules.items():
        file_name, input_names, output_name, _ = common.GRAPHS[name]
        path = os.path.join(model_set, file_name)
        dtype = graph_dtype(path)
        # shapes other than the export's example, to exercise the dynamic axes
        inputs = common.sample_inputs(name, context_dim, batch=2, tokens=11, latent=12, vocab=vocab, seed=7)
        with torch.no_grad():
            want = module.eval()(*inputs).float().numpy()
        sess = _session(path)
        got = sess.run([output_name], _feed(sess, input_names, inputs))[0].astype(np.float32)
        if got.shape != want.shape:
            failures.append(f"{file_name}: output shape {got.shape}, PyTorch {want.shape}")
            continue
        err = float(np.max(np.abs(got - want)))
        rel = err / max(1.0, float(np.max(np.abs(want))))
        ok = np.all(np.isfinite(got)) and rel <= TOLERANCE[dtype]
        log(f"  {file_name:18s} {dtype}: max abs error {err:.3e} (relative {rel:.3e}, tolerance "
            f"{TOLERANCE[dtype]:.0e}) {'ok' if ok else 'TOO LARGE'}")
        if not ok:
            failures.append(f"{file_name}: relative error {rel:.3e} above {TOLERANCE[dtype]:.0e}")
    return failures


def check_prompts(model_set, log=print):
    """Text encoder on real prompts (tokenized with OUT/tokenizer.json): every value finite."""
    if not ort_available():
        log("SKIPPED: onnxruntime is not installed; the text encoder's fp16 overflow check did not run")
        return None
    try:
        from tokenizers import Tokenizer
    except ImportError:
        log("SKIPPED: the tokenizers package is not installed; prompt overflow check did not run")
        return None
    tok = Tokenizer.from_file(os.path.join(model_set, "tokenizer.json"))
    sess = _session(os.path.join(model_set, "text_encoder.onnx"))
    failures = []
    for prompt in TEST_PROMPTS:
        ids = tok.encode(prompt).ids[:common.MAX_TOKENS]
        ids[-1] = 1
        ids = np.array([ids], dtype=np.int64)
        ctx = sess.run(["context"], {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
        finite = bool(np.all(np.isfinite(ctx)))
        log(f"  text encoder on {prompt[:30]!r}: {ids.shape[1]} tokens, max |context| "
            f"{float(np.max(np.abs(ctx.astype(np.float32)))):.3g}, {'finite' if finite else 'NOT FINITE'}")
        if not finite:
            failures.append(f"text_encoder.onnx: inf/nan for prompt {prompt!r}")
    return failures


def standin_modules():
    import standins
    enc, _ = standins.text_encoder()
    mv = standins.TinyMoVQ()
    return {
        "text_encoder": common.TextEncoderGraph(enc, standins.projection(enc.config.d_model, 32)),
        "unet": common.UNetGraph(standins.TinyUNet()),
        "movq_encoder": common.MoVQEncoderGraph(mv),
        "movq_decoder": common.MoVQDecoderGraph(mv),
    }, 32, 256


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model-set", required=True)
    p.add_argument("--standins", action="store_true", help="compare with the tests' stand-in modules")
    p.add_argument("--kandinsky3-src")
    p.add_argument("--weights")
    p.add_argument("--release", default="3.1", choices=["3.1", "3.0"])
    p.add_argument("--unet-file")
    p.add_argument("--text-encoder-dir")
    p.add_argument("--projection-file")
    p.add_argument("--movq-file")
    p.add_argument("--only", nargs="*", choices=list(common.GRAPHS), help="graphs to compare (default all)")
    args = p.parse_args(argv)
    if not ort_available():
        print("SKIPPED: onnxruntime is not installed (pip install onnxruntime); nothing was verified")
        return 0
    if args.standins:
        modules, context_dim, vocab = standin_modules()
    else:
        if not (args.kandinsky3_src and args.weights):
            p.error("give --kandinsky3-src and --weights (or --standins)")
        import export_kandinsky3 as ek
        try:
            modules, context_dim, vocab = ek.load_modules_for_verify(args)
        except common.ExportError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    if args.only:
        modules = {k: v for k, v in modules.items() if k in args.only}
    failures = verify(args.model_set, modules, context_dim, vocab) or []
    if "text_encoder" in modules:
        failures += check_prompts(args.model_set) or []
    for f in failures:
        print(f"FAILED: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
