// SPDX-License-Identifier: GPL-3.0-or-later
// A Hugging Face model folder: config.json for the architecture, the safetensors headers for the exact
// tensors (huggingface/transformers modeling_<type>.py names: model.layers.N.*, .experts.E.*).
#include "headroom/io/hf_model.h"

#include "headroom/io/bounded_json.h"
#include "headroom/io/file_access.h"
#include "headroom/units.h"

#include <algorithm>
#include <charconv>
#include <string_view>
#include <system_error>

namespace headroom::io {
namespace {

int hfLayerOf(const std::string &name, std::uint32_t layers)
{
    if (name.find("embed_tokens") != std::string::npos || name.find("wte.") != std::string::npos ||
        name.find("word_embeddings") != std::string::npos)
        return -1;
    for (const char *marker : {".layers.", ".h.", ".blocks.", "layers."}) {
        const auto at = name.find(marker);
        if (at == std::string::npos || (marker[0] == 'l' && at != 0))
            continue;
        const char *begin = name.data() + at + std::char_traits<char>::length(marker);
        const char *end = name.data() + name.size();
        std::uint32_t n = 0;
        const auto [ptr, ec] = std::from_chars(begin, end, n);
        if (ec == std::errc() && ptr != begin)
            return static_cast<int>(std::min(n, layers));
    }
    return static_cast<int>(layers);
}

/**
 * Our id for an unquantized checkpoint stored as `dtype` (the dtype holding most parameters); nullopt
 * for anything else. The file's dtype wins over config.json's torch_dtype, which names the dtype the
 * model was trained or saved in, not necessarily the one on disk.
 */
std::optional<std::string> unquantizedIdFor(const SafetensorsHeader &h)
{
    const auto most = std::max_element(h.parametersPerDtype.begin(), h.parametersPerDtype.end(),
                                       [](const auto &a, const auto &b) { return a.second < b.second; });
    if (most == h.parametersPerDtype.end())
        return std::nullopt;
    if (most->first == "BF16")
        return "hf-bf16";
    if (most->first == "F16")
        return "fp16";
    if (most->first == "F32")
        return "hf-f32";
    return std::nullopt;
}

bool isUnquantizedId(const std::string &quant)
{
    return quant == "hf-bf16" || quant == "fp16" || quant == "hf-f32";
}

} // namespace

TensorInventory safetensorsInventory(const SafetensorsHeader &header, const ModelSpec &spec)
{
    TensorInventory inv;
    inv.exact = true;
    inv.layers = spec.layers;
    if (spec.isMoe()) {
        inv.experts = spec.moe->experts;
        inv.expertsUsed = spec.moe->expertsUsed;
    }
    inv.tensors.reserve(header.tensors.size());
    for (const auto &st : header.tensors) {
        Tensor t;
        t.name = st.name;
        t.layer = hfLayerOf(st.name, spec.layers);
        const std::size_t n = st.shape.size();
        t.ne = {n >= 1 ? st.shape[n - 1] : 1, n >= 2 ? st.shape[n - 2] : 1, 1};
        for (std::size_t i = 0; i + 2 < n; ++i)
            t.ne[2] = saturatingMul(t.ne[2], st.shape[i]);
        t.storage = st.dtype;
        t.bytes = st.end - st.begin;
        t.routedExpert = st.name.find(".experts.") != std::string::npos;
        inv.tensors.push_back(std::move(t));
    }
    return inv;
}

std::variant<HfModel, IoError> readHfFolder(const std::filesystem::path &dir)
{
    const auto configPath = dir / "config.json";
    auto text = readTextFile(configPath, kMaxConfigJson);
    if (auto *e = std::get_if<IoError>(&text))
        return *e;
    auto cfg = parseHfConfig(std::get<std::string>(text), configPath.string());
    if (auto *e = std::get_if<IoError>(&cfg))
        return *e;
    HfModel out;
    out.spec = std::move(std::get<HfConfig>(cfg).spec);
    out.quant = std::get<HfConfig>(cfg).quant;
    out.spec.id = dir.filename().string();
    if (out.spec.id.empty())
        out.spec.id = dir.parent_path().filename().string();
    auto weights = readSafetensorsFolder(dir);
    if (auto *e = std::get_if<IoError>(&weights))
        return *e;
    auto &w = std::get<SafetensorsHeader>(weights);
    if (!w.tensors.empty()) {
        out.inventory = safetensorsInventory(w, out.spec);
        out.spec.params = w.parameters;
        if (out.spec.isMoe())
            out.spec.activeParams = out.inventory->activeParameterCount();
        if (isUnquantizedId(out.quant))
            out.quant = unquantizedIdFor(w).value_or(out.quant);
        out.weights = std::move(w);
    }
    return out;
}

} // namespace headroom::io
