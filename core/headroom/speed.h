// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace headroom {

/** Bytes one decoded token reads from one memory, and how fast that memory is. */
struct SpeedSegment {
    double bytesPerToken = 0.0;
    double bandwidthGBs = 0.0;
    double fp16Tflops = 0.0; ///< the memory's processor's dense FP16 throughput; 0 = unknown (system RAM, a custom device)
};

/**
 * Decode speed is memory-bound: each token streams the active weights and its KV once. Segments run one
 * after another (layer split, CPU offload) unless `concurrent` (tensor parallel), where the slowest
 * segment sets the pace. Achieved bandwidth is 55 % of the datasheet figure (llmfit's calibrated
 * constant; normiebench measured 57 % on an M1 Max and 86 % on an M4: brand-o/normiebench issues #40 and #3).
 */
[[nodiscard]] double decodeTokensPerSecond(const std::vector<SpeedSegment> &segments, bool concurrent);

/**
 * Prompt processing is compute-bound: each prompt token costs 2 FLOPs per active parameter, done where the
 * weights are, each segment's share in proportion to the bytes it reads. 0 when a segment that does work has
 * no throughput figure (layers in system RAM, a device without one): the front ends say it is unknown.
 */
[[nodiscard]] double prefillTokensPerSecond(const std::vector<SpeedSegment> &segments, double flopsPerToken, bool concurrent);

/**
 * Decode speed over `hops` network links (llama.cpp RPC: each extra machine adds one round trip per token).
 * The activations a token sends (hidden x 4 bytes: 28 KB for a 7168-wide model) take microseconds even on
 * 2.5 GbE; the round trips' latency is what costs, measured below.
 */
[[nodiscard]] double overNetwork(double tokensPerSecond, std::uint32_t hops);

/** Host memory bandwidth when none is given: dual-channel DDR5-5600, 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC). */
inline constexpr double kDefaultHostBandwidthGBs = 89.6;
inline constexpr double kBandwidthEfficiency = 0.55;
/** Share of the dense FP16 figure prompt processing achieves (fitted on tests/data/speed.csv's fit rows). */
inline constexpr double kComputeEfficiency = 0.5;
/**
 * Time a decoded token spends per extra machine over llama.cpp RPC: 2 x DGX Spark over RPC (ConnectX-7,
 * TCP), a 27B Q4_K_M at ctx 8192, decode 12.42 tokens/s vs 12.83 on one: 1/12.42 - 1/12.83 = 2.57 ms.
 */
inline constexpr double kRpcHopSeconds = 2.57e-3;
inline constexpr const char *kRpcHopSource = "defilantech/LLMKube issue #1423 (2026-08-12): 2 x DGX Spark over llama.cpp RPC, 12.42 vs "
                                             "12.83 tokens/s on one, 2.57 ms per token per extra machine";
inline constexpr const char *kDefaultHostBandwidthSource = "dual-channel DDR5-5600: 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC)";
inline constexpr const char *kBandwidthEfficiencySource =
    "llmfit's calibrated 55 % of datasheet bandwidth; normiebench measured 57 % on an M1 Max and 86 % on an M4 (brand-o/normiebench "
    "issues #40 and #3)";

} // namespace headroom
