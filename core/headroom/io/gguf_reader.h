// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The whole GGUF reader, for callers that parse a file and derive its model in one go. Each part has
// its own header: the container (gguf_file.h), split models (gguf_split.h), the model (gguf_model.h).
#include "headroom/io/gguf_file.h"
#include "headroom/io/gguf_model.h"
#include "headroom/io/gguf_split.h"
