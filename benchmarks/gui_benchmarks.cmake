# SPDX-License-Identifier: GPL-3.0-or-later
# gui_recompute_benchmark: context-slider step = recompute + item model update + chart repaint (< 16 ms).
# Included from benchmarks/CMakeLists.txt when the GUI is built.
add_executable(gui_recompute_benchmark ${CMAKE_SOURCE_DIR}/benchmarks/gui_recompute_benchmark.cpp)
target_link_libraries(gui_recompute_benchmark PRIVATE headroom_gui benchmark::benchmark)
headroom_set_warnings(gui_recompute_benchmark)
