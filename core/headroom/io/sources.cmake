# SPDX-License-Identifier: GPL-3.0-or-later
# File readers: GGUF headers, Hugging Face config.json / safetensors headers, local library scan.
set(HEADROOM_IO_SOURCES
    headroom/io/bounded_json.cpp
    headroom/io/file_access.cpp
    headroom/io/gguf_file.cpp
    headroom/io/gguf_model.cpp
    headroom/io/gguf_split.cpp
    headroom/io/hf_config.cpp
    headroom/io/hf_model.cpp
    headroom/io/io_error.cpp
    headroom/io/library_scan.cpp
    headroom/io/model_loader.cpp
    headroom/io/safetensors_header.cpp
)
