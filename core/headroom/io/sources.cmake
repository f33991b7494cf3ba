# SPDX-License-Identifier: GPL-3.0-or-later
# File readers: GGUF headers, Hugging Face config.json / safetensors headers, local library scan.
set(HEADROOM_IO_SOURCES
    headroom/io/gguf_reader.cpp
    headroom/io/hf_reader.cpp
    headroom/io/io_error.cpp
    headroom/io/library_scan.cpp
    headroom/io/model_loader.cpp
)
