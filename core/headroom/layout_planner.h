// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/compute_buffer.h"
#include "headroom/estimate_defaults.h"
#include "headroom/kv_cache.h"
#include "headroom/layer_placement.h"
#include "headroom/mapped_span.h"
#include "headroom/vision_projector.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace headroom {

/** Where the planner counts a weight tensor: in offload unit `unit` (0..n-1 blocks, n the output layer; -1 none), and/or as the input
 * table. */
struct TensorUnits {
    int unit = -1;
    bool input = false;
};

/**
 * Tied embeddings double as the output matrix. llama.cpp keeps the lookup table on the host and loads a second
 * copy with the output layer (a TENSOR_DUPLICATED tensor in the output's buffer); other engines hold the one matrix
 * with the output. On the host the copy costs nothing: both tensors map the same bytes of the file (mmap), so
 * LayoutPlanner drops it when the output layer stays in system RAM.
 */
[[nodiscard]] inline TensorUnits tensorUnits(const Tensor &t, std::uint32_t layers, bool tiedEmbeddings, bool embeddingsOnHost)
{
    if (t.layer < 0)
        return {tiedEmbeddings ? static_cast<int>(layers) : -1, !tiedEmbeddings || embeddingsOnHost};
    return {std::min(t.layer, static_cast<int>(layers)), false};
}

/** What layout() decided that a Placement does not keep: asked only by the explanation. */
struct LayoutTrace {
    std::vector<int> unitDevice; ///< per offload unit: index into Placement::devices, -1 = the host (tensor parallel: every rank)
    bool tensorParallel = false;
    bool kvReplicated = false; ///< tensor parallel: every rank holds the whole KV cache (MLA's one latent head)
    bool inputOnHost = false;  ///< the token embeddings are in system RAM (else on the first device)
    Bytes pipelineCopies = 1;  ///< llama.cpp pipeline parallelism: copies of each split's inputs (1 = none)
    KvGeometry kv;
    ComputeBuffers compute;
    ComputeBreakdown why;
    Bytes hostCheckpoints = 0;
    VisionLoad vision;
    /// The first device's mapped file range (Metal): the host's tensors inside it, in file order; empty otherwise
    std::vector<const Tensor *> mappedFromHost;
};

/**
 * The part of a layout that does not change with the context, computed once per request: each offload
 * unit's weights (running sums over the units), each device's usable memory and overhead, and the order
 * the engine takes the devices in. One estimate asks many questions of the same request at different
 * contexts (Ollama's auto parallel, llama.cpp's --fit for the context, the max-context search, the layer
 * count that fits); the planner answers them from the running sums in time independent of the layer and
 * tensor counts, instead of placing every layer (and, for the layer count, every count) each time. Every
 * answer is the one a full layout(req, s) would give: the questions mirror placeLayers line by line.
 *
 * Holds references to the request (its model, inventory, engine and devices): they must outlive the
 * planner. Not thread-safe: the checks reuse scratch buffers (one planner per estimate, one thread).
 */
class LayoutPlanner
{
public:
    /** `behaviour` is the engine row every settings passed in later resolved to (it fixes usable memory). */
    LayoutPlanner(const EstimateRequest &req, const EngineBehaviour &behaviour);

    /** What a context costs besides the weights: the KV cells and the compute buffers. */
    struct Loads {
        Bytes kvPerCell = 0;
        Bytes fullCells = 0;
        Bytes windowCells = 0;
        ComputeBuffers compute;
        /// Models with per-layer shapes (hybrid blocks, KV heads by layer): kvBefore[l] = KV and state of
        /// blocks 0..l-1 (size n + 1). Empty for uniform models, whose sums come from the counts above.
        std::vector<Bytes> kvBefore;
        /// Hybrid models on llama-server: its context checkpoints (recurrent-state copies) in host RAM.
        Bytes hostCheckpoints = 0;
        std::uint32_t tokens = 0; ///< tokens per forward pass (the compute buffers' size)
    };

    /** The loads of `s` as resolved (its context and forward-pass size). */
    [[nodiscard]] Loads loads(const ResolvedSettings &s) const;
    /** The loads of `s` moved to `ctx`: the same as loads(withContext(req, s, ctx)), without copying `s`. */
    [[nodiscard]] Loads loadsAt(const ResolvedSettings &s, std::uint32_t ctx) const;

    /** layout(req, s): where everything lands; `trace`, when given, receives what the explanation needs besides. */
    [[nodiscard]] Layout layout(const ResolvedSettings &s, LayoutTrace *trace = nullptr) const;

    /**
     * fullyFits(req', s) for the request with `gpuLayers` in place of its own and `fitMargin` in place of
     * s.fitMargin: every layer on the GPUs, nothing overflowing, the host holding the rest.
     */
    [[nodiscard]] bool fullyFits(const Loads &l, std::optional<int> gpuLayers, Bytes fitMargin) const;

    /**
     * llama.cpp's --fit question for the context: with `margin` kept free while fitting, the layout leaves
     * `margin` free on every device and holds every layer on the GPUs (or the request's -ngl count).
     */
    [[nodiscard]] bool leavesMarginFree(const Loads &l, Bytes margin) const;

private:
    /** The devices a layout may use: the engine's order of all of them, or the largest alone. */
    struct DeviceSet {
        std::vector<std::size_t> devices; ///< indices into req.devices, in placement order
        std::vector<double> fractions;    ///< cumulative layer-split boundaries (llama.cpp's proportional split)
        bool fractionsSorted = true;      ///< the boundaries rise (always, short of rounding at the last one)
    };

    /** Memory totals of one placement: per device of the set (placement order) and on the host. */
    struct Totals {
        std::vector<Bytes> devices;
        Bytes host = 0;
        Bytes mappedFromHost = 0; ///< of the first device's: the host's tensors inside its mapped file range (the same pages)
    };

    const DeviceSet &chooseDevices(const Loads &l) const;
    /**
     * Totals when `gpuUnits` offload units go to `set` (llama.cpp -ngl counting), the rest to the host. `mapped`: as
     * loaded, with a Metal device's file range (MappedSpan); false: as llama.cpp's --fit measures them, which loads its
     * dry run without mmap (common/fit.cpp: no_alloc, load_mode NONE / use_mmap false), so each buffer is its tensors.
     */
    const Totals &totalsLayers(const Loads &l, const DeviceSet &set, std::uint32_t gpuUnits, bool mapped) const;
    /** Totals of vLLM's tensor parallel split over every device. */
    const Totals &totalsTensorParallel(const Loads &l) const;
    [[nodiscard]] bool overflows(const Totals &t, const DeviceSet &set, Bytes margin) const;
    [[nodiscard]] bool hostFits(const Totals &t, const DeviceSet &set) const;
    [[nodiscard]] std::size_t deviceOfUnit(const DeviceSet &set, std::uint32_t unit, std::uint32_t firstGpu, std::uint32_t gpuUnits) const;
    [[nodiscard]] Bytes kvOfLayers(const Loads &l, std::uint32_t from, std::uint32_t to) const;
    [[nodiscard]] ComputeParams computeParams(const ResolvedSettings &s, const KvGeometry &g) const;

    /** Device `idx` before anything is placed on it: its names, capacity, usable memory, bandwidth and overhead. */
    [[nodiscard]] DeviceUsage emptyUsage(std::size_t idx) const;
    [[nodiscard]] Layout placeLayers(const ResolvedSettings &s, const std::vector<Bytes> &kv, const ComputeBuffers &compute,
                                     const DeviceSet &set, std::uint32_t gpuUnits) const;
    /** Where placeLayers puts offload unit `unit`: an index into set's devices (placement order), or -1 for the host. */
    [[nodiscard]] inline int homeOfUnit(const DeviceSet &set, std::uint32_t unit, std::uint32_t firstGpu, std::uint32_t gpuUnits) const;
    [[nodiscard]] Layout placeTensorParallel(const ResolvedSettings &s, const std::vector<Bytes> &kv, const ComputeBuffers &compute) const;
    /** The vision projector in `p`: on its first device (split over the ranks of a tensor-parallel run), else on the host. */
    void placeVision(Placement &p) const;

    const EstimateRequest &m_req;
    const EngineBehaviour &m_behaviour;
    std::uint32_t m_layers = 0;
    bool m_tensorParallel = false;
    bool m_kvReplicated = false; ///< every tensor-parallel rank holds the whole KV cache (MLA's one latent head)
    bool m_embeddingsOnHost = false;
    std::vector<Bytes> m_weights;         ///< per unit: blocks 0..n-1, then the output layer
    std::vector<Bytes> m_active;          ///< bytes each unit reads per decoded token
    std::vector<Bytes> m_weightsBefore;   ///< m_weightsBefore[u] = weights of units 0..u-1 (size n + 2)
    std::vector<std::uint32_t> m_sliding; ///< m_sliding[l] = sliding-window layers among 0..l-1 (size n + 1)
    /** The offload units on the GPUs for a count of them: [first, end), end = n + 1 when the output layer is one. */
    struct UnitSpan {
        std::uint32_t first = 0;
        std::uint32_t end = 0;
    };
    [[nodiscard]] UnitSpan gpuSpan(std::uint32_t gpuUnits) const;
    /** Whether `set` is one device whose weights are a mapped file range (EngineBehaviour::metalFileSpan on a Mac). */
    [[nodiscard]] bool mapsFileSpan(const DeviceSet &set) const;
    /** The host's compute buffer with this many devices in the run. */
    [[nodiscard]] Bytes hostCompute(const ComputeBuffers &c, std::size_t devices) const;
    /** Copies of each split's inputs the scheduler keeps for this many devices holding this many units (1 = no pipeline). */
    [[nodiscard]] Bytes pipelineCopies(std::size_t devices, std::uint32_t gpuUnits) const;

    /** The largest weight in system RAM that llama.cpp's scheduler copies to the first GPU for a large batch (op
     * offload), with `span` on the GPUs and `tokens` per pass; 0 when nothing is copied. */
    [[nodiscard]] Bytes hostWeightCopy(UnitSpan span, std::uint32_t tokens) const;
    /** The first GPU's compute buffer once the copy of a weight in RAM is counted (see hostWeightCopy). */
    [[nodiscard]] Bytes withWeightCopy(Bytes compute, UnitSpan span, std::uint32_t tokens) const;

    Bytes m_input = 0;                  ///< token embeddings
    std::vector<Bytes> m_largestTensor; ///< per unit: its largest tensor
    std::vector<Bytes> m_largestBefore; ///< m_largestBefore[u] = the largest tensor of blocks 0..u-1 (size n + 1)
    std::vector<Bytes> m_largestFrom;   ///< m_largestFrom[u] = the largest tensor of blocks u..n-1 (size n + 1)
    Bytes m_largestHostExpert = 0;      ///< the largest routed-expert tensor kept in RAM by --n-cpu-moe
    bool m_opOffload = false;           ///< llama.cpp family: large-batch ops on weights in RAM run on the first GPU
    bool m_outputFirst = false;         ///< a partial offload takes the output layer first (EngineBehaviour::outputOffloadedFirst)
    Bytes m_tiedCopy = 0;               ///< the output layer's copy of tied embeddings that are also the input table
    Bytes m_hostExperts = 0;            ///< routed experts kept in system RAM (--n-cpu-moe / --cpu-moe), whatever the layer split
    double m_hostExpertsRead = 0.0;     ///< bytes of them each decoded token reads (the routed share)
    VisionLoad m_vision;                ///< the vision projector, when the request loads one
    std::optional<MappedSpan> m_span;   ///< the file ranges a Metal device maps (only for a request that has one)
    std::vector<Bytes> m_usable;        ///< per request device
    std::vector<Bytes> m_overhead;      ///< per request device
    DeviceSet m_all;
    DeviceSet m_largest;
    DeviceSet m_none;
    mutable Totals m_totals;
    mutable std::vector<std::uint32_t> m_bounds;
};

} // namespace headroom
