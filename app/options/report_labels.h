// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/placement.h>

#include <functional>
#include <string>

namespace headroom::options {

/**
 * The words of a Markdown report, English as constructed. The formatter owns the layout and the numbers;
 * the words are handed in because this library has no translator (no Qt): the CLI uses these defaults, the
 * window fills them with its tr() texts, so a report copied from a Chinese window reads in Chinese and both
 * front ends share one layout. Labels are nouns and short phrases, never sentences with slots, so no
 * language needs a different word order. CSV and JSON carry no labels: their column names are a contract.
 */
struct ReportLabels {
    std::string title = "Headroom estimate";
    std::string device = "Device";
    std::string weights = "Weights";
    std::string kvCache = "KV cache";
    std::string compute = "Compute";
    std::string overhead = "Overhead";
    std::string total = "Total";
    std::string usable = "Usable";
    std::string layers = "Layers";
    std::string gib = "GiB";
    std::string hostRam = "Host RAM";
    std::string unknown = "unknown";
    std::string colon = ":"; ///< after a bold label (a full-width one in Chinese)

    std::string verdict = "Verdict";
    std::string layersOnGpu = "Layers on GPU";
    std::string headroom = "Headroom";
    std::string overBy = "Over by";
    std::string fixes = "Fixes";
    std::string assumptions = "Assumptions";
    std::string notices = "Notices";

    std::string model = "Model";
    std::string modelFile = "Model file";
    std::string quantization = "Quantization";
    std::string engine = "Engine";
    std::string behaviourFrom = "behaviour from version";
    std::string context = "Context";
    std::string tokensPerSequence = "tokens per sequence";
    std::string parallel = "Parallel sequences";
    std::string chosenByEngine = "chosen by the engine";
    std::string asRequested = "as requested";
    std::string kvType = "KV cache type";
    std::string flashAttention = "Flash attention";
    std::string on = "on";
    std::string off = "off";
    std::string maxContext = "Longest context on the GPUs";
    std::string decodeSpeed = "Decode speed";
    std::string tokensPerSecond = "tokens/s";
    std::string footer = "Estimated by Headroom; every figure is an estimate of the engine's allocations.";

    std::function<std::string(Verdict)> verdictText; ///< empty: English
    std::function<std::string(Notice)> noticeText;   ///< empty: English
    std::function<std::string(const Fix &)> fixText; ///< empty: English
};

} // namespace headroom::options
