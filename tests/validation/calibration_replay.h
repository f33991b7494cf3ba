// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calibration_table.h"

#include <headroom/catalog.h>
#include <headroom/placement.h>
#include <headroom/request_resolver.h>

#include <string>
#include <vector>

namespace headroom::validation {

/** Where the estimate put the model, as the validation report groups the rows. */
enum class Setup { FullOffload, PartialOffload, MultiGpu, UnifiedMemory, CpuOnly };

/** What part of the footprint a row measured. */
enum class Component { Weights, Kv, Compute, Resident, Total };

[[nodiscard]] const char *setupName(Setup s);

/** Whether an engine can run a model that way at all (MLX only on a Mac, vLLM never from system RAM): its traits. */
[[nodiscard]] bool engineRuns(const EngineProfile &engine, Setup s);
[[nodiscard]] const char *componentName(Component c);

/** One row replayed through the estimator. */
struct Replay {
    const Row *row = nullptr;
    std::string failure;                   ///< non-empty: the row could not be replayed (and nothing below is set)
    std::string arch;                      ///< the model's architecture (llama.cpp's general.architecture spelling)
    const EngineProfile *engine = nullptr; ///< the catalog's engine the row resolved to
    Setup setup = Setup::FullOffload;
    Component component = Component::Total;
    double measured = 0;
    double estimated = 0;
    [[nodiscard]] double error() const { return (estimated - measured) / measured; }
    [[nodiscard]] bool isCheck() const { return (*row)["role"] == "check"; }
};

/**
 * The request a row describes. `gpu` is a catalog id, `custom:<GiB>` for a card of that capacity, or ids joined by
 * '+' for mixed cards in that order; `gpus` is the count of a single id.
 */
[[nodiscard]] RequestInputs inputsFor(const Row &r);

/** The figure of `p` a target names; false in `ok` when the placement has no such device. */
[[nodiscard]] Bytes pick(const Placement &p, const Target &t, bool &ok);

[[nodiscard]] Setup setupOf(const Placement &p);

[[nodiscard]] std::vector<Replay> replay(const Catalog &catalog, const Table &table);

/** Mean and largest absolute error, and the mean signed error, of a set of rows. */
struct Stats {
    std::size_t rows = 0;
    double sumAbs = 0, maxAbs = 0, sum = 0;
    [[nodiscard]] double meanAbs() const { return rows ? sumAbs / static_cast<double>(rows) : 0; }
    [[nodiscard]] double bias() const { return rows ? sum / static_cast<double>(rows) : 0; }
    void add(double e);
};

} // namespace headroom::validation
