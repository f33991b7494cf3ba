// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace headroom {

/** What a weight tensor does, for grouping a model's weights by role (the explanation of the weights bar). */
enum class TensorRole { Embedding, Output, Attention, FeedForward, RoutedExperts, SharedExperts, Router, Recurrent, Norm, Other };

/**
 * The role of a tensor by its GGUF name ("blk.3.ffn_up_exps.weight" -> RoutedExperts), the names
 * tensor_inventory.cpp and llama.cpp's loaders give. Norms and biases of a role are Norm only when the
 * tensor is a norm; a name nothing matches is Other.
 */
[[nodiscard]] TensorRole tensorRole(std::string_view name);

} // namespace headroom
