// SPDX-License-Identifier: GPL-3.0-or-later
#include "explain_names.h"

namespace headroom::options {

const char *termKindName(TermKind v)
{
    using K = TermKind;
    switch (v) {
    case K::WeightGroup: return "weight_group";
    case K::OutputWeight: return "output_weight";
    case K::TokenEmbedding: return "token_embedding";
    case K::TiedOutput: return "tied_output";
    case K::MappedFromHost: return "mapped_from_host";
    case K::KvAttention: return "kv_attention";
    case K::KvSlidingWindow: return "kv_sliding_window";
    case K::KvLayerHeads: return "kv_layer_heads";
    case K::KvMlaLatent: return "kv_mla_latent";
    case K::KvMlaLatentValue: return "kv_mla_latent_value";
    case K::KvMlaExpanded: return "kv_mla_expanded";
    case K::KvIndexer: return "kv_indexer";
    case K::RecurrentState: return "recurrent_state";
    case K::ContextCheckpoints: return "context_checkpoints";
    case K::AttentionScratch: return "attention_scratch";
    case K::FfnScratch: return "ffn_scratch";
    case K::OutputLogits: return "output_logits";
    case K::HostBuffers: return "host_buffers";
    case K::PipelineCopies: return "pipeline_copies";
    case K::ProfilePass: return "profile_pass";
    case K::SamplerPass: return "sampler_pass";
    case K::PrefillPass: return "prefill_pass";
    case K::GraphPeak: return "graph_peak";
    case K::WeightCopy: return "weight_copy";
    case K::KqMatrix: return "kq_matrix";
    case K::AttentionMask: return "attention_mask";
    case K::HiddenRows: return "hidden_rows";
    case K::AttentionRows: return "attention_rows";
    case K::KvDequantized: return "kv_dequantized";
    case K::FfnActivations: return "ffn_activations";
    case K::Activations: return "activations";
    case K::Logits: return "logits";
    case K::EmbeddingGather: return "embedding_gather";
    case K::RuntimeOverhead: return "runtime_overhead";
    case K::ProjectorWeights: return "projector_weights";
    case K::ProjectorCompute: return "projector_compute";
    case K::ProjectorImage: return "projector_image";
    case K::RankShareRounding: return "rank_share_rounding";
    }
    return "weight_group";
}

const char *factorName(Factor v)
{
    using F = Factor;
    switch (v) {
    case F::Layers: return "layers";
    case F::KvHeads: return "kv_heads";
    case F::HeadDim: return "head_dim";
    case F::Elements: return "elements";
    case F::KAndV: return "k_and_v";
    case F::KeyRow: return "key_row";
    case F::ValueRow: return "value_row";
    case F::ElementBytes: return "element_bytes";
    case F::Blocks: return "blocks";
    case F::BlockElements: return "block_elements";
    case F::BlockBytes: return "block_bytes";
    case F::RowBytes: return "row_bytes";
    case F::Cells: return "cells";
    case F::Tokens: return "tokens";
    case F::Sequences: return "sequences";
    case F::Window: return "window";
    case F::Padding: return "padding";
    case F::LatentDims: return "latent_dims";
    case F::RopeDims: return "rope_dims";
    case F::Heads: return "heads";
    case F::Hidden: return "hidden";
    case F::FfnWidth: return "ffn_width";
    case F::Vocab: return "vocab";
    case F::Rows: return "rows";
    case F::Checkpoints: return "checkpoints";
    case F::StateBytes: return "state_bytes";
    case F::HeaderBytes: return "header_bytes";
    case F::ConvRows: return "conv_rows";
    case F::SsmState: return "ssm_state";
    case F::Ranks: return "ranks";
    case F::Patches: return "patches";
    case F::ImageSide: return "image_side";
    case F::Channels: return "channels";
    case F::Mebibytes: return "mebibytes";
    case F::WholeBytes: return "whole_bytes";
    case F::Scale: return "scale";
    case F::Replicas: return "replicas";
    case F::Copies: return "copies";
    }
    return "layers";
}

const char *factorUseName(FactorUse v)
{
    using U = FactorUse;
    switch (v) {
    case U::Multiply: return "multiply";
    case U::Divide: return "divide";
    case U::Detail: return "detail";
    }
    return "multiply";
}

const char *tensorRoleName(TensorRole v)
{
    using R = TensorRole;
    switch (v) {
    case R::Embedding: return "embedding";
    case R::Output: return "output";
    case R::Attention: return "attention";
    case R::FeedForward: return "feed_forward";
    case R::RoutedExperts: return "routed_experts";
    case R::SharedExperts: return "shared_experts";
    case R::Router: return "router";
    case R::Recurrent: return "recurrent";
    case R::Norm: return "norm";
    case R::Other: return "other";
    }
    return "embedding";
}

const char *assumptionName(AssumptionCode v)
{
    using A = AssumptionCode;
    switch (v) {
    case A::ContextDefault: return "context_default";
    case A::ContextByVram: return "context_by_vram";
    case A::ContextModelMax: return "context_model_max";
    case A::ContextConversation: return "context_conversation";
    case A::ContextFitted: return "context_fitted";
    case A::ParallelDefault: return "parallel_default";
    case A::ParallelAutoReduced: return "parallel_auto_reduced";
    case A::ParallelUnifiedCache: return "parallel_unified_cache";
    case A::KvPoolOneSequence: return "kv_pool_one_sequence";
    case A::ForwardTokens: return "forward_tokens";
    case A::FlashAttnDefault: return "flash_attn_default";
    case A::KvTypeDefault: return "kv_type_default";
    case A::KvQuantNeedsFlashAttn: return "kv_quant_needs_flash_attn";
    case A::MlaCache: return "mla_cache";
    case A::IndexerCache: return "indexer_cache";
    case A::SlidingWindowCache: return "sliding_window_cache";
    case A::RecurrentStateType: return "recurrent_state_type";
    case A::CtxCheckpoints: return "ctx_checkpoints";
    case A::OwnEngineGraph: return "own_engine_graph";
    case A::DeviceReserve: return "device_reserve";
    case A::GpuMemoryUtilization: return "gpu_memory_utilization";
    case A::AppleWiredLimit: return "apple_wired_limit";
    case A::GpuLimit: return "gpu_limit";
    case A::FitMargin: return "fit_margin";
    case A::LayersFitted: return "layers_fitted";
    case A::FewestDevices: return "fewest_devices";
    case A::TensorParallelSplit: return "tensor_parallel_split";
    case A::LayerSplitByMemory: return "layer_split_by_memory";
    case A::EmbeddingsOnHost: return "embeddings_on_host";
    case A::VisionDefault: return "vision_default";
    case A::HostBandwidthDefault: return "host_bandwidth_default";
    case A::HostRamUnknown: return "host_ram_unknown";
    case A::BandwidthEfficiency: return "bandwidth_efficiency";
    }
    return "context_default";
}

const char *inputFlag(InputCode v)
{
    using I = InputCode;
    switch (v) {
    case I::None: return nullptr;
    case I::Ctx: return "--ctx";
    case I::Parallel: return "--parallel";
    case I::Batch: return "--batch";
    case I::Ubatch: return "--ubatch";
    case I::FlashAttn: return "--flash-attn";
    case I::KvType: return "--kv-type";
    case I::GpuLayers: return "--gpu-layers";
    case I::Ram: return "--ram";
    case I::Spread: return "--spread";
    case I::Vision: return "--vision";
    case I::Engine: return "--engine";
    case I::EngineVersion: return "--engine-version";
    case I::Gpu: return "--gpu";
    }
    return nullptr;
}

} // namespace headroom::options
