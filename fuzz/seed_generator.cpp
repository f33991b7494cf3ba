// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the fuzzers' seed corpora: GGUF headers for catalog architectures (cut to two layers so seeds stay
// small), config.json variants and safetensors headers.
#include "gguf_writer.h"

#include <headroom/catalog.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

void save(const std::filesystem::path &p, const std::string &data)
{
    std::ofstream(p, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string safetensors(const std::string &header)
{
    std::string out(8, '\0');
    for (std::size_t i = 0; i < 8; ++i)
        out[i] = static_cast<char>((header.size() >> (8 * i)) & 0xff);
    return out + header;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: headroom_fuzz_seeds <dir>\n");
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    for (const char *sub : {"gguf", "hf_config", "safetensors"})
        std::filesystem::create_directories(dir / sub);

    auto loaded = headroom::Catalog::loadDirectory(HEADROOM_CATALOG_DIR);
    if (!std::holds_alternative<headroom::Catalog>(loaded)) {
        std::fprintf(stderr, "catalog failed to load\n");
        return 1;
    }
    const auto &catalog = std::get<headroom::Catalog>(loaded);
    int n = 0;
    for (const char *id : {"llama-3.2-1b-instruct", "qwen2.5-0.5b-instruct", "qwen3-30b-a3b", "deepseek-v3", "gemma-3-1b-it",
                           "gemma-2-2b-it", "gpt-oss-20b", "phi-3.5-mini-instruct", "glm-4-9b-chat"}) {
        auto spec = *catalog.findModel(id);
        spec.layers = 2;
        spec.vocab = 256;
        spec.hidden = std::min<std::uint32_t>(spec.hidden, 256);
        if (spec.moe) {
            spec.moe->experts = std::min<std::uint32_t>(spec.moe->experts, 4);
            spec.moe->expertsUsed = std::min(spec.moe->expertsUsed, spec.moe->experts);
            spec.moe->denseLayers = std::min<std::uint32_t>(spec.moe->denseLayers, 1);
        }
        for (const char *quant : {"Q4_K_M", "F16"}) {
            const auto *q = catalog.findQuantization(quant, "llama.cpp");
            const auto inv = q ? headroom::buildInventory(spec, *q) : std::nullopt;
            if (!inv)
                continue;
            const auto h = headroom::testing::ggufForSpec(spec, *inv, q->id, n % 2 ? 16 : 0).header();
            save(dir / "gguf" / (std::string(id) + "-" + quant + ".gguf"), std::string(h.begin(), h.end()));
            ++n;
        }
    }

    const char *configs[] = {
        R"({"model_type":"llama","num_hidden_layers":16,"hidden_size":2048,"num_attention_heads":32,"num_key_value_heads":8,"head_dim":64,"intermediate_size":8192,"vocab_size":128256,"max_position_embeddings":131072,"tie_word_embeddings":true,"torch_dtype":"bfloat16"})",
        R"({"model_type":"qwen3_moe","num_hidden_layers":48,"hidden_size":2048,"num_attention_heads":32,"num_key_value_heads":4,"head_dim":128,"intermediate_size":6144,"moe_intermediate_size":768,"num_experts":128,"num_experts_per_tok":8,"vocab_size":151936,"quantization_config":{"quant_method":"awq","bits":4}})",
        R"({"model_type":"deepseek_v3","num_hidden_layers":61,"hidden_size":7168,"num_attention_heads":128,"num_key_value_heads":128,"intermediate_size":18432,"moe_intermediate_size":2048,"n_routed_experts":256,"n_shared_experts":1,"num_experts_per_tok":8,"first_k_dense_replace":3,"q_lora_rank":1536,"kv_lora_rank":512,"qk_rope_head_dim":64,"qk_nope_head_dim":128,"v_head_dim":128,"vocab_size":129280,"quantization_config":{"quant_method":"fp8","weight_block_size":[128,128]}})",
        R"({"model_type":"gemma3","text_config":{"model_type":"gemma3_text","num_hidden_layers":34,"hidden_size":2560,"num_attention_heads":8,"num_key_value_heads":4,"head_dim":256,"intermediate_size":10240,"sliding_window":1024,"sliding_window_pattern":6,"vocab_size":262208},"torch_dtype":"bfloat16"})",
        R"({"model_type":"gpt_oss","num_hidden_layers":4,"hidden_size":2880,"num_attention_heads":64,"num_key_value_heads":8,"head_dim":64,"intermediate_size":2880,"num_local_experts":32,"experts_per_token":4,"sliding_window":128,"layer_types":["sliding_attention","full_attention","sliding_attention","full_attention"],"vocab_size":201088,"attention_bias":true})",
        R"({"model_type":"chatglm","num_layers":40,"hidden_size":4096,"num_attention_heads":32,"multi_query_attention":true,"multi_query_group_num":2,"kv_channels":128,"ffn_hidden_size":13696,"padded_vocab_size":151552,"seq_length":131072,"add_qkv_bias":true})",
        R"({"model_type":"mistral","num_hidden_layers":32,"hidden_size":4096,"num_attention_heads":32,"num_key_value_heads":8,"intermediate_size":14336,"vocab_size":32768,"quantization":{"bits":4,"group_size":64}})",
    };
    int c = 0;
    for (const char *cfg : configs)
        save(dir / "hf_config" / ("config-" + std::to_string(c++) + ".json"), cfg);

    const char *headers[] = {
        R"({"__metadata__":{"format":"pt"},"model.embed_tokens.weight":{"dtype":"BF16","shape":[4,8],"data_offsets":[0,64]}})",
        R"({"model.layers.0.mlp.experts.1.up_proj.weight":{"dtype":"F8_E4M3","shape":[2,3],"data_offsets":[0,6]},"lm_head.weight":{"dtype":"F32","shape":[2],"data_offsets":[6,14]}})",
        R"({"a":{"dtype":"U32","shape":[],"data_offsets":[0,4]},"b":{"dtype":"I64","shape":[0],"data_offsets":[4,4]}})",
    };
    int s = 0;
    for (const char *h : headers)
        save(dir / "safetensors" / ("header-" + std::to_string(s++) + ".safetensors"), safetensors(h) + std::string(64, '\0'));
    std::printf("wrote %d gguf, %d config, %d safetensors seeds to %s\n", n, c, s, dir.string().c_str());
    return 0;
}
