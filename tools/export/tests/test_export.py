#!/usr/bin/python3
"""The export tool's own test: tiny stand-in modules with the real interfaces go through the SAME
code paths as the real components (export_kandinsky3.export_set), then onnxruntime verification
(when installed), then the Java validator (`bin/vernissage models check`, when the Java build works).

    /usr/bin/python3 -m unittest discover -s tools/export/tests -v
    /usr/bin/python3 tools/export/tests/test_export.py --write-fixture   # rewrites the committed
                                                  # src/test/resources/exported/standin-set/

Parts that cannot run here are skipped with a printed reason.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(TOOL, "..", ".."))
sys.path.insert(0, TOOL)
import common  # noqa: E402
import export_kandinsky3 as ek  # noqa: E402
import standins  # noqa: E402
import verify  # noqa: E402

FIXTURE = os.path.join(REPO, "src", "test", "resources", "exported", "standin-set")
CONTEXT_DIM = 32


def demo_tokenizer(tmp):
    """tokenizer.json: the committed fixture's copy, else one from `bin/vernissage models demo`."""
    committed = os.path.join(FIXTURE, "tokenizer.json")
    if os.path.isfile(committed):
        return committed
    demo = os.path.join(tmp, "demo")
    r = subprocess.run([os.path.join(REPO, "bin", "vernissage"), "models", "demo", demo], cwd=REPO,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise unittest.SkipTest("SKIPPED: no tokenizer.json (bin/vernissage models demo failed: "
                                + r.stderr.strip()[-300:] + ")")
    return os.path.join(demo, "tokenizer.json")


def export_standin_set(out, tokenizer, unet_dtype="fp16", text_dtype="fp16"):
    enc, desc = standins.text_encoder(vocab=256, d_model=32)
    print(f"text encoder stand-in: {desc}")
    mv = standins.TinyMoVQ()
    modules = {
        "text_encoder": common.TextEncoderGraph(enc, standins.projection(32, CONTEXT_DIM)),
        "unet": common.UNetGraph(standins.TinyUNet(context_dim=CONTEXT_DIM)),
        "movq_encoder": common.MoVQEncoderGraph(mv),
        "movq_decoder": common.MoVQDecoderGraph(mv),
    }
    torch.manual_seed(5)
    null = torch.randn(CONTEXT_DIM) * 0.5
    return ek.export_set(out, modules, null, tokenizer,
                         "Exported stand-in set (tiny random modules, NOT Kandinsky)",
                         "tools/export/tests/test_export.py stand-ins", "reference", CONTEXT_DIM,
                         unet_dtype, text_dtype, example_vocab=256)


def java_check(folder):
    """Runs `bin/vernissage models check folder`; returns (ran, ok, output)."""
    if not os.path.isdir("/usr/lib/jvm/temurin-25-jdk-amd64") and not os.environ.get("JAVA_HOME"):
        return False, False, "no JDK 25 found"
    env = dict(os.environ)
    env.setdefault("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
    try:
        r = subprocess.run([os.path.join(REPO, "bin", "vernissage"), "models", "check", folder], cwd=REPO,
                           capture_output=True, text=True, env=env, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return False, False, str(e)
    out = r.stdout + r.stderr
    if r.returncode != 0 and "build failed" in out:
        return False, False, "the Java build failed"
    return True, r.returncode == 0 and "Usable." in out, out


class ExportStandInTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="vernissage-export-test-")
        cls.out = os.path.join(cls.tmp, "set")
        cls.figures = export_standin_set(cls.out, demo_tokenizer(cls.tmp))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_files_and_side_files(self):
        for f in ("manifest.json", "tokenizer.json", "text_encoder.onnx", "unet.onnx", "movq_encoder.onnx",
                  "movq_decoder.onnx", "null_embedding.npy", "latent_preview.json"):
            self.assertTrue(os.path.isfile(os.path.join(self.out, f)), f)
        m = json.load(open(os.path.join(self.out, "manifest.json")))
        self.assertEqual((m["format"], m["formatVersion"], m["contextDim"], m["maxTokens"], m["sampler"]),
                         ("vernissage-model-set", 1, CONTEXT_DIM, 128, "reference"))
        null = np.load(os.path.join(self.out, "null_embedding.npy"))
        self.assertEqual((null.dtype, null.shape), (np.dtype("<f4"), (CONTEXT_DIM,)))
        p = json.load(open(os.path.join(self.out, "latent_preview.json")))
        self.assertEqual((len(p["weights"]), len(p["weights"][0]), len(p["bias"])), (4, 3, 3))
        self.assertTrue(np.isfinite(self.figures["preview_rms"]))

    def test_graph_contract(self):
        import onnx
        want = {
            "text_encoder.onnx": (["input_ids", "attention_mask"], ["context"]),
            "unet.onnx": (["sample", "timestep", "context", "context_mask"], ["noise_pred"]),
            "movq_encoder.onnx": (["image"], ["latent"]),
            "movq_decoder.onnx": (["latent"], ["image"]),
        }
        T = onnx.TensorProto
        for f, (ins, outs) in want.items():
            m = onnx.load(os.path.join(self.out, f))
            onnx.checker.check_model(m)
            self.assertEqual([i.name for i in m.graph.input], ins, f)
            self.assertEqual([o.name for o in m.graph.output], outs, f)
            self.assertTrue(all(op.domain in ("", "ai.onnx") for op in m.opset_import), f)
            self.assertEqual(m.opset_import[0].version, common.OPSET)
            dims = {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in m.graph.input}
            if f == "unet.onnx":
                self.assertEqual(dims["sample"], ["batch", 9, "height", "width"])
                self.assertEqual(dims["context"], ["batch", "N", CONTEXT_DIM])
                types = {i.name: i.type.tensor_type.elem_type for i in m.graph.input}
                self.assertEqual(types, {"sample": T.FLOAT16, "timestep": T.INT64, "context": T.FLOAT16,
                                         "context_mask": T.BOOL})
            if f == "text_encoder.onnx":
                self.assertEqual(dims["input_ids"], ["batch", "tokens"])
                self.assertEqual(m.graph.output[0].type.tensor_type.elem_type, T.FLOAT16)
                names = " ".join(n.name for n in m.graph.node)
                self.assertIn("/fp32_island/", names)   # T5 layer norms kept in fp32
                self.assertIn("/fp16_clamp/", names)    # residual / wo outputs clamped
            if f.startswith("movq"):
                self.assertEqual(m.graph.input[0].type.tensor_type.elem_type, T.FLOAT)  # MoVQ always fp32

    def test_fp32_export_and_external_data(self):
        out = os.path.join(self.tmp, "ext")
        os.makedirs(out)
        module = common.MoVQDecoderGraph(standins.TinyMoVQ())
        common.export_graph("movq_decoder", module, common.sample_inputs("movq_decoder", CONTEXT_DIM), out, "fp32")
        import onnx
        m = onnx.load(os.path.join(out, "movq_decoder.onnx"))
        old = common.TWO_GB
        try:
            common.TWO_GB = 0  # force the external-data path on a small graph
            common.save_model(m, os.path.join(out, "big.onnx"))
        finally:
            common.TWO_GB = old
        self.assertTrue(os.path.isfile(os.path.join(out, "big.onnx.data")))
        m2 = onnx.load(os.path.join(out, "big.onnx"), load_external_data=False)
        self.assertTrue(any(t.data_location == onnx.TensorProto.EXTERNAL for t in m2.graph.initializer))

    def test_verify_with_onnxruntime(self):
        modules, dim, vocab = verify.standin_modules()
        buf = io.StringIO()
        with redirect_stdout(buf):
            failures = verify.verify(self.out, modules, dim, vocab)
        print(buf.getvalue(), end="")
        if failures is None:
            self.skipTest("SKIPPED: onnxruntime not installed (graphs not compared with PyTorch here)")
        self.assertEqual(failures, [])
        self.assertEqual(verify.check_prompts(self.out) or [], [])

    def test_transformers_t5(self):
        try:
            import transformers  # noqa: F401
        except ImportError:
            self.skipTest("SKIPPED: transformers not installed (the tiny T5EncoderModel(T5Config) path did not run; "
                          "the TinyT5Encoder stand-in was exported instead)")
        enc, desc = standins.text_encoder()
        self.assertIn("transformers", desc)

    def test_checkpoint_layouts(self):
        """3.1: {'unet', 'null_embedding'}; 3.0: flat 'unet.*', 'null_embedding', 'encoder.projections.t5.*'."""
        unet = standins.TinyUNet(context_dim=CONTEXT_DIM)
        proj = standins.projection(32, CONTEXT_DIM)
        null = torch.randn(CONTEXT_DIM)
        p31 = os.path.join(self.tmp, "k31.pt")
        torch.save({"unet": unet.state_dict(), "null_embedding": null}, p31)
        sd, n, pr = ek.load_unet_checkpoint(p31)
        self.assertEqual(set(sd), set(unet.state_dict()))
        self.assertTrue(torch.equal(n, null))
        self.assertIsNone(pr)
        flat = {"unet." + k: v for k, v in unet.state_dict().items()}
        flat.update({"encoder.projections.t5." + k: v for k, v in proj.state_dict().items()})
        flat["null_embedding"] = null
        p30 = os.path.join(self.tmp, "k30.pt")
        torch.save({"state_dict": flat}, p30)
        sd, n, pr = ek.load_unet_checkpoint(p30)
        self.assertEqual(set(sd), set(unet.state_dict()))
        self.assertEqual(set(pr), {"0.weight", "1.weight", "1.bias"})
        self.assertTrue(torch.equal(n, null))

    def test_java_validator(self):
        ran, ok, output = java_check(self.out)
        print(output)
        if not ran:
            self.skipTest("SKIPPED: Java validator not run: " + output)
        self.assertTrue(ok, output)


if __name__ == "__main__":
    if "--write-fixture" in sys.argv:
        tmp = tempfile.mkdtemp()
        tok = demo_tokenizer(tmp)
        out = os.path.join(tmp, "set")
        export_standin_set(out, tok)
        shutil.rmtree(FIXTURE, ignore_errors=True)
        shutil.copytree(out, FIXTURE)
        print(f"wrote {FIXTURE}: " + ", ".join(f"{f} {os.path.getsize(os.path.join(FIXTURE, f))}"
                                              for f in sorted(os.listdir(FIXTURE))))
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        unittest.main()
