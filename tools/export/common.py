"""Shared pieces of the Kandinsky 3 -> Vernissage model-set exporter.

Everything here is used both for the real weights (export_kandinsky3.py) and for the tiny stand-in
modules of the tests (tests/test_export.py), so the tests exercise the same code paths:
graph wrappers with the contract's input/output names, torch.onnx export with dynamic axes,
fp32 -> fp16 graph conversion with fp32 islands, external data, and the model-set side files.
"""
import gc
import json
import inspect
import os
import re
import shutil
import tempfile

import numpy as np
import torch
from torch import nn

FORMAT = "vernissage-model-set"
FORMAT_VERSION = 1
MAX_TOKENS = 128
TWO_GB = 2 * 1024 ** 3
FP16_MAX = 65504.0

# Highest opset this torch can write, capped at 18 (the contract was tried with 17 and 18).
try:
    from torch.onnx import _constants as _onnx_constants
    OPSET = min(18, int(_onnx_constants.ONNX_MAX_OPSET))
except Exception:  # pragma: no cover - very old or very new torch
    OPSET = 17


class ExportError(Exception):
    """A problem the user can act on; the CLI prints its message without a traceback."""


# ---------------------------------------------------------------------------------------------
# Graph wrappers: the contract's names and argument order (models/README.md, "Graph contract").
# ---------------------------------------------------------------------------------------------

class TextEncoderGraph(nn.Module):
    """T5 encoder + inpainting projection (Linear 4096->4096 no bias, LayerNorm) in one graph.

    input_ids int64 [B, L], attention_mask int64 [B, L] -> context [B, L, D]. Rows whose mask is
    0 are zeroed, as the reference condition encoder does.
    """

    def __init__(self, encoder, projection):
        super().__init__()
        self.encoder = encoder
        self.projection = projection

    def forward(self, input_ids, attention_mask):
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
        hidden = out.last_hidden_state if hasattr(out, "last_hidden_state") else out[0]
        context = self.projection(hidden.to(self.projection[0].weight.dtype))
        return context * attention_mask.unsqueeze(-1).to(context.dtype)


class UNetGraph(nn.Module):
    """(sample [B,9,h,w], timestep int64 [B], context [B,N,D], context_mask bool [B,N]) -> noise_pred."""

    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, sample, timestep, context, context_mask):
        # The reference passes integer timesteps; its sinusoidal embedding is computed in float32.
        return self.unet(sample, timestep.to(torch.float32), context, context_mask)


class MoVQEncoderGraph(nn.Module):
    """image [B,3,H,W] in [-1,1] -> latent [B,4,H/8,W/8] (encoder + quant_conv, no quantizer)."""

    def __init__(self, movq):
        super().__init__()
        self.movq = movq

    def forward(self, image):
        return self.movq.quant_conv(self.movq.encoder(image))


class MoVQDecoderGraph(nn.Module):
    """latent [B,4,h,w] -> image [B,3,8h,8w]; the spatial norms are conditioned on the same latent."""

    def __init__(self, movq):
        super().__init__()
        self.movq = movq

    def forward(self, latent):
        return self.movq.decoder(self.movq.post_quant_conv(latent), latent)


# name -> (file, input names, output name, dynamic axes)
GRAPHS = {
    "text_encoder": ("text_encoder.onnx", ["input_ids", "attention_mask"], "context",
                     {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                      "context": {0: "batch", 1: "tokens"}}),
    "unet": ("unet.onnx", ["sample", "timestep", "context", "context_mask"], "noise_pred",
             {"sample": {0: "batch", 2: "height", 3: "width"}, "timestep": {0: "batch"},
              "context": {0: "batch", 1: "N"}, "context_mask": {0: "batch", 1: "N"},
              "noise_pred": {0: "batch", 2: "height", 3: "width"}}),
    "movq_encoder": ("movq_encoder.onnx", ["image"], "latent",
                     {"image": {0: "batch", 2: "height", 3: "width"},
                      "latent": {0: "batch", 2: "latent_height", 3: "latent_width"}}),
    "movq_decoder": ("movq_decoder.onnx", ["latent"], "image",
                     {"latent": {0: "batch", 2: "latent_height", 3: "latent_width"},
                      "image": {0: "batch", 2: "height", 3: "width"}}),
}

# Nodes kept in float32 inside an fp16 graph (regular expressions on torch's scoped node names).
# T5: its RMS layer norms square activations that exceed the fp16 range (transformers computes the
# variance in fp32), so every layer norm stays fp32. The U-Net: the sinusoidal timestep embedding
# (the reference computes it in fp32 from integer timesteps; sin(999) in fp16 is off by ~0.3).
FP32_ISLANDS = {
    "text_encoder": [r"layer_norm", r"/projection/"],
    "unet": [r"to_time_embed\.0", r"to_time_embed/"],
}
# In fp16 text-encoder graphs these node outputs are clamped to +-(65504 - 1000), as transformers
# clamps T5 hidden states in fp16: the feed-forward output projection and the residual additions.
FP16_CLAMP = {
    "text_encoder": [r"DenseReluDense/wo/MatMul", r"/block\.\d+/(layer\.\d+/)?Add(_\d+)?$"],
}


def sample_inputs(name, context_dim, batch=2, tokens=7, latent=8, vocab=100, seed=0):
    """Example inputs for tracing and verification (also the shapes the dynamic axes start from)."""
    g = torch.Generator().manual_seed(seed)
    if name == "text_encoder":
        ids = torch.randint(2, vocab, (batch, tokens), generator=g)
        mask = torch.ones(batch, tokens, dtype=torch.int64)
        mask[1, tokens - 2:] = 0
        ids[0, -1] = 1
        ids = ids * mask
        return (ids, mask)
    if name == "unet":
        n = tokens
        sample = torch.randn(batch, 9, latent, latent, generator=g)
        timestep = torch.tensor([999, 19][:batch] + [500] * max(0, batch - 2), dtype=torch.int64)
        context = torch.randn(batch, n, context_dim, generator=g)
        cmask = torch.ones(batch, n, dtype=torch.bool)
        cmask[-1, 1:] = False
        context[-1, 1:] = 0
        return (sample, timestep, context, cmask)
    if name == "movq_encoder":
        return (torch.rand(batch, 3, latent * 8, latent * 8, generator=g) * 2 - 1,)
    if name == "movq_decoder":
        return (torch.randn(batch, 4, latent, latent, generator=g),)
    raise ValueError(name)


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------

def export_graph(name, module, example_inputs, out_dir, dtype="fp32", log=print):
    """Traces `module` in float32 with torch.onnx, optionally converts it to fp16 (with fp32
    islands and clamps), and saves OUT/<file>, with external data (<file>.data) when over 2 GB."""
    import onnx

    file_name, input_names, output_name, dynamic_axes = GRAPHS[name]
    module = module.eval()
    tmp = tempfile.mkdtemp(prefix="vernissage-export-", dir=out_dir)
    try:
        tmp_path = os.path.join(tmp, file_name)
        # The TorchScript exporter, also where torch >= 2.9 defaults to the dynamo one: the fp16
        # islands and clamps find their nodes by the module scopes in TorchScript's node names
        # ("/encoder/block.0/layer.1/..."). Under dynamo the names are "node_add_259" and the T5
        # overflow guard silently matched nothing (seen with torch 2.11 on a GPU machine, docs/cuda.md).
        extra = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
        with torch.no_grad():
            torch.onnx.export(
                module, tuple(example_inputs), tmp_path,
                input_names=input_names, output_names=[output_name], dynamic_axes=dynamic_axes,
                opset_version=OPSET, do_constant_folding=True, **extra,
            )
        # torch writes graphs over 2 GB with one external file per tensor; onnx.load gathers them.
        model = onnx.load(tmp_path)
        if dtype == "fp16":
            convert_to_fp16(model, FP32_ISLANDS.get(name, []), FP16_CLAMP.get(name, []), log=log)
        elif dtype != "fp32":
            raise ExportError(f"unknown dtype {dtype!r} (fp16 or fp32)")
        path = save_model(model, os.path.join(out_dir, file_name), log=log)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del model
    gc.collect()
    return path


def save_model(model, path, log=print):
    """Saves an ONNX model; graphs whose weights exceed 2 GB go to one external-data file beside it."""
    import onnx

    weight_bytes = sum(len(t.raw_data) if t.raw_data else 0 for t in model.graph.initializer)
    for stale in (path, path + ".data"):
        if os.path.exists(stale):
            os.remove(stale)
    if weight_bytes >= TWO_GB - 64 * 1024 ** 2:
        location = os.path.basename(path) + ".data"
        onnx.save_model(model, path, save_as_external_data=True, all_tensors_to_one_file=True,
                        location=location, size_threshold=1024)
        log(f"  wrote {path} + {location} ({weight_bytes / 1e9:.2f} GB of weights, external data)")
    else:
        onnx.save_model(model, path)
        log(f"  wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB)")
    onnx.checker.check_model(path)  # by path, so external data resolves
    return path


def _matches(name, patterns):
    return any(re.search(p, name) for p in patterns)


def convert_to_fp16(model, fp32_islands=(), clamp_outputs=(), log=print):
    """In-place float32 -> float16 conversion of an ONNX graph exported in float32.

    - float initializers and Constant tensors become float16 (values clipped to +-65504, so the
      -3.4e38 of masked attention becomes -65504 instead of -inf);
    - graph float inputs/outputs become float16 (the contract allows both; Vernissage converts);
    - Cast(to=float) becomes Cast(to=float16) outside the fp32 islands;
    - nodes whose names match `fp32_islands` run in float32: their float operands are cast up and
      their float outputs cast back down (their weights stay float16 on disk);
    - outputs of nodes matching `clamp_outputs` pass through Clip(+-(65504-1000));
    - operands that ONNX requires in float32 (Resize scales) are cast back to float32.
    """
    from onnx import TensorProto, helper, numpy_helper

    F32, F16 = TensorProto.FLOAT, TensorProto.FLOAT16
    g = model.graph
    float_values = {name for name, t in _infer_types(model).items() if t == F32}

    def to16(tensor):
        arr = numpy_helper.to_array(tensor)
        return numpy_helper.from_array(np.clip(arr, -FP16_MAX, FP16_MAX).astype(np.float16), tensor.name)

    _graph_to16(g, to16)

    counter = [0]

    def fresh(base):
        counter[0] += 1
        return f"{base}__fp16conv{counter[0]}"

    fp32_only = {"Resize": {2}}
    final, islands, clamps = [], 0, 0
    for node in list(g.node):
        if node.op_type in ("Constant", "ConstantOfShape"):
            for attr in node.attribute:
                if attr.name == "value" and attr.t.data_type == F32:
                    attr.t.CopyFrom(to16(attr.t))
        island = bool(fp32_islands) and _matches(node.name, fp32_islands)
        if node.op_type == "Cast" and not island:
            for attr in node.attribute:
                if attr.name == "to" and attr.i == F32:
                    attr.i = F16
        for idx in fp32_only.get(node.op_type, ()):
            if idx < len(node.input) and node.input[idx]:
                casted = fresh(node.input[idx])
                final.append(helper.make_node("Cast", [node.input[idx]], [casted], to=F32, name=fresh("/fp32_operand/Cast")))
                node.input[idx] = casted
        if island:
            islands += 1
            for i, inp in enumerate(node.input):
                if inp and inp in float_values:
                    casted = fresh(inp)
                    final.append(helper.make_node("Cast", [inp], [casted], to=F32, name=fresh("/fp32_island/Cast")))
                    node.input[i] = casted
            downs = []
            for o, out in enumerate(node.output):
                if out and out in float_values:
                    inner = fresh(out)
                    node.output[o] = inner
                    downs.append(helper.make_node("Cast", [inner], [out], to=F16, name=fresh("/fp32_island/Cast")))
            final.append(node)
            final.extend(downs)
            continue
        if clamp_outputs and _matches(node.name, clamp_outputs) and len(node.output) == 1 \
                and node.output[0] in float_values:
            clamps += 1
            out = node.output[0]
            inner = fresh(out)
            node.output[0] = inner
            final.append(node)
            lo, hi = fresh("/fp16_clamp/min"), fresh("/fp16_clamp/max")
            final.append(helper.make_node("Constant", [], [lo], name=lo,
                                          value=numpy_helper.from_array(np.array(-(FP16_MAX - 1000), np.float16))))
            final.append(helper.make_node("Constant", [], [hi], name=hi,
                                          value=numpy_helper.from_array(np.array(FP16_MAX - 1000, np.float16))))
            final.append(helper.make_node("Clip", [inner, lo, hi], [out], name=fresh("/fp16_clamp/Clip")))
            continue
        final.append(node)
    del g.node[:]
    g.node.extend(final)
    subgraphs = _convert_subgraphs(g, to16)
    log(f"  fp16: {subgraphs} subgraphs (If/Loop bodies) converted; {islands} nodes kept in fp32, {clamps} outputs clamped to the fp16 range")
    return model


def _graph_to16(graph, to16):
    """Initializers, inputs and outputs of `graph` (the main graph or an If/Loop body) to fp16,
    with `to16` converting one tensor; the stale value_info is dropped."""
    from onnx import TensorProto

    F32, F16 = TensorProto.FLOAT, TensorProto.FLOAT16
    for init in graph.initializer:
        if init.data_type == F32:
            init.CopyFrom(to16(init))
    for vi in list(graph.input) + list(graph.output):
        if vi.type.tensor_type.elem_type == F32:
            vi.type.tensor_type.elem_type = F16
    del graph.value_info[:]


def _convert_subgraphs(graph, to16):
    """Converts the bodies of If/Loop/Scan nodes (torch writes If for squeeze on a dynamic dim):
    their float constants, casts, initializers and declared outputs become float16. Returns the
    number of bodies converted."""
    from onnx import AttributeProto, TensorProto

    F32, F16 = TensorProto.FLOAT, TensorProto.FLOAT16
    count = 0
    for node in graph.node:
        for attr in node.attribute:
            bodies = [attr.g] if attr.type == AttributeProto.GRAPH else (
                list(attr.graphs) if attr.type == AttributeProto.GRAPHS else [])
            for body in bodies:
                count += 1
                _graph_to16(body, to16)
                for n in body.node:
                    if n.op_type in ("Constant", "ConstantOfShape"):
                        for a in n.attribute:
                            if a.name == "value" and a.t.data_type == F32:
                                a.t.CopyFrom(to16(a.t))
                    if n.op_type == "Cast":
                        for a in n.attribute:
                            if a.name == "to" and a.i == F32:
                                a.i = F16
                count += _convert_subgraphs(body, to16)
    return count


def _infer_types(model):
    """Element types of every value (name -> TensorProto type), inferred without the weight payloads
    so that graphs over 2 GB can be inferred too."""
    from onnx import shape_inference

    payloads = []
    for init in model.graph.initializer:
        payloads.append(init.raw_data)
        init.ClearField("raw_data")
    try:
        inferred = shape_inference.infer_shapes(model, check_type=False, strict_mode=False)
    finally:
        for init, raw in zip(model.graph.initializer, payloads):
            init.raw_data = raw
    types = {}
    for vi in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        types[vi.name] = vi.type.tensor_type.elem_type
    for init in model.graph.initializer:
        types[init.name] = init.data_type
    for node in model.graph.node:
        if node.op_type == "Constant":
            for attr in node.attribute:
                if attr.name == "value":
                    types[node.output[0]] = attr.t.data_type
    return types


# ---------------------------------------------------------------------------------------------
# Model-set side files
# ---------------------------------------------------------------------------------------------

def write_manifest(out_dir, name, source, sampler, context_dim, max_tokens=MAX_TOKENS):
    manifest = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "name": name,
        "source": source,
        "sampler": sampler,
        "contextDim": int(context_dim),
        "maxTokens": int(max_tokens),
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return manifest


def write_null_embedding(out_dir, null_embedding, context_dim):
    arr = torch.as_tensor(null_embedding).detach().to(torch.float32).cpu().numpy().reshape(-1)
    if arr.shape != (context_dim,):
        raise ExportError(f"the null embedding has {arr.size} values but the context width is {context_dim}")
    if not np.all(np.isfinite(arr)):
        raise ExportError("the null embedding holds non-finite values")
    np.save(os.path.join(out_dir, "null_embedding.npy"), arr.astype("<f4"))
    return arr


def write_tokenizer(out_dir, tokenizer_source):
    """Saves the T5 tokenizer in Hugging Face fast JSON form as OUT/tokenizer.json.

    tokenizer_source: a folder with the T5 SentencePiece tokenizer (spiece.model + configs, e.g.
    the FLAN-UL2 encoder folder) or an existing tokenizer.json to copy."""
    dest = os.path.join(out_dir, "tokenizer.json")
    if os.path.isfile(tokenizer_source) and tokenizer_source.endswith(".json"):
        shutil.copyfile(tokenizer_source, dest)
        return dest
    try:
        from transformers import T5TokenizerFast
    except ImportError as e:
        raise ExportError("writing tokenizer.json needs transformers, sentencepiece and protobuf "
                          "(pip install -r tools/export/requirements.txt)") from e
    tok = T5TokenizerFast.from_pretrained(tokenizer_source)
    tok.backend_tokenizer.save(dest)
    ids = tok("a red boat on the sea").input_ids
    if ids[-1] != tok.eos_token_id or tok.pad_token_id != 0 or tok.eos_token_id != 1:
        raise ExportError(f"unexpected T5 tokenizer in {tokenizer_source}: pad {tok.pad_token_id}, eos "
                          f"{tok.eos_token_id}, ids end with {ids[-1]} (expected pad 0, EOS 1 appended)")
    return dest
