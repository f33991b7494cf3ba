// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_texts.h"

#include "texts.h"

#include <explain_names.h>

#include <headroom/engine_profile.h>
#include <headroom/kv_type.h>

#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace headroom::gui {
namespace {

QString count(std::uint64_t n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

/** Sizes of parts are listed one by one up to this many; more read as "the sum of N parts". */
constexpr std::size_t kListedParts = 4;
/** Counted terms a tooltip lists before "and N more". */
constexpr int kTooltipTerms = 5;

} // namespace

QString ExplainTexts::size(Bytes b)
{
    if (b < KiB)
        return b == 1 ? tr("1 byte") : tr("%1 bytes").arg(count(b));
    if (b < MiB)
        return tr("%1 KiB").arg(Texts::number(static_cast<double>(b) / static_cast<double>(KiB), 1));
    if (b < GiB) {
        const double mib = static_cast<double>(b) / static_cast<double>(MiB);
        return tr("%1 MiB").arg(Texts::number(mib, mib < 100 ? 1 : 0));
    }
    return Texts::gib(toGiB(b));
}

QString ExplainTexts::exactBytes(Bytes b)
{
    return b == 1 ? tr("1 byte") : tr("%1 bytes").arg(count(b));
}

QString ExplainTexts::role(TensorRole r)
{
    switch (r) {
    case TensorRole::Embedding: return tr("Token embeddings");
    case TensorRole::Output: return tr("Output layer");
    case TensorRole::Attention: return tr("Attention");
    case TensorRole::FeedForward: return tr("Feed-forward (MLP)");
    case TensorRole::RoutedExperts: return tr("Routed experts");
    case TensorRole::SharedExperts: return tr("Shared experts");
    case TensorRole::Router: return tr("Expert router");
    case TensorRole::Recurrent: return tr("Recurrent mixer");
    case TensorRole::Norm: return tr("Norms and biases");
    case TensorRole::Other: return tr("Other tensors");
    }
    return {};
}

QString ExplainTexts::term(const ExplainTerm &t)
{
    const QString type = q(t.type);
    QString name;
    switch (t.kind) {
    case TermKind::WeightGroup: {
        const QString tensors = t.count == 1 ? tr("1 tensor") : tr("%1 tensors").arg(count(t.count));
        return type.isEmpty() ? tr("%1: %2").arg(role(t.role), tensors) : tr("%1: %2 in %3").arg(role(t.role), tensors, type);
    }
    case TermKind::OutputWeight:
        return type.isEmpty() ? tr("Output layer %1").arg(q(t.label)) : tr("Output layer %1 in %2").arg(q(t.label), type);
    case TermKind::TokenEmbedding:
        return type.isEmpty() ? tr("Token embeddings %1").arg(q(t.label)) : tr("Token embeddings %1 in %2").arg(q(t.label), type);
    case TermKind::TiedOutput: return tr("Output layer: the token embeddings loaded again (tied weights)");
    case TermKind::MappedFromHost:
        return tr("Kept on the CPU but inside the file range Metal maps for the GPU (llama.cpp maps from its first tensor to its last)");
    case TermKind::KvAttention: name = tr("Full-attention layers"); break;
    case TermKind::KvSlidingWindow: name = tr("Sliding-window layers"); break;
    case TermKind::KvLayerHeads: name = tr("Attention layers with their own KV head count"); break;
    case TermKind::KvMlaLatent: name = tr("MLA latent (compressed keys and values)"); break;
    case TermKind::KvMlaLatentValue: name = tr("MLA latent stored again as V"); break;
    case TermKind::KvMlaExpanded: name = tr("MLA expanded to per-head K and V"); break;
    case TermKind::KvIndexer: name = tr("Sparse-attention indexer keys"); break;
    case TermKind::RecurrentState: name = tr("Recurrent state of the linear-attention or state-space blocks"); break;
    case TermKind::ContextCheckpoints: name = tr("Context checkpoints (llama-server)"); break;
    case TermKind::AttentionScratch: name = tr("Attention scratch"); break;
    case TermKind::FfnScratch: name = tr("FFN scratch"); break;
    case TermKind::OutputLogits: name = tr("Output logits"); break;
    case TermKind::HostBuffers: name = tr("Host input buffers"); break;
    case TermKind::PipelineCopies: name = tr("Pipeline-parallel copies of the split inputs"); break;
    case TermKind::ProfilePass: name = tr("vLLM's profile run"); break;
    case TermKind::SamplerPass: name = tr("vLLM's profile sampling (top-k, top-p)"); break;
    case TermKind::PrefillPass: name = tr("One prefill pass"); break;
    case TermKind::GraphPeak: name = tr("Peak of the graph Ollama's own engine reserves"); break;
    case TermKind::WeightCopy: name = tr("Copy of a weight kept in system RAM (op offload)"); break;
    case TermKind::KqMatrix: name = tr("Attention scores (KQ, F32)"); break;
    case TermKind::AttentionMask: name = tr("Attention mask"); break;
    case TermKind::HiddenRows: name = tr("Hidden-state rows"); break;
    case TermKind::AttentionRows: name = tr("Attention activation rows"); break;
    case TermKind::KvDequantized: name = tr("F16 copy of one layer's quantized K and V"); break;
    case TermKind::FfnActivations: name = tr("FFN activations"); break;
    case TermKind::Activations: name = tr("Activations"); break;
    case TermKind::Logits: name = tr("Logits"); break;
    case TermKind::EmbeddingGather: name = tr("Gathered token embeddings"); break;
    case TermKind::RuntimeOverhead: name = tr("Runtime context (CUDA, ROCm or Metal, and the framework)"); break;
    case TermKind::ProjectorWeights: name = tr("Vision encoder and projector weights"); break;
    case TermKind::ProjectorCompute: name = tr("Vision encoder's compute buffer (one image)"); break;
    case TermKind::ProjectorImage: name = tr("The image itself (F32)"); break;
    case TermKind::RankShareRounding: name = tr("Rounding of the tensor-parallel shares"); break;
    }
    return type.isEmpty() ? name : tr("%1 (%2)").arg(name, type);
}

QString ExplainTexts::factor(const ExplainFactor &f)
{
    const QString n = count(f.value);
    const bool one = f.value == 1;
    switch (f.code) {
    case Factor::Layers: return one ? tr("1 layer") : tr("%1 layers").arg(n);
    case Factor::KvHeads: return one ? tr("1 KV head") : tr("%1 KV heads").arg(n);
    case Factor::HeadDim: return tr("%1 dims").arg(n);
    case Factor::Elements: return tr("%1 elements").arg(n);
    case Factor::KAndV: return tr("(K+V)");
    case Factor::KeyRow: return tr("(K)");
    case Factor::ValueRow: return tr("(V)");
    case Factor::ElementBytes: return one ? tr("1 byte") : tr("%1 bytes").arg(n);
    case Factor::Blocks: return one ? tr("1 block") : tr("%1 blocks").arg(n);
    case Factor::BlockElements: return tr("%1 elements per block").arg(n);
    case Factor::BlockBytes: return tr("%1 bytes per block").arg(n);
    case Factor::RowBytes: return tr("%1 bytes per row").arg(n);
    case Factor::Cells: return tr("%1 cached tokens").arg(n);
    case Factor::Tokens: return one ? tr("1 token") : tr("%1 tokens").arg(n);
    case Factor::Sequences: return one ? tr("1 sequence") : tr("%1 sequences").arg(n);
    case Factor::Window: return tr("a %1-token window").arg(n);
    case Factor::Padding: return tr("padded to a multiple of %1").arg(n);
    case Factor::LatentDims: return tr("%1 latent dims").arg(n);
    case Factor::RopeDims: return tr("%1 RoPE dims").arg(n);
    case Factor::Heads: return tr("%1 heads").arg(n);
    case Factor::Hidden: return tr("hidden size %1").arg(n);
    case Factor::FfnWidth: return tr("FFN width %1").arg(n);
    case Factor::Vocab: return tr("vocabulary %1").arg(n);
    case Factor::Rows: return one ? tr("1 row") : tr("%1 rows").arg(n);
    case Factor::Checkpoints: return one ? tr("1 checkpoint") : tr("%1 checkpoints").arg(n);
    case Factor::StateBytes: return tr("%1 bytes of state").arg(n);
    case Factor::HeaderBytes: return tr("%1 bytes of headers").arg(n);
    case Factor::ConvRows: return tr("%1 convolution-state elements").arg(n);
    case Factor::SsmState: return tr("%1 SSM-state elements").arg(n);
    case Factor::Ranks: return tr("%1 GPUs").arg(n);
    case Factor::Patches: return tr("%1 patches").arg(n);
    case Factor::ImageSide: return tr("%1 pixels a side").arg(n);
    case Factor::Channels: return tr("%1 colour channels").arg(n);
    case Factor::Mebibytes: return tr("%1 MiB").arg(n);
    case Factor::WholeBytes: return tr("%1 bytes in all").arg(n);
    case Factor::Scale: return n;
    case Factor::Replicas: return tr("held whole on each of %1 GPUs").arg(n);
    case Factor::Copies: return tr("%1 more copies").arg(n);
    }
    return n;
}

QString ExplainTexts::arithmetic(const ExplainTerm &t)
{
    QString out;
    QStringList details;
    for (const ExplainFactor &f : t.factors) {
        if (f.use == FactorUse::Detail) {
            details << factor(f);
            continue;
        }
        if (!out.isEmpty() || f.use == FactorUse::Divide)
            out += f.use == FactorUse::Divide ? QStringLiteral(" \u00f7 ") : QStringLiteral(" \u00d7 ");
        out += factor(f);
    }
    if (!t.isProduct() && !t.parts.empty()) {
        QStringList sizes;
        for (const ExplainTerm &p : t.parts)
            sizes << size(p.bytes);
        out = t.parts.size() <= kListedParts ? sizes.join(QStringLiteral(" + ")) : tr("the sum of %1 parts").arg(t.parts.size());
    }
    if (!details.isEmpty())
        out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + tr("(%1)").arg(details.join(tr(", ")));
    if (!t.source.empty())
        out += (out.isEmpty() ? QString() : QStringLiteral(" \u00b7 ")) + tr("source: %1").arg(q(t.source));
    return out;
}

QString ExplainTexts::input(InputCode input)
{
    // The options the window has no control for are named as the CLI spells them (the flag is the options
    // library's, which both front ends parse).
    const char *cliFlag = options::inputFlag(input);
    const QString flag = cliFlag ? QString::fromLatin1(cliFlag) : QString();
    switch (input) {
    case InputCode::None: return {};
    case InputCode::Ctx: return tr("Context length");
    case InputCode::Parallel: return tr("Parallel sequences");
    case InputCode::Batch: return tr("Batch size (headroom-cli %1)").arg(flag);
    case InputCode::Ubatch: return tr("Forward-pass size (headroom-cli %1)").arg(flag);
    case InputCode::FlashAttn: return tr("Flash attention");
    case InputCode::KvType: return tr("KV cache type");
    case InputCode::GpuLayers: return tr("GPU layers (headroom-cli %1)").arg(flag);
    case InputCode::Ram: return tr("System RAM");
    case InputCode::Spread: return tr("Spread over every GPU (headroom-cli %1)").arg(flag);
    case InputCode::Vision: return tr("Vision projector");
    case InputCode::Engine: return tr("Engine");
    case InputCode::EngineVersion: return tr("Engine version");
    case InputCode::Gpu: return tr("Hardware");
    }
    return {};
}

QString ExplainTexts::changeWith(InputCode code)
{
    const QString what = input(code);
    return what.isEmpty() ? QString() : tr("Change with: %1").arg(what);
}

QString ExplainTexts::assumption(const Assumption &a, const std::function<QString(int)> &deviceName)
{
    const QString v = count(a.value);
    const auto bytes = [](std::uint64_t b) { return size(b); };
    switch (a.code) {
    case AssumptionCode::ContextDefault: return tr("Context: the engine's default, %1 tokens per sequence").arg(v);
    case AssumptionCode::ContextByVram: return tr("Context: %1 tokens, the engine's default for %2 of VRAM").arg(v, bytes(a.detail));
    case AssumptionCode::ContextModelMax: return tr("Context: the model's trained maximum, %1 tokens").arg(v);
    case AssumptionCode::ContextConversation:
        return tr("Context: a conversation of %1 tokens (this engine allocates the cache as it grows)").arg(v);
    case AssumptionCode::ContextFitted:
        return tr("Context: the engine's default of %1 tokens, lowered to %2 so that it fits (llama.cpp --fit)").arg(count(a.detail), v);
    case AssumptionCode::ParallelDefault: return tr("Parallel sequences: the engine's default, %1").arg(v);
    case AssumptionCode::ParallelAutoReduced: return tr("Parallel sequences: the engine's automatic choice did not fit and fell back to 1");
    case AssumptionCode::ParallelUnifiedCache: return tr("The %1 default slots share one cache of the context's size").arg(v);
    case AssumptionCode::KvPoolOneSequence: return tr("The KV cache pool is sized for one sequence of the full context");
    case AssumptionCode::ForwardTokens: return tr("The largest forward pass holds %1 tokens").arg(v);
    case AssumptionCode::FlashAttnDefault:
        return a.value ? tr("Flash attention: on, as this engine version decides")
                       : tr("Flash attention: off, as this engine version decides");
    case AssumptionCode::KvTypeDefault: return tr("KV cache type: %1").arg(QString::fromLatin1(kvTypeName(static_cast<KvType>(a.value))));
    case AssumptionCode::KvQuantNeedsFlashAttn: return Texts::notice(Notice::KvQuantNeedsFlashAttn);
    case AssumptionCode::MlaCache:
        switch (static_cast<MlaCache>(a.value)) {
        case MlaCache::Latent: return tr("DeepSeek MLA: this engine version caches the compressed latent only");
        case MlaCache::LatentKv: return tr("DeepSeek MLA: this engine version caches the latent and stores it again as V");
        case MlaCache::Expanded: return tr("DeepSeek MLA: this engine version caches full K and V per head (tens of times larger)");
        }
        return {};
    case AssumptionCode::IndexerCache:
        return static_cast<IndexerCache>(a.value) == IndexerCache::Fp8Scaled
                   ? tr("Sparse-attention indexer keys: fp8 with one scale per 128 elements")
                   : tr("Sparse-attention indexer keys: stored in the KV cache's type");
    case AssumptionCode::SlidingWindowCache:
        return static_cast<SwaCache>(a.value) == SwaCache::Window
                   ? tr("Sliding-window layers keep only their window of %1 tokens").arg(count(a.detail))
                   : tr("Sliding-window layers keep the whole context in this engine");
    case AssumptionCode::RecurrentStateType:
        return tr("Recurrent state stored as %1").arg(QString::fromLatin1(kvTypeName(static_cast<KvType>(a.value))));
    case AssumptionCode::CtxCheckpoints: return tr("llama-server keeps %1 context checkpoints per slot in system RAM").arg(v);
    case AssumptionCode::OwnEngineGraph:
        return tr("Ollama runs this model on its own engine: the compute buffers are the graph that engine reserves");
    case AssumptionCode::DeviceReserve: return tr("The engine keeps %1 free on %2").arg(bytes(a.value), deviceName(a.device));
    case AssumptionCode::GpuMemoryUtilization:
        return tr("vLLM fills %1 % of %2 (gpu_memory_utilization)")
            .arg(Texts::number(static_cast<double>(a.value) / 10.0, 1), deviceName(a.device));
    case AssumptionCode::AppleWiredLimit:
        return a.detail ? tr("The Mac's GPU may use %1 of the unified memory (measured)").arg(bytes(a.value))
                        : tr("The Mac's GPU may use %1 of the unified memory (macOS's default limit)").arg(bytes(a.value));
    case AssumptionCode::GpuLimit: return tr("This GPU shares system RAM; its driver lets it use %1").arg(bytes(a.value));
    case AssumptionCode::FitMargin: return tr("llama.cpp --fit keeps %1 free on each device while placing layers").arg(bytes(a.value));
    case AssumptionCode::LayersFitted: return tr("%1 of %2 layers on the GPUs: as many as fit").arg(v, count(a.detail));
    case AssumptionCode::FewestDevices: return tr("The engine uses the fewest GPUs that hold the model: %1 of %2").arg(v, count(a.detail));
    case AssumptionCode::TensorParallelSplit: return tr("Every layer is split over %1 GPUs (tensor parallel)").arg(v);
    case AssumptionCode::LayerSplitByMemory: return tr("Layers are split over %1 devices in proportion to their memory").arg(v);
    case AssumptionCode::EmbeddingsOnHost: return tr("The token-embedding table stays in system RAM (llama.cpp)");
    case AssumptionCode::VisionDefault:
        return a.value ? tr("The vision projector is loaded, the engine's default")
                       : tr("The vision projector is not loaded, the engine's default");
    case AssumptionCode::HostBandwidthDefault:
        return tr("System RAM bandwidth assumed for the decode speed: %1 GB/s")
            .arg(Texts::number(static_cast<double>(a.value) / 1000.0, 1));
    case AssumptionCode::HostRamUnknown: return tr("System RAM not given: what the host holds is not checked against it");
    case AssumptionCode::BandwidthEfficiency: return tr("The decode speed assumes %1 % of the datasheet memory bandwidth").arg(v);
    }
    return {};
}

QString ExplainTexts::units(const std::vector<UnitRun> &runs, std::uint32_t units)
{
    // llama.cpp's counting: blocks 0..units-2, then the output layer as the last unit.
    const std::uint32_t blocks = units > 0 ? units - 1 : 0;
    QStringList parts;
    bool output = false;
    for (const UnitRun &r : runs) {
        const std::uint32_t to = std::min(r.to, blocks);
        output = output || r.to > blocks;
        if (to == r.from + 1)
            parts << tr("layer %1").arg(r.from);
        else if (to > r.from)
            parts << tr("layers %1\u2013%2").arg(r.from).arg(to - 1);
    }
    if (output)
        parts << tr("the output layer");
    return parts.join(tr(", "));
}

QString ExplainTexts::summary(const SegmentExplanation &s)
{
    QStringList lines;
    int listed = 0, more = 0;
    QStringList notCounted;
    for (const ExplainTerm &t : s.terms) {
        if (!t.counted) {
            notCounted << tr("%1 %2").arg(term(t).toHtmlEscaped(), size(t.bytes));
            continue;
        }
        if (listed == kTooltipTerms) {
            ++more;
            continue;
        }
        ++listed;
        const QString how = arithmetic(t);
        lines << (how.isEmpty() ? tr("%1: %2").arg(term(t).toHtmlEscaped(), size(t.bytes))
                                : tr("%1: %2 = %3").arg(term(t).toHtmlEscaped(), size(t.bytes), how.toHtmlEscaped()));
    }
    if (more > 0)
        lines << tr("\u2026 and %1 more").arg(more);
    if (!notCounted.isEmpty())
        lines << tr("The largest candidate counts; not counted: %1").arg(notCounted.join(tr(", ")));
    return lines.join(QStringLiteral("<br/>"));
}

} // namespace headroom::gui
