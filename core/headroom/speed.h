// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace headroom {

/**
 * The kind of memory a segment streams from, which sets how much of its datasheet bandwidth one decoded token
 * gets: llama.cpp's batch-1 kernels come close to a GDDR card's figure but reach little more than half of an
 * HBM card's, and an Apple or APU GPU sits between (tests/data/speed.csv, docs/accuracy.md "Speed").
 */
enum class SpeedClass { Gddr, Hbm, AppleUnified, SharedApu, HostRam };

/** Bytes one decoded token reads from one memory, how fast that memory is, and what computes there. */
struct SpeedSegment {
    double bytesPerToken = 0.0;
    double bandwidthGBs = 0.0;
    double fp16Tflops = 0.0; ///< the memory's processor's dense FP16 throughput; 0 = unknown (system RAM, a custom device)
    SpeedClass speedClass = SpeedClass::Gddr;
};

/** What one decoded token costs on a kind of memory besides its bytes. */
struct DecodeConstants {
    double bandwidthEfficiency = 0.0; ///< share of the datasheet bandwidth a token's reads get
    double secondsPerToken = 0.0;     ///< kernel launches and synchronisation, whatever the model's size
};

/**
 * Fitted by least squares on relative error over the `fit` rows of tests/data/speed.csv (llama.cpp
 * llama-bench tgN at full offload; 1/tokens_per_second = bytes / (efficiency x bandwidth) + secondsPerToken +
 * (devices - 1) x kSecondsPerExtraDevice). System RAM keeps llmfit's 55 %, not fitted: no CPU rows. Layers or
 * experts run from system RAM are therefore not calibrated: the one mainline measurement of an expert offload
 * (gpt-oss-120b on an RTX 4070, --n-cpu-moe 31) ran at 39 % of the estimate (docs/accuracy.md, Speed).
 */
[[nodiscard]] const DecodeConstants &decodeConstants(SpeedClass c);

/** Each device after the first of a layer split adds a hand-over per token (fitted with decodeConstants). */
inline constexpr double kSecondsPerExtraDevice = 0.375e-3;

/**
 * Decode speed is memory-bound: each token streams the active weights (the routed experts' share of a MoE)
 * and its KV once. Segments run one after another (layer split, CPU offload) unless `concurrent` (tensor
 * parallel), where the slowest segment sets the pace; the first segment's class sets the fixed cost per token.
 */
[[nodiscard]] double decodeTokensPerSecond(const std::vector<SpeedSegment> &segments, bool concurrent);

/**
 * Share of the catalog's dense FP16 figure prompt processing achieves: 16-bit weights, and quantized ones
 * (dequantized first). Fitted on the 34 ppN fit rows of tests/data/speed.csv.
 */
inline constexpr double kPrefillEfficiency16Bit = 0.436;
inline constexpr double kPrefillEfficiencyQuantized = 0.317;

/**
 * Prompt processing is compute-bound: each prompt token costs 2 FLOPs per active parameter, done where the
 * weights are, each segment's share in proportion to the bytes it reads. 0 when a segment that does work has
 * no throughput figure (layers in system RAM, a device without one): the front ends say it is unknown.
 */
[[nodiscard]] double prefillTokensPerSecond(const std::vector<SpeedSegment> &segments, double flopsPerToken, bool sixteenBit,
                                            bool concurrent);

/**
 * How far a decode estimate usually is from a measurement: 90 % of the check rows of tests/data/speed.csv are
 * within this share (tst_speed_calibration fails when they no longer are). The front ends say "usually within
 * +/- N %".
 */
inline constexpr double kDecodeUsualError = 0.25;
/**
 * Prompt processing is rougher (the catalog's FP16 figures and the builds vary more): half the check rows are
 * within this share; the front ends say so ("half of measured runs within +/- N %").
 */
inline constexpr double kPrefillMedianError = 0.20;

/**
 * Decode speed over `hops` network links (llama.cpp RPC: each extra machine adds one round trip per token).
 * The activations a token sends (hidden x 4 bytes: 28 KB for a 7168-wide model) take microseconds even on
 * 2.5 GbE; the round trips' latency is what costs, measured below.
 */
[[nodiscard]] double overNetwork(double tokensPerSecond, std::uint32_t hops);

/** Host memory bandwidth when none is given: dual-channel DDR5-5600, 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC). */
inline constexpr double kDefaultHostBandwidthGBs = 89.6;
/**
 * Time a decoded token spends per extra machine over llama.cpp RPC: 2 x DGX Spark over RPC (ConnectX-7,
 * TCP), a 27B Q4_K_M at ctx 8192, decode 12.42 tokens/s vs 12.83 on one: 1/12.42 - 1/12.83 = 2.57 ms.
 */
inline constexpr double kRpcHopSeconds = 2.57e-3;
inline constexpr const char *kRpcHopSource = "defilantech/LLMKube issue #1423 (2026-08-12): 2 x DGX Spark over llama.cpp RPC, 12.42 vs "
                                             "12.83 tokens/s on one, 2.57 ms per token per extra machine";
inline constexpr const char *kDefaultHostBandwidthSource = "dual-channel DDR5-5600: 2 x 8 B x 5600 MT/s = 89.6 GB/s (JEDEC)";
inline constexpr const char *kSpeedCalibrationSource =
    "fitted on the fit rows of tests/data/speed.csv (public llama-bench results, each row with its source); error on its check rows: "
    "docs/accuracy.md, Speed";
inline constexpr const char *kHostBandwidthEfficiencySource =
    "llmfit's calibrated 55 % of datasheet bandwidth, for system RAM (tests/data/speed.csv has no CPU-only row to fit)";

} // namespace headroom
