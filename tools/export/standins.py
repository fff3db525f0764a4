"""Tiny stand-in modules with the SAME interfaces as the real Kandinsky 3 components.

Used only by the tool's own tests (tests/test_export.py) and to build the committed stand-in
model set. They are random, untrained and NOT Kandinsky: they exist so that the exporter's code
paths (wrappers, torch.onnx export, fp16 conversion, external data, side files, verification) run
end to end on a machine without the 35 GB of real weights.

- TinyUNet: forward(x [B,9,h,w], time [B] float, context [B,N,D], context_mask bool [B,N]) -> [B,4,h,w];
  has `in_layer` (Conv2d with 9 input channels) and `to_time_embed` (sin/cos embedding first) like the
  reference U-Net, context pooling over N and a masked attention over the context.
- TinyMoVQ: `.encoder` (x8 down to 4 channels), `.quant_conv`, `.post_quant_conv`,
  `.decoder(z, zq)` whose norms are spatial norms conditioned on zq, x8 up, as the reference MoVQ.
- TinyT5Encoder: STAND-IN for transformers' T5 encoder stack (used only when transformers is not
  installed): forward(input_ids=, attention_mask=) -> object with `.last_hidden_state`; module names
  follow T5's (block.i.layer.0.layer_norm, layer.1.DenseReluDense.wo, final_layer_norm) so that the
  exporter's fp16 guards apply to it as they would to T5. No relative position bias.
"""
import math
from types import SimpleNamespace

import torch
from torch import nn
import torch.nn.functional as F


class SinusoidalPosEmb(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        half = self.dim // 2
        freq = torch.exp(torch.arange(half, dtype=x.dtype) * -(math.log(10000) / (half - 1)))
        emb = x[:, None] * freq[None, :]
        return torch.cat((emb.sin(), emb.cos()), dim=-1)


class MaskedAttention(nn.Module):
    def __init__(self, in_dim, out_dim, context_dim, head_dim=16):
        super().__init__()
        self.heads = out_dim // head_dim
        self.scale = head_dim ** -0.5
        self.to_query = nn.Linear(in_dim, out_dim, bias=False)
        self.to_key = nn.Linear(context_dim, out_dim, bias=False)
        self.to_value = nn.Linear(context_dim, out_dim, bias=False)
        self.output_layer = nn.Linear(out_dim, out_dim, bias=False)

    def forward(self, x, context, context_mask):
        b, n, _ = x.shape
        q = self.to_query(x).reshape(b, n, self.heads, -1).transpose(1, 2)
        k = self.to_key(context).reshape(b, context.shape[1], self.heads, -1).transpose(1, 2)
        v = self.to_value(context).reshape(b, context.shape[1], self.heads, -1).transpose(1, 2)
        att = torch.matmul(q, k.transpose(-1, -2)) * self.scale
        att = att.masked_fill(~context_mask[:, None, None, :], -torch.finfo(att.dtype).max)
        out = torch.matmul(att.softmax(dim=-1), v).transpose(1, 2).reshape(b, n, -1)
        return self.output_layer(out)


class TinyUNet(nn.Module):
    def __init__(self, context_dim=32, channels=32, time_dim=64, seed=1):
        super().__init__()
        torch.manual_seed(seed)
        self.in_layer = nn.Conv2d(9, channels, 3, padding=1)
        self.to_time_embed = nn.Sequential(SinusoidalPosEmb(channels), nn.Linear(channels, time_dim), nn.SiLU(),
                                           nn.Linear(time_dim, time_dim))
        self.feature_pooling = MaskedAttention(context_dim, time_dim, context_dim)
        self.time_proj = nn.Linear(time_dim, 2 * channels)
        self.norm = nn.GroupNorm(8, channels)
        self.cross_attention = MaskedAttention(channels, channels, context_dim)
        self.down = nn.Conv2d(channels, channels, 2, stride=2)
        self.up = nn.ConvTranspose2d(channels, channels, 2, stride=2)
        self.out_layer = nn.Sequential(nn.GroupNorm(8, channels), nn.SiLU(), nn.Conv2d(channels, 4, 3, padding=1))

    def forward(self, x, time, context, context_mask):
        t = self.to_time_embed(time)
        t = t + self.feature_pooling(context.mean(dim=1, keepdim=True), context, context_mask).squeeze(1)
        scale, shift = self.time_proj(F.silu(t))[:, :, None, None].chunk(2, dim=1)
        h = self.in_layer(x)
        h = self.norm(h) * (scale + 1) + shift
        b, c, hh, ww = h.shape
        seq = h.reshape(b, c, hh * ww).transpose(1, 2)
        h = h + self.cross_attention(seq, context, context_mask).transpose(1, 2).reshape(b, c, hh, ww)
        h = h + self.up(F.silu(self.down(h)))
        return self.out_layer(h)


class SpatialNorm(nn.Module):
    def __init__(self, channels, zq_channels=4):
        super().__init__()
        self.norm_layer = nn.GroupNorm(8, channels, eps=1e-6)
        self.conv_y = nn.Conv2d(zq_channels, channels, 1)
        self.conv_b = nn.Conv2d(zq_channels, channels, 1)

    def forward(self, f, zq):
        zq = F.interpolate(zq, size=f.shape[-2:], mode="nearest")
        return self.norm_layer(f) * self.conv_y(zq) + self.conv_b(zq)


class TinyMoVQEncoder(nn.Module):
    def __init__(self, ch=16):
        super().__init__()
        self.conv_in = nn.Conv2d(3, ch, 3, padding=1)
        self.down = nn.ModuleList([nn.Conv2d(ch, ch, 3, stride=2, padding=1) for _ in range(3)])
        self.norm_out = nn.GroupNorm(8, ch)
        self.conv_out = nn.Conv2d(ch, 4, 3, padding=1)

    def forward(self, x):
        h = self.conv_in(x)
        for d in self.down:
            h = d(F.silu(h))
        # latent-resolution self-attention (one head), as in the reference MoVQ's mid block
        b, c, hh, ww = h.shape
        seq = self.norm_out(h).reshape(b, c, hh * ww)
        att = torch.softmax(torch.bmm(seq.transpose(1, 2), seq) * c ** -0.5, dim=2)
        h = h + torch.bmm(seq, att.transpose(1, 2)).reshape(b, c, hh, ww)
        return self.conv_out(F.silu(h))


class TinyMoVQDecoder(nn.Module):
    def __init__(self, ch=16):
        super().__init__()
        self.conv_in = nn.Conv2d(4, ch, 3, padding=1)
        self.norms = nn.ModuleList([SpatialNorm(ch) for _ in range(3)])
        self.convs = nn.ModuleList([nn.Conv2d(ch, ch, 3, padding=1) for _ in range(3)])
        self.norm_out = SpatialNorm(ch)
        self.conv_out = nn.Conv2d(ch, 3, 3, padding=1)

    def forward(self, z, zq):
        h = self.conv_in(z)
        for norm, conv in zip(self.norms, self.convs):
            h = F.interpolate(F.silu(norm(h, zq)), scale_factor=2.0, mode="nearest")
            h = conv(h)
        return self.conv_out(F.silu(self.norm_out(h, zq)))


class TinyMoVQ(nn.Module):
    def __init__(self, seed=2):
        super().__init__()
        torch.manual_seed(seed)
        self.encoder = TinyMoVQEncoder()
        self.quant_conv = nn.Conv2d(4, 4, 1)
        self.post_quant_conv = nn.Conv2d(4, 4, 1)
        self.decoder = TinyMoVQDecoder()


class T5LayerNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, h):
        variance = h.to(torch.float32).pow(2).mean(-1, keepdim=True)
        return self.weight * (h * torch.rsqrt(variance + self.eps)).to(self.weight.dtype)


class _SelfAttention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d, bias=False) for _ in range(4))

    def forward(self, h, bias):
        b, n, d = h.shape
        split = lambda t: t.reshape(b, n, self.heads, -1).transpose(1, 2)
        scores = torch.matmul(split(self.q(h)), split(self.k(h)).transpose(-1, -2)) + bias  # T5: no scaling
        out = torch.matmul(scores.softmax(-1), split(self.v(h))).transpose(1, 2).reshape(b, n, d)
        return self.o(out)


class _DenseGatedGelu(nn.Module):
    def __init__(self, d, d_ff):
        super().__init__()
        self.wi_0 = nn.Linear(d, d_ff, bias=False)
        self.wi_1 = nn.Linear(d, d_ff, bias=False)
        self.wo = nn.Linear(d_ff, d, bias=False)

    def forward(self, h):
        return self.wo(F.gelu(self.wi_0(h), approximate="tanh") * self.wi_1(h))


class _Layer0(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.SelfAttention = _SelfAttention(d, heads)
        self.layer_norm = T5LayerNorm(d)


class _Layer1(nn.Module):
    def __init__(self, d, d_ff):
        super().__init__()
        self.DenseReluDense = _DenseGatedGelu(d, d_ff)
        self.layer_norm = T5LayerNorm(d)


class _Block(nn.Module):
    def __init__(self, d, heads, d_ff):
        super().__init__()
        self.layer = nn.ModuleList([_Layer0(d, heads), _Layer1(d, d_ff)])

    def forward(self, h, bias):
        h = h + self.layer[0].SelfAttention(self.layer[0].layer_norm(h), bias)
        h = h + self.layer[1].DenseReluDense(self.layer[1].layer_norm(h))
        return h


class TinyT5Encoder(nn.Module):
    """STAND-IN for transformers' T5Stack (encoder). See the module docstring."""

    def __init__(self, vocab=256, d_model=32, heads=2, d_ff=64, layers=2, seed=3):
        super().__init__()
        torch.manual_seed(seed)
        self.embed_tokens = nn.Embedding(vocab, d_model)
        self.block = nn.ModuleList([_Block(d_model, heads, d_ff) for _ in range(layers)])
        self.final_layer_norm = T5LayerNorm(d_model)
        self.config = SimpleNamespace(d_model=d_model, vocab_size=vocab)

    def forward(self, input_ids=None, attention_mask=None):
        h = self.embed_tokens(input_ids)
        bias = (1.0 - attention_mask[:, None, None, :].to(h.dtype)) * torch.finfo(h.dtype).min
        for block in self.block:
            h = block(h, bias)
        return SimpleNamespace(last_hidden_state=self.final_layer_norm(h))


def projection(d_model, context_dim, seed=4):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(d_model, context_dim, bias=False), nn.LayerNorm(context_dim))


def text_encoder(vocab=256, d_model=32):
    """The T5 encoder stand-in: transformers' T5EncoderModel with a tiny random T5Config when
    transformers is importable, else TinyT5Encoder. Returns (module, description)."""
    try:
        from transformers import T5Config, T5EncoderModel
    except ImportError:
        return TinyT5Encoder(vocab=vocab, d_model=d_model), "TinyT5Encoder (stand-in: transformers not installed)"
    torch.manual_seed(3)
    cfg = T5Config(vocab_size=vocab, d_model=d_model, d_kv=16, d_ff=64, num_layers=2, num_heads=2,
                   feed_forward_proj="gated-gelu", is_encoder_decoder=False, use_cache=False)
    return T5EncoderModel(cfg).encoder.eval(), "transformers T5EncoderModel(T5Config(tiny, random))"
