// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The whole Hugging Face reader, for callers that want a folder read in one go. Each part has its own
// header: config.json (hf_config.h), safetensors headers (safetensors_header.h), the folder (hf_model.h),
// whole small text files (file_access.h).
#include "headroom/io/file_access.h"
#include "headroom/io/hf_config.h"
#include "headroom/io/hf_model.h"
#include "headroom/io/safetensors_header.h"
