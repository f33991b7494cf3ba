# SPDX-License-Identifier: GPL-3.0-or-later
# GGUF header parsing of a sparse 40 GB file (issue 4: "milliseconds, as fast as for a 40 MB file").
add_executable(io_gguf_benchmark io_gguf_benchmark.cpp)
target_link_libraries(io_gguf_benchmark PRIVATE headroom::core benchmark::benchmark)
target_include_directories(io_gguf_benchmark PRIVATE ${CMAKE_SOURCE_DIR}/tests/io)
target_compile_definitions(io_gguf_benchmark PRIVATE HEADROOM_CATALOG_DIR="${CMAKE_SOURCE_DIR}/resources/catalog")
headroom_set_warnings(io_gguf_benchmark)
