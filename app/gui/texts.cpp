// SPDX-License-Identifier: GPL-3.0-or-later
#include "texts.h"

#include <headroom/speed.h>

#include <QLocale>
#include <QStringList>

namespace headroom::gui {
namespace {

QString joined(const std::vector<std::string> &items)
{
    QStringList out;
    for (const auto &s : items)
        out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

QString Texts::decodeSpeed(const Placement &p)
{
    const double tps = p.decodeTokensPerSecond;
    if (tps <= 0)
        return {};
    const QString n = number(tps, tps < 10 ? 1 : 0);
    // tests/data/speed.csv measured full offloads only: partial offload and CPU-only speeds carry no range.
    if (!speedIsCalibrated(p))
        return tr("decode \u2248 %1 tokens/s").arg(n);
    return tr("decode \u2248 %1 tokens/s (usually within \u00b1%2 %)").arg(n, number(kDecodeUsualError * 100, 0));
}

QString Texts::prefillSpeed(const Placement &p)
{
    const double tps = p.prefillTokensPerSecond;
    if (tps <= 0)
        return {};
    const double first = secondsToFirstToken(p, p.ctx);
    return tr("prompt \u2248 %1 tokens/s (half of measured runs within \u00b1%2 %; a %3-token prompt: first token after \u2248 %4 s)")
        .arg(number(tps, tps < 10 ? 1 : 0), number(kPrefillMedianError * 100, 0), tokens(p.ctx), number(first, first < 10 ? 1 : 0));
}

QString Texts::verdict(Verdict v)
{
    switch (v) {
    case Verdict::Fits: return tr("Fits");
    case Verdict::Tight: return tr("Tight fit");
    case Verdict::PartialOffload: return tr("Partial offload");
    case Verdict::DoesNotFit: return tr("Does not fit");
    }
    return {};
}

QString Texts::notice(Notice n)
{
    switch (n) {
    case Notice::KvQuantNeedsFlashAttn: return tr("A quantized KV cache needs flash attention; the engine keeps it at f16.");
    case Notice::CtxAboveModelMax: return tr("The context is beyond the model's trained maximum.");
    case Notice::ParallelAutoReduced: return tr("The engine's default parallel slots did not fit; it falls back to 1.");
    case Notice::EngineCannotOffload: return tr("This engine cannot offload layers to system RAM.");
    case Notice::TensorParallelUneven: return tr("The GPU count does not divide the attention heads; vLLM refuses this split.");
    case Notice::MlaExpandedCache: return tr("This engine version stores DeepSeek's MLA cache per head (tens of times larger).");
    case Notice::HostRamUnknown: return tr("Offloaded layers need system RAM; enter your RAM to check it.");
    case Notice::CtxFitted:
        return tr("The engine fits its default context to the free memory (llama.cpp --fit); set a context to choose one.");
    case Notice::MetalMapsHostLayers:
        return tr(
            "On a Mac, llama.cpp maps the model file from the GPU's first tensor to its last, so the layers and experts left in RAM count "
            "against the GPU as well; loading without mmap (--no-mmap) gives the GPU its own layers alone.");
    case Notice::FlashAttnUnsupported: return tr("This engine version turns flash attention off for this model; it runs without it.");
    }
    return {};
}

QString Texts::fix(const Fix &f)
{
    switch (f.kind) {
    case Fix::Kind::SmallerQuant: return tr("Use %1").arg(q(f.quant));
    case Fix::Kind::ShorterContext: return tr("Shorten the context to %1 tokens").arg(tokens(f.value));
    case Fix::Kind::QuantizedKv: return tr("Use a q8_0 KV cache");
    case Fix::Kind::MoreGpus: return tr("Use %n GPU(s)", nullptr, static_cast<int>(f.value));
    }
    return {};
}

QString Texts::resolveError(const ResolveError &e)
{
    using C = ResolveError::Code;
    const QString value = q(e.value);
    const QString hint = e.suggestions.empty() ? QString() : tr(" (did you mean: %1?)").arg(joined(e.suggestions));
    switch (e.code) {
    case C::UnknownModel: return tr("Unknown model \u201c%1\u201d").arg(value) + hint;
    case C::UnknownQuant: return tr("Unknown quantization \u201c%1\u201d").arg(value) + hint;
    case C::UnknownEngine: return tr("Unknown engine \u201c%1\u201d").arg(value) + hint;
    case C::UnknownGpu: return tr("Unknown GPU or Mac \u201c%1\u201d").arg(value) + hint;
    case C::UnknownKvType: return tr("Unknown KV cache type \u201c%1\u201d").arg(value);
    case C::BadEngineVersion: return tr("\u201c%1\u201d is not an engine version (e.g. %2)").arg(value, joined(e.suggestions));
    case C::QuantNotForEngine: return tr("%1 is not loaded by this engine (engines that load it: %2)").arg(value, joined(e.suggestions));
    case C::NoLayoutForQuant: return tr("Headroom cannot lay out %1 for this model").arg(value);
    case C::GpuCountNeedsOneGpu: return tr("A GPU count needs exactly one GPU model");
    case C::KvTypeNotForEngine:
        return tr("KV cache type \u201c%1\u201d is not offered by this engine (expected: %2)").arg(value, joined(e.suggestions));
    case C::InvalidRequest:
        if (e.problem && e.problem->code == RequestProblem::Code::EngineCannotLoadModel)
            return tr("This engine version cannot load the %1 architecture; the first version that does is %2.")
                .arg(value, joined(e.suggestions));
        if (e.problem && e.problem->code == RequestProblem::Code::EngineCannotLoadDevice && e.field == "host")
            return tr("This engine needs a GPU: it cannot run every layer from system RAM. Choose a GPU, or llama.cpp, Ollama or "
                      "Transformers for a CPU-only machine.");
        if (e.problem && e.problem->code == RequestProblem::Code::EngineCannotLoadDevice)
            return tr("The MLX engine runs on Apple Silicon only; choose a Mac.");
        if (e.problem && e.problem->code == RequestProblem::Code::TooLarge)
            return tr("%1 is too large: context \u00d7 parallel may be at most %2 tokens").arg(q(e.field), tokens(kMaxContext));
        return tr("Invalid value for %1: %2").arg(q(e.field), value);
    }
    return {};
}

QString Texts::catalogError(const CatalogError &e)
{
    using P = CatalogError::Problem;
    QString where = tr("file %1").arg(q(e.file));
    if (!e.entry.empty())
        where += tr(", entry \u201c%1\u201d").arg(q(e.entry));
    if (!e.field.empty())
        where += tr(", field \u201c%1\u201d").arg(q(e.field));
    const QString detail = q(e.detail);
    switch (e.problem) {
    case P::Unreadable: return tr("Cannot read the catalog %1.").arg(where);
    case P::Syntax: return tr("The catalog %1 is not valid JSON: %2").arg(where, detail);
    case P::Missing: return tr("The catalog %1 lacks a required field.").arg(where);
    case P::WrongType: return tr("The catalog %1 has a value of the wrong type: %2").arg(where, detail);
    case P::BadValue: return tr("The catalog %1 has an invalid value: %2").arg(where, detail);
    case P::DuplicateId: return tr("The catalog %1 repeats an id: %2").arg(where, detail);
    case P::UnknownReference: return tr("The catalog %1 refers to something that does not exist: %2").arg(where, detail);
    case P::UnknownField: return tr("The catalog %1 has a field Headroom does not know (a typo?).").arg(where);
    }
    return {};
}

QString Texts::ioError(const io::IoError &e)
{
    using C = io::IoError::Code;
    QString what;
    switch (e.code) {
    case C::CannotOpen: what = tr("cannot open the file"); break;
    case C::BadMagic: what = tr("not a GGUF file"); break;
    case C::BadVersion: what = tr("unsupported GGUF version"); break;
    case C::Truncated: what = tr("the file ends early"); break;
    case C::TooLarge: what = tr("a size or count is larger than the file"); break;
    case C::BadValueType: what = tr("unknown metadata value type"); break;
    case C::NestedArray: what = tr("nested metadata array"); break;
    case C::BadTensorInfo: what = tr("invalid tensor description"); break;
    case C::UnknownTensorType: what = tr("unknown tensor type"); break;
    case C::TensorOutOfBounds: what = tr("tensor data lies beyond the end of the file"); break;
    case C::BadAlignment: what = tr("invalid alignment"); break;
    case C::MissingKey: what = tr("a required key is missing"); break;
    case C::WrongKeyType: what = tr("a key has the wrong type"); break;
    case C::BadSplit: what = tr("a part of the split model is missing or does not match"); break;
    case C::BadJson: what = tr("invalid JSON"); break;
    case C::UnknownFormat: what = tr("not a model file or folder (.gguf, config.json, safetensors)"); break;
    }
    const QString detail = e.detail.empty() ? QString() : QStringLiteral(" (%1)").arg(q(e.detail));
    return tr("%1: byte %2: %3").arg(q(e.file), QLocale().toString(static_cast<qulonglong>(e.offset)), what) + detail;
}

QString Texts::number(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString Texts::gib(double value)
{
    return tr("%1 GiB").arg(number(value, 2));
}

QString Texts::tokens(std::uint32_t n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString Texts::paramsText(std::uint64_t params)
{
    const double b = static_cast<double>(params) / 1e9;
    if (b >= 1.0)
        return tr("%1B").arg(number(b, b >= 100 ? 0 : 1));
    return tr("%1M").arg(number(b * 1000.0, 0));
}

QString Texts::skill(Skill s)
{
    switch (s) {
    case Skill::Knowledge: return tr("knowledge");
    case Skill::Reasoning: return tr("reasoning");
    case Skill::Math: return tr("maths");
    case Skill::Coding: return tr("coding");
    case Skill::Instruction: return tr("instruction following");
    }
    return {};
}

QString Texts::qualityGap(QualityGap g, const QString &metricName)
{
    switch (g) {
    case QualityGap::NoScore: return tr("no score in %1").arg(metricName);
    case QualityGap::NotMeasured: return tr("no measurement of what fits: no study measured its quantization");
    case QualityGap::MeasuredOnLarger: return tr("recovery measured only on larger models, which lose less");
    }
    return {};
}

} // namespace headroom::gui
