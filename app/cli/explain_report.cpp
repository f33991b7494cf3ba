// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_report.h"

#include <explain_names.h>

#include <cstdio>
#include <string>
#include <vector>

namespace headroom::cli {
namespace {

/** 8192 -> "8,192". */
std::string grouped(std::uint64_t n)
{
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string printf1(const char *format, double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

/** A size as people read it: "448 MiB" when exact, "426.02 MiB", "4.36 GiB", "884 B". */
std::string size(Bytes b)
{
    if (b >= GiB)
        return printf1("%.2f GiB", static_cast<double>(b) / static_cast<double>(GiB));
    if (b >= MiB)
        return b % MiB == 0 ? grouped(b / MiB) + " MiB" : printf1("%.2f MiB", static_cast<double>(b) / static_cast<double>(MiB));
    if (b >= KiB)
        return b % KiB == 0 ? grouped(b / KiB) + " KiB" : printf1("%.2f KiB", static_cast<double>(b) / static_cast<double>(KiB));
    return grouped(b) + " B";
}

const char *roleWords(TensorRole r)
{
    switch (r) {
    case TensorRole::Embedding: return "token embeddings";
    case TensorRole::Output: return "output layer";
    case TensorRole::Attention: return "attention";
    case TensorRole::FeedForward: return "feed-forward";
    case TensorRole::RoutedExperts: return "routed experts";
    case TensorRole::SharedExperts: return "shared experts";
    case TensorRole::Router: return "expert router";
    case TensorRole::Recurrent: return "recurrent mixer";
    case TensorRole::Norm: return "norms and biases";
    case TensorRole::Other: return "other";
    }
    return "other";
}

/** One factor in words: "28 layers", "(K+V)", "2 bytes", "/ 32 values". */
std::string factorWords(const ExplainFactor &f, bool cellsAreTokens)
{
    const std::string n = grouped(f.value);
    switch (f.code) {
    case Factor::Layers: return n + (f.value == 1 ? " layer" : " layers");
    case Factor::KvHeads: return n + " KV heads";
    case Factor::HeadDim: return n + " dims";
    case Factor::Elements: return n + " values";
    case Factor::KAndV: return "(K+V)";
    case Factor::KeyRow: return "K";
    case Factor::ValueRow: return "V";
    case Factor::ElementBytes: return n + (f.value == 1 ? " byte" : " bytes");
    case Factor::Blocks: return n + " blocks";
    case Factor::BlockElements: return n + " values per block";
    case Factor::BlockBytes: return n + " bytes per block";
    case Factor::RowBytes: return n + " bytes each";
    case Factor::Cells: return n + (cellsAreTokens ? " tokens" : " cells (tokens x sequences)");
    case Factor::Tokens: return n + " tokens";
    case Factor::Sequences: return n + (f.value == 1 ? " sequence" : " sequences");
    case Factor::Window: return "window " + n;
    case Factor::Padding: return "padded to " + n;
    case Factor::LatentDims: return n + " latent dims";
    case Factor::RopeDims: return n + " rope dims";
    case Factor::Heads: return n + " heads";
    case Factor::Hidden: return n + " hidden";
    case Factor::FfnWidth: return n + " FFN width";
    case Factor::Vocab: return n + " vocabulary";
    case Factor::Rows: return n + (f.value == 1 ? " row" : " rows");
    case Factor::Checkpoints: return n + " checkpoints";
    case Factor::StateBytes: return size(f.value) + " of state per block";
    case Factor::HeaderBytes: return size(f.value) + " of headers";
    case Factor::ConvRows: return n + " convolution values";
    case Factor::SsmState: return n + " state values";
    case Factor::Ranks: return n + " ranks";
    case Factor::Patches: return n + " patches";
    case Factor::ImageSide: return n + " px";
    case Factor::Channels: return n + " channels";
    case Factor::Mebibytes: return n + " MiB";
    case Factor::WholeBytes: return size(f.value);
    case Factor::Scale: return n;
    case Factor::Replicas: return "whole on each of " + n + " ranks";
    case Factor::Copies: return n + " more copies";
    }
    return n;
}

std::string kindWords(const ExplainTerm &t)
{
    switch (t.kind) {
    case TermKind::WeightGroup:
        return std::string(roleWords(t.role)) + " (" + grouped(t.count) + (t.count == 1 ? " tensor, " : " tensors, ") + t.type + ")";
    case TermKind::OutputWeight: return t.label + " " + t.type;
    case TermKind::TokenEmbedding: return t.label + " " + t.type;
    case TermKind::TiedOutput: return t.label + " " + t.type + " again as the output layer (tied embeddings)";
    case TermKind::MappedFromHost: return "host tensors inside the file range Metal maps (first to last GPU tensor)";
    case TermKind::KvAttention: return "KV cache";
    case TermKind::KvSlidingWindow: return "KV cache, sliding-window layers";
    case TermKind::KvLayerHeads: return "KV cache, layers with their own KV heads";
    case TermKind::KvMlaLatent: return "MLA latent cache";
    case TermKind::KvMlaLatentValue: return "MLA latent stored again as V";
    case TermKind::KvMlaExpanded: return "MLA cache, decompressed per head";
    case TermKind::KvIndexer: return "DSA indexer keys";
    case TermKind::RecurrentState: return "recurrent state";
    case TermKind::ContextCheckpoints: return "context checkpoints (llama-server, in system RAM)";
    case TermKind::AttentionScratch: return "attention scratch";
    case TermKind::FfnScratch: return "FFN scratch";
    case TermKind::OutputLogits: return "output logits";
    case TermKind::HostBuffers: return "host buffers";
    case TermKind::PipelineCopies: return "pipeline-parallel copies of the split inputs";
    case TermKind::ProfilePass: return "vLLM profile pass";
    case TermKind::SamplerPass: return "vLLM profile sampling (top-k, top-p)";
    case TermKind::PrefillPass: return "prefill pass";
    case TermKind::GraphPeak: return "graph peak (Ollama's own engine)";
    case TermKind::WeightCopy: return "copy of a weight kept in RAM (op offload)";
    case TermKind::KqMatrix: return "attention scores";
    case TermKind::AttentionMask: return "attention mask";
    case TermKind::HiddenRows: return "hidden-state rows";
    case TermKind::AttentionRows: return "attention rows";
    case TermKind::KvDequantized: return "K and V dequantized for flash attention";
    case TermKind::FfnActivations: return "FFN activations";
    case TermKind::Activations: return "activations";
    case TermKind::Logits: return "logits";
    case TermKind::EmbeddingGather: return "gathered embeddings";
    case TermKind::RuntimeOverhead: return "runtime overhead";
    case TermKind::ProjectorWeights: return "vision projector weights";
    case TermKind::ProjectorCompute: return "vision encoder compute";
    case TermKind::ProjectorImage: return "raw image";
    case TermKind::RankShareRounding: return "rounding of this rank's shares";
    }
    return "term";
}

/** "label = 28 layers x ... = 448 MiB (window 1,024)", or "label: 426 MiB". */
std::string termLine(const ExplainTerm &t, bool cellsAreTokens)
{
    std::string text = kindWords(t);
    if ((t.kind >= TermKind::KvAttention && t.kind <= TermKind::ContextCheckpoints) && !t.type.empty() && t.type != "f16")
        text += " (" + t.type + ")";
    std::string details;
    if (t.isProduct()) {
        std::string product;
        for (const auto &f : t.factors) {
            if (f.use == FactorUse::Multiply)
                product += (product.empty() ? "" : " x ") + factorWords(f, cellsAreTokens);
            else if (f.use == FactorUse::Divide)
                product += " / " + factorWords(f, cellsAreTokens);
            else
                details += (details.empty() ? "" : ", ") + factorWords(f, cellsAreTokens);
        }
        text += " = " + product + " = " + size(t.bytes);
    } else {
        for (const auto &f : t.factors)
            if (f.code != Factor::Mebibytes) // the size itself, printed next
                details += (details.empty() ? "" : ", ") + factorWords(f, cellsAreTokens);
        text += ": " + size(t.bytes);
    }
    if (!details.empty())
        text += " (" + details + ")";
    return text;
}

void printTerm(std::ostream &out, const ExplainTerm &t, const std::string &indent, bool cellsAreTokens, bool candidate)
{
    out << indent << termLine(t, cellsAreTokens);
    if (candidate)
        out << (t.counted ? "  [counted: the largest]" : "  [not counted]");
    if (!t.source.empty())
        out << "\n" << indent << "  source: " << t.source;
    out << "\n";
    for (const auto &p : t.parts)
        printTerm(out, p, indent + "  ", cellsAreTokens, false);
}

std::string unitsWords(const DeviceExplanation &d, std::uint32_t blocks, bool tensorParallel)
{
    if (tensorParallel && !d.host)
        return "a share of every layer (tensor parallel)";
    std::string s;
    for (const auto &r : d.units) {
        const std::uint32_t last = std::min(r.to, blocks);
        std::string part;
        if (r.from < last)
            part = r.from + 1 == last ? "block " + std::to_string(r.from)
                                      : "blocks " + std::to_string(r.from) + "-" + std::to_string(last - 1);
        if (r.to > blocks)
            part += part.empty() ? "the output layer" : " and the output layer";
        s += (s.empty() ? "" : ", ") + part;
    }
    return s.empty() ? "no layers" : s;
}

/** Tokens of the forward pass the compute candidates were sized for (0 when they do not say). */
std::uint64_t passTokens(const SegmentExplanation &seg)
{
    for (const auto &t : seg.terms)
        if (isComputeCandidate(t.kind))
            for (const auto &p : t.parts)
                for (const auto &f : p.factors)
                    if (f.code == Factor::Tokens)
                        return f.value;
    return 0;
}

const char *segmentWords(Segment s)
{
    switch (s) {
    case Segment::Weights: return "weights";
    case Segment::KvCache: return "KV cache";
    case Segment::Compute: return "compute buffers";
    case Segment::Overhead: return "overhead";
    case Segment::Projector: return "vision projector";
    }
    return "";
}

void printDevice(std::ostream &out, const DeviceExplanation &d, int index, const ResolvedRequest &rr, const Placement &p)
{
    const std::uint32_t blocks = rr.request.model->layers;
    const bool tp = rr.request.engine->traits.devicePolicy == DevicePolicy::TensorParallel && !p.devices.empty();
    const bool cellsAreTokens = p.parallel <= 1;
    out << "\n"
        << (index >= 0 ? "GPU " + std::to_string(index) + ": " : std::string()) << d.name << " (" << unitsWords(d, blocks, tp) << ")\n";
    bool any = false;
    for (const Segment s : kSegments) {
        const auto &seg = d.segment(s);
        if (seg.bytes == 0 && seg.terms.empty())
            continue;
        any = true;
        out << "  " << segmentWords(s) << ": " << size(seg.bytes);
        const bool candidates = s == Segment::Compute;
        if (candidates) {
            std::size_t listed = 0;
            for (const auto &t : seg.terms)
                listed += isComputeCandidate(t.kind) ? 1U : 0U;
            if (listed > 1)
                out << ", the largest of " << listed << " candidates";
            if (const auto tokens = passTokens(seg))
                out << " at " << grouped(tokens) << " tokens per forward pass";
        }
        out << "\n";
        // A one-term segment whose term is the segment reads better on one line: "KV cache = ... = 448 MiB".
        for (const auto &t : seg.terms) {
            printTerm(out, t, "    ", cellsAreTokens, candidates && isComputeCandidate(t.kind));
            if (t.kind == TermKind::TokenEmbedding && d.host && rr.request.engine->traits.embeddingsOnHost)
                out << "      (" << rr.request.engine->name << " keeps the token-embedding table in system RAM)\n";
        }
    }
    if (!any)
        out << "  nothing\n";
}

std::string kvTypeWords(std::uint64_t v)
{
    return kvTypeName(static_cast<KvType>(v));
}

/** An assumption in words (without its source and option). */
std::string assumptionWords(const Assumption &a, const Placement &p)
{
    using A = AssumptionCode;
    const std::string device = a.device >= 0 && static_cast<std::size_t>(a.device) < p.devices.size()
                                   ? "GPU " + std::to_string(a.device) + " (" + p.devices[static_cast<std::size_t>(a.device)].name + "): "
                                   : std::string();
    switch (a.code) {
    case A::ContextDefault: return "context " + grouped(a.value) + " tokens per sequence, the engine's default";
    case A::ContextByVram:
        return "context " + grouped(a.value) + " tokens per sequence, the engine's default for " + size(a.detail) + " of total VRAM";
    case A::ContextModelMax:
        return "context " + grouped(a.value) + " tokens per sequence, the model's trained maximum (the engine's default)";
    case A::ContextConversation: return "context " + grouped(a.value) + " tokens: a conversation of that length (the cache grows with it)";
    case A::ContextFitted:
        return "context fitted down to " + grouped(a.value) + " tokens so that it fits (llama.cpp --fit; default " + grouped(a.detail) +
               ")";
    case A::ParallelDefault: return grouped(a.value) + " parallel sequence(s), the engine's default";
    case A::ParallelAutoReduced: return "the engine's " + grouped(a.detail) + " parallel slots did not fit: 1 slot";
    case A::ParallelUnifiedCache: return "the engine's " + grouped(a.value) + " slots share one cache of the context's size";
    case A::KvPoolOneSequence: return "the KV pool is sized for one full sequence";
    case A::ForwardTokens: return grouped(a.value) + " tokens per forward pass (sizes the compute buffers)";
    case A::FlashAttnDefault: return std::string("flash attention ") + (a.value ? "on" : "off") + ", as the engine version decides";
    case A::KvTypeDefault: return "KV cache stored as " + kvTypeWords(a.value);
    case A::KvQuantNeedsFlashAttn: return "KV " + kvTypeWords(a.value) + " needs flash attention: the engine keeps f16";
    case A::MlaCache: {
        const auto c = static_cast<MlaCache>(a.value);
        return std::string("MLA cached ") + (c == MlaCache::Latent     ? "as its latent, V a view of it"
                                             : c == MlaCache::LatentKv ? "as its latent, with the latent again as V"
                                                                       : "decompressed per head");
    }
    case A::IndexerCache:
        return std::string("DSA indexer keys cached ") +
               (static_cast<IndexerCache>(a.value) == IndexerCache::Fp8Scaled ? "as fp8 with fp32 scales" : "in the K cache type");
    case A::SlidingWindowCache:
        return std::string("sliding-window layers keep ") + (static_cast<SwaCache>(a.value) == SwaCache::Window
                                                                 ? "only their window (" + grouped(a.detail) + " tokens)"
                                                                 : "the whole context");
    case A::RecurrentStateType: return "recurrent state stored as " + kvTypeWords(a.value);
    case A::CtxCheckpoints: return grouped(a.value) + " context checkpoints per slot, in system RAM";
    case A::OwnEngineGraph: return "Ollama runs this model on its own engine: the compute buffers are the graph that engine reserves";
    case A::DeviceReserve: return device + size(a.value) + " kept free by the engine";
    case A::GpuMemoryUtilization:
        return device + "the engine fills " + printf1("%.1f", static_cast<double>(a.value) / 10.0) + " % of the memory";
    case A::AppleWiredLimit:
        return device + "GPU working-set limit " + size(a.value) + (a.detail ? " (measured)" : " (macOS's default rule)");
    case A::GpuLimit: return device + "the GPU may allocate " + size(a.value) + " of the shared memory";
    case A::FitMargin: return size(a.value) + " kept free on each GPU while fitting layers (llama.cpp --fit)";
    case A::LayersFitted: return grouped(a.value) + " of " + grouped(a.detail) + " layers on the GPUs: as many as fit";
    case A::FewestDevices: return "the fewest GPUs that hold the model: " + grouped(a.value) + " of " + grouped(a.detail);
    case A::TensorParallelSplit: return "every layer split over " + grouped(a.value) + " GPUs (tensor parallel)";
    case A::LayerSplitByMemory: return "layers split over " + grouped(a.value) + " GPUs in proportion to their usable memory";
    case A::EmbeddingsOnHost: return "the token-embedding table stays in system RAM";
    case A::VisionDefault:
        return std::string("vision projector ") + (a.value ? "loaded" : "not loaded") + ", as the engine does by default";
    case A::HostBandwidthDefault: return "system RAM bandwidth " + printf1("%.1f", static_cast<double>(a.value) / 1000.0) + " GB/s";
    case A::HostRamUnknown: return "system RAM not given: offloaded layers are not checked against it";
    case A::BandwidthEfficiency: return "decode reads memory at " + grouped(a.value) + " % of its datasheet bandwidth";
    }
    return "";
}

} // namespace

void printExplanation(std::ostream &out, const ResolvedRequest &rr, const Placement &p, const Explanation &e)
{
    out << "\nwhy these numbers (each segment's counted parts add up to it exactly; sizes in MiB = 2^20 bytes)\n";
    for (std::size_t i = 0; i < e.devices.size(); ++i)
        printDevice(out, e.devices[i], static_cast<int>(i), rr, p);
    printDevice(out, e.host, -1, rr, p);
    out << "\nassumptions (engine " << rr.request.engine->name << ", behaviour from " << e.engineVersion << ")\n";
    for (const auto &a : e.assumptions) {
        out << "  - " << assumptionWords(a, p);
        if (const char *flag = options::inputFlag(a.input))
            out << "  [change with " << flag << "]";
        out << "\n";
        out << "      source: " << (a.source.empty() ? std::string("Headroom") : a.source) << "\n";
    }
}

} // namespace headroom::cli
