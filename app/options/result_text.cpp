// SPDX-License-Identifier: GPL-3.0-or-later
#include "result_text.h"

namespace headroom::options {

std::string describe(Verdict v)
{
    switch (v) {
    case Verdict::Fits: return "Fits";
    case Verdict::Tight: return "Tight fit";
    case Verdict::PartialOffload: return "Partial offload";
    case Verdict::DoesNotFit: return "Does not fit";
    }
    return "";
}

std::string describe(Notice n)
{
    switch (n) {
    case Notice::KvQuantNeedsFlashAttn: return "quantized KV cache needs flash attention; the engine keeps f16 (add --flash-attn on)";
    case Notice::CtxAboveModelMax: return "context is beyond the model's trained maximum";
    case Notice::ParallelAutoReduced: return "the engine's default parallel slots did not fit; it falls back to 1";
    case Notice::EngineCannotOffload: return "this engine cannot offload layers to system RAM";
    case Notice::TensorParallelUneven: return "the GPU count does not divide the attention heads; vLLM refuses this tensor-parallel size";
    case Notice::MlaExpandedCache:
        return "this engine version stores DeepSeek's MLA cache per head (tens of times larger than the latent cache of newer versions)";
    case Notice::HostRamUnknown: return "offloaded layers need system RAM; pass --ram GIB to check it";
    case Notice::CtxFitted: return "the engine fits its default context to the free memory (llama.cpp --fit); pass --ctx to choose one";
    case Notice::MetalMapsHostLayers:
        return "on a Mac, llama.cpp maps the model file from the GPU's first tensor to its last, so the layers and experts left in RAM "
               "count against the GPU as well; loading without mmap (--no-mmap) gives the GPU its own layers alone";
    case Notice::FlashAttnUnsupported: return "this engine version turns flash attention off for this model; it runs without it";
    }
    return "";
}

std::string describe(const Fix &f)
{
    switch (f.kind) {
    case Fix::Kind::SmallerQuant: return "Use " + f.quant;
    case Fix::Kind::ShorterContext: return "Shorten the context to " + std::to_string(f.value) + " tokens";
    case Fix::Kind::QuantizedKv: return "Use a q8_0 KV cache";
    case Fix::Kind::MoreGpus: return "Use " + std::to_string(f.value) + (f.value == 1 ? " GPU" : " GPUs");
    }
    return "";
}

} // namespace headroom::options
