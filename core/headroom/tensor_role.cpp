// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/tensor_role.h"

namespace headroom {
namespace {

bool contains(std::string_view s, std::string_view part)
{
    return s.find(part) != std::string_view::npos;
}

} // namespace

TensorRole tensorRole(std::string_view name)
{
    using R = TensorRole;
    if (name.starts_with("token_embd"))
        return R::Embedding;
    if (name.starts_with("output.") || name == "output")
        return R::Output;
    // Inside a block: drop "blk.N." so a role is read from the tensor's own part of the name.
    if (name.starts_with("blk.")) {
        const auto dot = name.find('.', 4);
        name = dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
    }
    if (contains(name, "norm"))
        return R::Norm;
    if (name.starts_with("ffn_gate_inp") || name.starts_with("exp_probs_b"))
        return R::Router;
    if (contains(name, "_exps"))
        return R::RoutedExperts;
    if (contains(name, "_shexp"))
        return R::SharedExperts;
    if (name.starts_with("ffn_"))
        return R::FeedForward;
    if (name.starts_with("attn_") || name.starts_with("indexer."))
        return R::Attention;
    if (name.starts_with("ssm_") || name.starts_with("shortconv."))
        return R::Recurrent;
    return R::Other;
}

} // namespace headroom
