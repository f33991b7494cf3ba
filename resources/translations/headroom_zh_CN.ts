<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AdviceTexts</name>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="34" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="44" />
            <source>%1 tok/s</source>
            <translation>%1 token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="44" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="54" />
            <source>%1 on the GPU + %2 of system RAM (%3 of %4 layers on the GPU)</source>
            <translation>GPU 上 %1 + 系统内存 %2（%4 层中有 %3 层在 GPU 上）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="62" />
            <source>&lt;b&gt;%1&lt;/b&gt; at %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;（%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="63" />
            <source>Memory: %1</source>
            <translation>内存占用：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="65" />
            <source>Expected quality: &lt;b&gt;%1&lt;/b&gt; = %2 score %3 × recovery %4</source>
            <translation>预期质量：&lt;b&gt;%1&lt;/b&gt; = %2 得分 %3 × 保持率 %4</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="68" />
            <source>Decode: %1</source>
            <translation>生成速度：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="69" />
            <source>Click to use it</source>
            <translation>点击即可采用</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="81" />
            <source>&lt;b&gt;Expected quality %1&lt;/b&gt; = score %2 × recovery %3</source>
            <translation>&lt;b&gt;预期质量 %1&lt;/b&gt; = 得分 %2 × 保持率 %3</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="85" />
            <source>&lt;b&gt;Score&lt;/b&gt;: %1 for %2 in %3</source>
            <translation>&lt;b&gt;得分&lt;/b&gt;：%2 在 %3 中得 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="88" />
            <source>Evaluation: %1</source>
            <translation>评测方式：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="89" />
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="94" />
            <source>&lt;b&gt;Recovery of %1&lt;/b&gt;: lossless, the precision the model was released in (1 by definition)</source>
            <translation>&lt;b&gt;%1 的保持率&lt;/b&gt;：无损，即模型发布时的精度（按定义为 1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="96" />
            <source>&lt;b&gt;Recovery of %1&lt;/b&gt;: %2 (quantized score / BF16 score, same benchmark and study)</source>
            <translation>&lt;b&gt;%1 的保持率&lt;/b&gt;：%2（量化后得分 / BF16 得分，同一评测、同一研究）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="99" />
            <source>lower bound from %1: no study measured %2, which keeps at least what %1 (the same format, fewer bits per weight) keeps</source>
            <translation>取自 %1 的下限：没有研究测过 %2，而它至少能保持 %1（同一格式、每个权重的位数更少）所保持的水平</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="104" />
            <source>measured mean %1: above 1 is benchmark noise, not a gain, so it counts as 1</source>
            <translation>实测均值 %1：高于 1 是评测噪声而非提升，因此按 1 计</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="105" />
            <source>measured on models of %1 parameters (the largest evaluated size up to this model&apos;s)</source>
            <translation>测于 %1 参数的模型（不超过本模型规模的最大已评测规模）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="106" />
            <source>%1B</source>
            <translation>%1B</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="109" />
            <source>%1: %2 (%3), %4 → %5 (%6)</source>
            <translation>%1：%2（%3），%4 → %5（%6）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_texts.cpp" line="117" />
            <source>%1: %2; source: %3</source>
            <translation>%1：%2；来源：%3</translation>
        </message>
    </context>
    <context>
        <name>CatalogCombos</name>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="37" />
            <source>Apple Silicon (unified memory)</source>
            <translation>Apple 芯片（统一内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="38" />
            <source>CPU only (system RAM)</source>
            <translation>仅 CPU（系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="45" />
            <source>Huawei Ascend</source>
            <translation>华为昇腾</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="54" />
            <source>MoE, %1 active</source>
            <translation>MoE，激活 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="55" />
            <location filename="../../app/gui/catalog_combos.cpp" line="74" />
            <source>dense</source>
            <translation>稠密</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="56" />
            <source>%1 parameters · %2 · %3 layers · up to %4 tokens</source>
            <translation>%1 参数 · %2 · %3 层 · 最长 %4 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="74" />
            <source>MoE</source>
            <translation>MoE</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="75" />
            <source>%1  (%2, %3)</source>
            <translation>%1  （%2，%3）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="86" />
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="100" />
            <source>%1 GiB</source>
            <translation>%1 GiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="102" />
            <source>%1  (%2)</source>
            <translation>%1  （%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="104" />
            <source>%1, %2 GB/s</source>
            <translation>%1，%2 GB/s</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="108" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="109" />
            <source>Custom capacity…</source>
            <translation>自定义容量…</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="133" />
            <source>This computer</source>
            <translation>本机</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="140" />
            <source>The GPUs and RAM of the computer Headroom runs on, with all their memory</source>
            <translation>运行 Headroom 的这台电脑的 GPU 和内存，按全部容量计算</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="142" />
            <source>This computer, memory free now</source>
            <translation>本机（当前空闲的容量）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="144" />
            <source>Only what is free on its GPUs and in RAM right now: memory other programs use counts against it</source>
            <translation>只计算其 GPU 和内存当前空闲的部分：其他程序占用的容量不计入</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="160" />
            <source>No GPU (CPU only)</source>
            <translation>无 GPU（仅 CPU）</translation>
        </message>
        <message>
            <location filename="../../app/gui/catalog_combos.cpp" line="162" />
            <source>This computer without a GPU: every layer runs on the CPU from system RAM (enter it below). The decode speed assumes dual-channel DDR5-5600 (89.6 GB/s): pick a CPU-only machine of the catalog for the bandwidth of yours</source>
            <translation>不用 GPU 的这台计算机：所有层都在 CPU 上从系统内存运行（在下方填写内存大小）。生成速度按双通道 DDR5-5600（89.6 GB/s）估算：从目录中选一台仅 CPU 的机器，即按你的内存带宽计算</translation>
        </message>
    </context>
    <context>
        <name>ExplainTexts</name>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 byte</source>
            <translation>1 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes</source>
            <translation>%1 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 KiB</source>
            <translation>%1 KiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 MiB</source>
            <translation>%1 MiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Token embeddings</source>
            <translation>token 嵌入</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Output layer</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention</source>
            <translation>注意力</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Feed-forward (MLP)</source>
            <translation>前馈网络（MLP）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Routed experts</source>
            <translation>路由专家</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Shared experts</source>
            <translation>共享专家</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Expert router</source>
            <translation>专家路由器</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Recurrent mixer</source>
            <translation>循环混合器</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Norms and biases</source>
            <translation>归一化与偏置</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Other tensors</source>
            <translation>其他张量</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Output layer %1</source>
            <translation>输出层 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Output layer %1 in %2</source>
            <translation>输出层 %1，%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Token embeddings %1</source>
            <translation>token 嵌入 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Token embeddings %1 in %2</source>
            <translation>token 嵌入 %1，%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Output layer: the token embeddings loaded again (tied weights)</source>
            <translation>输出层：再次加载的 token 嵌入（共享权重）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Kept on the CPU but inside the file range Metal maps for the GPU (llama.cpp maps from its first tensor to its last)</source>
            <translation>留在 CPU 上、但位于 Metal 为 GPU 映射的文件区间内的张量（llama.cpp 从 GPU 的第一个张量映射到最后一个）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Full-attention layers</source>
            <translation>全注意力层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sliding-window layers</source>
            <translation>滑动窗口层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention layers with their own KV head count</source>
            <translation>KV 头数不同的注意力层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>MLA latent (compressed keys and values)</source>
            <translation>MLA 潜向量（压缩的键和值）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>MLA latent stored again as V</source>
            <translation>MLA 潜向量再存一份作为 V</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>MLA expanded to per-head K and V</source>
            <translation>MLA 展开为每个头的 K 和 V</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sparse-attention indexer keys</source>
            <translation>稀疏注意力索引器的键</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Recurrent state of the linear-attention or state-space blocks</source>
            <translation>线性注意力或状态空间块的循环状态</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context checkpoints (llama-server)</source>
            <translation>上下文检查点（llama-server）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention scratch</source>
            <translation>注意力临时缓冲区</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>FFN scratch</source>
            <translation>FFN 临时缓冲区</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Output logits</source>
            <translation>输出 logits</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Host input buffers</source>
            <translation>主机端输入缓冲区</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Pipeline-parallel copies of the split inputs</source>
            <translation>流水线并行的分段输入副本</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>vLLM&apos;s profile run</source>
            <translation>vLLM 的性能分析运行</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>vLLM&apos;s profile sampling (top-k, top-p)</source>
            <translation>vLLM 性能分析运行中的采样（top-k、top-p）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>One prefill pass</source>
            <translation>一次预填充</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Peak of the graph Ollama&apos;s own engine reserves</source>
            <translation>Ollama 自有引擎预留计算图的峰值</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Copy of a weight kept in system RAM (op offload)</source>
            <translation>保留在系统内存中的权重的副本（算子卸载）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention scores (KQ, F32)</source>
            <translation>注意力分数（KQ，F32）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention mask</source>
            <translation>注意力掩码</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Hidden-state rows</source>
            <translation>隐藏状态行</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Attention activation rows</source>
            <translation>注意力激活行</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>F16 copy of one layer&apos;s quantized K and V</source>
            <translation>一层量化 K 和 V 的 F16 副本</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>FFN activations</source>
            <translation>FFN 激活值</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Activations</source>
            <translation>激活值</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Logits</source>
            <translation>Logits</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Gathered token embeddings</source>
            <translation>取出的 token 嵌入</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Runtime context (CUDA, ROCm or Metal, and the framework)</source>
            <translation>运行时上下文（CUDA、ROCm 或 Metal，以及框架）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Vision encoder and projector weights</source>
            <translation>视觉编码器与投影器权重</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Vision encoder&apos;s compute buffer (one image)</source>
            <translation>视觉编码器的计算缓冲区（一张图像）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The image itself (F32)</source>
            <translation>图像本身（F32）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Rounding of the tensor-parallel shares</source>
            <translation>张量并行分片取整的余量</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 layer</source>
            <translation>1 层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 layers</source>
            <translation>%1 层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 KV head</source>
            <translation>1 个 KV 头</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 KV heads</source>
            <translation>%1 个 KV 头</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 dims</source>
            <translation>%1 维</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 elements</source>
            <translation>%1 个元素</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>(K+V)</source>
            <translation>(K+V)</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>(K)</source>
            <translation>(K)</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>(V)</source>
            <translation>(V)</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 block</source>
            <translation>1 个块</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 blocks</source>
            <translation>%1 个块</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 elements per block</source>
            <translation>每块 %1 个元素</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes per block</source>
            <translation>每块 %1 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes per row</source>
            <translation>每行 %1 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 cached tokens</source>
            <translation>%1 个缓存 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 token</source>
            <translation>1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 tokens</source>
            <translation>%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 sequence</source>
            <translation>1 个序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 sequences</source>
            <translation>%1 个序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>a %1-token window</source>
            <translation>%1 个 token 的窗口</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>padded to a multiple of %1</source>
            <translation>补齐到 %1 的倍数</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 latent dims</source>
            <translation>%1 个潜向量维度</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 RoPE dims</source>
            <translation>%1 个 RoPE 维度</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 heads</source>
            <translation>%1 个头</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>hidden size %1</source>
            <translation>隐藏维度 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>FFN width %1</source>
            <translation>FFN 宽度 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>vocabulary %1</source>
            <translation>词表 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 row</source>
            <translation>1 行</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 rows</source>
            <translation>%1 行</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 checkpoint</source>
            <translation>1 个检查点</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 checkpoints</source>
            <translation>%1 个检查点</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes of state</source>
            <translation>%1 字节状态</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes of headers</source>
            <translation>%1 字节头部</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 convolution-state elements</source>
            <translation>%1 个卷积状态元素</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 SSM-state elements</source>
            <translation>%1 个 SSM 状态元素</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 GPUs</source>
            <translation>%1 块 GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 patches</source>
            <translation>%1 个图块</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 pixels a side</source>
            <translation>边长 %1 像素</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 colour channels</source>
            <translation>%1 个颜色通道</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 bytes in all</source>
            <translation>共 %1 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>the sum of %1 parts</source>
            <translation>%1 部分之和</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>(%1)</source>
            <translation>（%1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context length</source>
            <translation>上下文长度</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Parallel sequences</source>
            <translation>并行序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Batch size (headroom-cli %1)</source>
            <translation>批大小（headroom-cli %1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Forward-pass size (headroom-cli %1)</source>
            <translation>单次前向传播的大小（headroom-cli %1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Flash attention</source>
            <translation>Flash Attention</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>KV cache type</source>
            <translation>KV 缓存类型</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>GPU layers (headroom-cli %1)</source>
            <translation>GPU 层数（headroom-cli %1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>System RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Spread over every GPU (headroom-cli %1)</source>
            <translation>分布到每块 GPU（headroom-cli %1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Vision projector</source>
            <translation>视觉投影器</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Engine</source>
            <translation>引擎</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Engine version</source>
            <translation>引擎版本</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Hardware</source>
            <translation>硬件</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Change with: %1</source>
            <translation>调整：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context: the engine&apos;s default, %1 tokens per sequence</source>
            <translation>上下文：引擎默认值，每个序列 %1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context: %1 tokens, the engine&apos;s default for %2 of VRAM</source>
            <translation>上下文：%1 个 token，引擎在 %2 显存时的默认值</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context: the model&apos;s trained maximum, %1 tokens</source>
            <translation>上下文：模型训练时的最大值，%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context: a conversation of %1 tokens (this engine allocates the cache as it grows)</source>
            <translation>上下文：一段 %1 个 token 的对话（此引擎随对话增长分配缓存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Context: the engine&apos;s default of %1 tokens, lowered to %2 so that it fits (llama.cpp --fit)</source>
            <translation>上下文：引擎默认的 %1 个 token，为放得下降到 %2（llama.cpp --fit）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Parallel sequences: the engine&apos;s default, %1</source>
            <translation>并行序列：引擎默认值，%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Parallel sequences: the engine&apos;s automatic choice did not fit and fell back to 1</source>
            <translation>并行序列：引擎自动选择的数量放不下，回退为 1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The %1 default slots share one cache of the context&apos;s size</source>
            <translation>默认的 %1 个槽位共享一个上下文大小的缓存</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The KV cache pool is sized for one sequence of the full context</source>
            <translation>KV 缓存池按一个完整上下文的序列分配</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The largest forward pass holds %1 tokens</source>
            <translation>最大的一次前向传播处理 %1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Flash attention: on, as this engine version decides</source>
            <translation>Flash Attention：开启（由此引擎版本决定）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Flash attention: off, as this engine version decides</source>
            <translation>Flash Attention：关闭（由此引擎版本决定）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>KV cache type: %1</source>
            <translation>KV 缓存类型：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>DeepSeek MLA: this engine version caches the compressed latent only</source>
            <translation>DeepSeek MLA：此引擎版本只缓存压缩后的潜向量</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>DeepSeek MLA: this engine version caches the latent and stores it again as V</source>
            <translation>DeepSeek MLA：此引擎版本缓存潜向量，并再存一份作为 V</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>DeepSeek MLA: this engine version caches full K and V per head (tens of times larger)</source>
            <translation>DeepSeek MLA：此引擎版本按头缓存完整的 K 和 V（大几十倍）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sparse-attention indexer keys: fp8 with one scale per 128 elements</source>
            <translation>稀疏注意力索引器的键：fp8，每 128 个元素一个缩放因子</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sparse-attention indexer keys: stored in the KV cache&apos;s type</source>
            <translation>稀疏注意力索引器的键：以 KV 缓存的类型存储</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sliding-window layers keep only their window of %1 tokens</source>
            <translation>滑动窗口层只保留其 %1 个 token 的窗口</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Sliding-window layers keep the whole context in this engine</source>
            <translation>此引擎中滑动窗口层保留整个上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Recurrent state stored as %1</source>
            <translation>循环状态以 %1 存储</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>llama-server keeps %1 context checkpoints per slot in system RAM</source>
            <translation>llama-server 在系统内存中为每个槽位保留 %1 个上下文检查点</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Ollama runs this model on its own engine: the compute buffers are the graph that engine reserves</source>
            <translation>Ollama 在其自有引擎上运行此模型：计算缓冲区即该引擎预留的计算图</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The engine keeps %1 free on %2</source>
            <translation>引擎在 %2 上留出 %1 不用</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>vLLM fills %1 % of %2 (gpu_memory_utilization)</source>
            <translation>vLLM 占用 %2 的 %1 %（gpu_memory_utilization）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The Mac&apos;s GPU may use %1 of the unified memory (measured)</source>
            <translation>Mac 的 GPU 最多可用 %1 统一内存（实测）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The Mac&apos;s GPU may use %1 of the unified memory (macOS&apos;s default limit)</source>
            <translation>Mac 的 GPU 最多可用 %1 统一内存（macOS 的默认上限）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>This GPU shares system RAM; its driver lets it use %1</source>
            <translation>此 GPU 与系统共享系统内存，驱动允许它使用 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>llama.cpp --fit keeps %1 free on each device while placing layers</source>
            <translation>llama.cpp --fit 放置层时在每个设备上留出 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 of %2 layers on the GPUs: as many as fit</source>
            <translation>%2 层中的 %1 层在 GPU 上：能放下多少放多少</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The engine uses the fewest GPUs that hold the model: %1 of %2</source>
            <translation>引擎只用放得下模型的最少 GPU：%2 块中的 %1 块</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Every layer is split over %1 GPUs (tensor parallel)</source>
            <translation>每一层拆分到 %1 块 GPU 上（张量并行）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>Layers are split over %1 devices in proportion to their memory</source>
            <translation>各层按内存大小比例分到 %1 个设备上</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The token-embedding table stays in system RAM (llama.cpp)</source>
            <translation>token 嵌入表留在系统内存中（llama.cpp）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The vision projector is loaded, the engine&apos;s default</source>
            <translation>加载视觉投影器（引擎默认）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The vision projector is not loaded, the engine&apos;s default</source>
            <translation>不加载视觉投影器（引擎默认）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>System RAM bandwidth assumed for the decode speed: %1 GB/s</source>
            <translation>估算生成速度时假设的系统内存带宽：%1 GB/s</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The decode speed assumes %1 % of the datasheet memory bandwidth</source>
            <translation>生成速度按规格书内存带宽的 %1 % 估算</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>layer %1</source>
            <translation>第 %1 层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>layers %1–%2</source>
            <translation>第 %1–%2 层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>the output layer</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1: %2 = %3</source>
            <translation>%1：%2 = %3</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>… and %1 more</source>
            <translation>……另有 %1 项</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>The largest candidate counts; not counted: %1</source>
            <translation>只计最大的候选项；未计入：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>System RAM not given: what the host holds is not checked against it</source>
            <translation>未填写系统内存：主机上占用的内存没有与之核对</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>1 tensor</source>
            <translation>1 个张量</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 tensors</source>
            <translation>%1 个张量</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1: %2 in %3</source>
            <translation>%1：%2，%3</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>held whole on each of %1 GPUs</source>
            <translation>%1 块 GPU 各存完整一份</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_texts.cpp" />
            <source>%1 more copies</source>
            <translation>另外 %1 份副本</translation>
        </message>
    </context>
    <context>
        <name>GuiApp</name>
        <message>
            <location filename="../../app/gui/gui_app.cpp" line="200" />
            <source>Headroom cannot start</source>
            <translation>Headroom 无法启动</translation>
        </message>
    </context>
    <context>
        <name>ScenarioTexts</name>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="13" />
            <source>Personal chat (1 user, 4K)</source>
            <translation>个人聊天（1 位用户，4K）</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="15" />
            <source>Coding assistant (1 user, 32K)</source>
            <translation>编程助手（1 位用户，32K）</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="17" />
            <source>Long documents (1 user, 128K)</source>
            <translation>长文档（1 位用户，128K）</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="19" />
            <source>Small team (8 users, 8K)</source>
            <translation>小团队（8 位用户，8K）</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="21" />
            <source>API serving (vLLM, 64 sequences)</source>
            <translation>API 服务（vLLM，64 个序列）</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="28" />
            <source>One person chatting: one sequence with a context of a few pages, on the engine you chose.</source>
            <translation>一个人聊天：一个序列，上下文约几页文字，使用你选择的引擎。</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="30" />
            <source>One person with an editor assistant: open files and project notes fill a 32K context.</source>
            <translation>一个人使用编辑器里的编程助手：打开的文件和项目说明填满 32K 上下文。</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="32" />
            <source>One person reading whole reports or books: a 128K context, with flash attention so the attention scratch does not grow with it.</source>
            <translation>一个人阅读整份报告或整本书：128K 上下文，并开启 Flash Attention，让注意力的临时缓冲区不随上下文增长。</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="35" />
            <source>Eight people share one llama-server: eight slots, each with its own 8K context in the KV cache (llama-server -c 65536 -np 8).</source>
            <translation>八个人共用一个 llama-server：八个槽位，每个槽位在 KV 缓存中有自己的 8K 上下文（llama-server -c 65536 -np 8）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="38" />
            <source>An API for many clients on vLLM: 64 sequences of up to 4K decoded together (--max-num-seqs 64 --max-model-len 4096), each with its KV cache.</source>
            <translation>在 vLLM 上为众多客户端提供 API：最多 64 个长达 4K 的序列一起生成（--max-num-seqs 64 --max-model-len 4096），每个序列都有自己的 KV 缓存。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/scenario_texts.cpp" line="50" />
            <source>%n sequence(s) × %1 tokens</source>
            <translation>
                <numerusform>%n 个序列 × %1 个 token</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="52" />
            <source>flash attention on</source>
            <translation>Flash Attention 开启</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="52" />
            <source>flash attention off</source>
            <translation>Flash Attention 关闭</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="54" />
            <source>KV cache %1</source>
            <translation>KV 缓存 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="55" />
            <source>Sets: %1</source>
            <translation>已设置：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/scenario_texts.cpp" line="57" />
            <source>This model reads at most %1 tokens, so the context stops there.</source>
            <translation>此模型最多读取 %1 个 token，上下文止于此。</translation>
        </message>
    </context>
    <context>
        <name>QuantTexts</name>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>not measured</source>
            <translation>未测量</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>100 % (lossless)</source>
            <translation>100%（无损）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1 %</source>
            <translation>%1%</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>≥ %1</source>
            <translation>≥ %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>only on larger models, which lose less</source>
            <translation>只在更大的模型上测过（大模型损失更小）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>no study measured it</source>
            <translation>没有研究测过</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>the released precision</source>
            <translation>模型发布时的精度</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1, %2</source>
            <translation>%1，%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1 (bound from %2)</source>
            <translation>%1（取自 %2 的下限）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1, %2/%3 layers</source>
            <translation>%1，%2/%3 层</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>short by %1</source>
            <translation>还差 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Weights: %1 (%2 bits per weight for this model)</source>
            <translation>权重：%1（此模型每个权重 %2 位）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Quality recovery: %1</source>
            <translation>质量保持率：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1 of system RAM</source>
            <translation>%1 系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1 on the GPU + %2 of system RAM</source>
            <translation>GPU 上 %1 + 系统内存 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>%1 on the GPU</source>
            <translation>GPU 上 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Decode: %1</source>
            <translation>生成速度：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Longest context: %1 tokens</source>
            <translation>最长上下文：%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Longest context in system RAM: %1 tokens</source>
            <translation>系统内存中的最长上下文：%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Longest context: none fits in system RAM</source>
            <translation>最长上下文：无（任何上下文都放不进系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Longest context: none keeps every layer on the GPU</source>
            <translation>最长上下文：无（任何上下文下都无法让所有层留在 GPU 上）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>Studies measured %1 only on larger models, which lose less: their figure is not applied to a smaller one.</source>
            <translation>研究只在更大的模型上测过 %1（大模型损失更小）：这些数据不会套用到更小的模型上。</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_texts.cpp" />
            <source>No published study measured the quality recovery of %1.</source>
            <translation>没有已发表的研究测过 %1 的质量保持率。</translation>
        </message>
    </context>
    <context>
        <name>Texts</name>
        <message>
            <location filename="../../app/gui/texts.cpp" />
            <source>decode ≈ %1 tokens/s</source>
            <translation>生成速度 ≈ %1 token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" />
            <source>decode ≈ %1 tokens/s (usually within ±%2 %)</source>
            <translation>生成速度 ≈ %1 token/秒（通常误差在 ±%2 % 以内）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" />
            <source>prompt ≈ %1 tokens/s (half of measured runs within ±%2 %; a %3-token prompt: first token after ≈ %4 s)</source>
            <translation>提示词处理 ≈ %1 token/秒（半数实测误差在 ±%2 % 以内；%3 个 token 的提示词：约 %4 秒后出第一个 token）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="25" />
            <source>Fits</source>
            <translation>可以装下</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="26" />
            <source>Tight fit</source>
            <translation>勉强装下</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="27" />
            <source>Partial offload</source>
            <translation>部分卸载</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="28" />
            <source>Does not fit</source>
            <translation>装不下</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="36" />
            <source>A quantized KV cache needs flash attention; the engine keeps it at f16.</source>
            <translation>量化 KV 缓存需要开启 Flash Attention；引擎会保持 f16。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="37" />
            <source>The context is beyond the model's trained maximum.</source>
            <translation>上下文长度超过了模型训练时的最大值。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="38" />
            <source>The engine's default parallel slots did not fit; it falls back to 1.</source>
            <translation>引擎默认的并行槽位放不下，已回退为 1。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="39" />
            <source>This engine cannot offload layers to system RAM.</source>
            <translation>该引擎无法把层卸载到系统内存。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="40" />
            <source>The GPU count does not divide the attention heads; vLLM refuses this split.</source>
            <translation>GPU 数量不能整除注意力头数；vLLM 不支持这种切分。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="41" />
            <source>This engine version stores DeepSeek's MLA cache per head (tens of times larger).</source>
            <translation>该引擎版本按注意力头存储 DeepSeek 的 MLA 缓存（大几十倍）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="42" />
            <source>Offloaded layers need system RAM; enter your RAM to check it.</source>
            <translation>被卸载的层需要系统内存；请填写内存大小以便检查。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="43" />
            <source>The engine fits its default context to the free memory (llama.cpp --fit); set a context to choose one.</source>
            <translation>引擎会按剩余显存自动收缩默认上下文长度（llama.cpp --fit）；如需指定，请设置上下文长度。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" />
            <source>On a Mac, llama.cpp maps the model file from the GPU's first tensor to its last, so the layers and experts left in RAM count against the GPU as well; loading without mmap (--no-mmap) gives the GPU its own layers alone.</source>
            <translation>在 Mac 上，llama.cpp 会把模型文件从 GPU 的第一个张量一直映射到最后一个，留在内存中的层和专家同样计入 GPU；不使用 mmap 加载（--no-mmap）时 GPU 只持有自己的层。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" />
            <source>This engine version turns flash attention off for this model; it runs without it.</source>
            <translation>该引擎版本会为此模型关闭 Flash Attention，模型将在不使用它的情况下运行。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="50" />
            <source>Use %1</source>
            <translation>改用 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="51" />
            <source>Shorten the context to %1 tokens</source>
            <translation>把上下文长度缩短到 %1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="52" />
            <source>Use a q8_0 KV cache</source>
            <translation>使用 q8_0 KV 缓存</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/texts.cpp" line="53" />
            <source>Use %n GPU(s)</source>
            <translation>
                <numerusform>使用 %n 块 GPU</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="62" />
            <source> (did you mean: %1?)</source>
            <translation>（您是不是想输入：%1？）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="64" />
            <source>Unknown model “%1”</source>
            <translation>未知模型“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="65" />
            <source>Unknown quantization “%1”</source>
            <translation>未知量化“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="66" />
            <source>Unknown engine “%1”</source>
            <translation>未知引擎“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="67" />
            <source>Unknown GPU or Mac “%1”</source>
            <translation>未知 GPU 或 Mac“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="68" />
            <source>Unknown KV cache type “%1”</source>
            <translation>未知 KV 缓存类型“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="69" />
            <source>“%1” is not an engine version (e.g. %2)</source>
            <translation>“%1”不是有效的引擎版本（例如 %2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="71" />
            <source>%1 is not loaded by this engine (engines that load it: %2)</source>
            <translation>该引擎不能加载 %1（可加载的引擎：%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="72" />
            <source>Headroom cannot lay out %1 for this model</source>
            <translation>Headroom 无法为该模型布局 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="73" />
            <source>A GPU count needs exactly one GPU model</source>
            <translation>指定 GPU 数量时只能选择一种 GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="75" />
            <source>KV cache type “%1” is not offered by this engine (expected: %2)</source>
            <translation>该引擎不提供 KV 缓存类型“%1”（可选：%2）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="78" />
            <source>The MLX engine runs on Apple Silicon only; choose a Mac.</source>
            <translation>MLX 引擎只能在 Apple 芯片上运行；请选择一台 Mac。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="82" />
            <source>This engine version cannot load the %1 architecture; the first version that does is %2.</source>
            <translation>此引擎版本无法加载 %1 架构；最早支持它的版本是 %2。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="84" />
            <source>This engine needs a GPU: it cannot run every layer from system RAM. Choose a GPU, or llama.cpp, Ollama or Transformers for a CPU-only machine.</source>
            <translation>此引擎需要 GPU：它无法让所有层都在系统内存中运行。请选择一块 GPU，或为仅 CPU 的机器选择 llama.cpp、Ollama 或 Transformers。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="80" />
            <source>%1 is too large: context × parallel may be at most %2 tokens</source>
            <translation>%1 过大：上下文 × 并行数最多为 %2 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="81" />
            <source>Invalid value for %1: %2</source>
            <translation>%1 的值无效：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="89" />
            <source>file %1</source>
            <translation>文件 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="91" />
            <source>, entry “%1”</source>
            <translation>，条目“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="93" />
            <source>, field “%1”</source>
            <translation>，字段“%1”</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="96" />
            <source>Cannot read the catalog %1.</source>
            <translation>无法读取目录数据：%1。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="97" />
            <source>The catalog %1 is not valid JSON: %2</source>
            <translation>目录数据 %1 不是有效的 JSON：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="98" />
            <source>The catalog %1 lacks a required field.</source>
            <translation>目录数据 %1 缺少必填字段。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="99" />
            <source>The catalog %1 has a value of the wrong type: %2</source>
            <translation>目录数据 %1 中有类型错误的值：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="100" />
            <source>The catalog %1 has an invalid value: %2</source>
            <translation>目录数据 %1 中有无效的值：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="101" />
            <source>The catalog %1 repeats an id: %2</source>
            <translation>目录数据 %1 中有重复的 id：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="102" />
            <source>The catalog %1 refers to something that does not exist: %2</source>
            <translation>目录数据 %1 引用了不存在的条目：%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="103" />
            <source>The catalog %1 has a field Headroom does not know (a typo?).</source>
            <translation>目录数据 %1 含有 Headroom 不认识的字段（是否拼写错误？）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="112" />
            <source>cannot open the file</source>
            <translation>无法打开文件</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="113" />
            <source>not a GGUF file</source>
            <translation>不是 GGUF 文件</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="114" />
            <source>unsupported GGUF version</source>
            <translation>不支持的 GGUF 版本</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="115" />
            <source>the file ends early</source>
            <translation>文件提前结束</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="116" />
            <source>a size or count is larger than the file</source>
            <translation>某个长度或数量超过了文件大小</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="117" />
            <source>unknown metadata value type</source>
            <translation>未知的元数据值类型</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="118" />
            <source>nested metadata array</source>
            <translation>嵌套的元数据数组</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="119" />
            <source>invalid tensor description</source>
            <translation>无效的张量描述</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="120" />
            <source>unknown tensor type</source>
            <translation>未知的张量类型</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="121" />
            <source>tensor data lies beyond the end of the file</source>
            <translation>张量数据超出了文件末尾</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="122" />
            <source>invalid alignment</source>
            <translation>无效的对齐值</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="123" />
            <source>a required key is missing</source>
            <translation>缺少必需的键</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="124" />
            <source>a key has the wrong type</source>
            <translation>某个键的类型不对</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="125" />
            <source>a part of the split model is missing or does not match</source>
            <translation>分卷模型缺少某一部分或互不匹配</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="126" />
            <source>invalid JSON</source>
            <translation>无效的 JSON</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="127" />
            <source>not a model file or folder (.gguf, config.json, safetensors)</source>
            <translation>不是模型文件或模型文件夹（.gguf、config.json、safetensors）</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="130" />
            <source>%1: byte %2: %3</source>
            <translation>%1：第 %2 字节：%3</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="135" />
            <source>%1 GiB</source>
            <translation>%1 GiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="147" />
            <source>%1B</source>
            <translation>%1B</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="148" />
            <source>%1M</source>
            <translation>%1M</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="164" />
            <source>knowledge</source>
            <translation>知识</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="165" />
            <source>reasoning</source>
            <translation>推理</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="166" />
            <source>maths</source>
            <translation>数学</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="167" />
            <source>coding</source>
            <translation>编程</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="168" />
            <source>instruction following</source>
            <translation>指令遵循</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="176" />
            <source>no score in %1</source>
            <translation>%1 中没有得分</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="177" />
            <source>no measurement of what fits: no study measured its quantization</source>
            <translation>能运行的版本没有实测：没有研究测过它的量化</translation>
        </message>
        <message>
            <location filename="../../app/gui/texts.cpp" line="178" />
            <source>recovery measured only on larger models, which lose less</source>
            <translation>保持率只在更大的模型上测过，而大模型损失更少</translation>
        </message>
    </context>
    <context>
        <name>UserDataStore</name>
        <message>
            <source>Headroom cannot read your saved hardware and comparisons (%1: %2). They are left as they are and nothing will be saved over them.</source>
            <translation>Headroom 无法读取您保存的硬件和对比（%1：%2）。它们保持原样，也不会被覆盖。</translation>
        </message>
        <message>
            <source>it was written by a newer version of Headroom (format %1; this one reads %2)</source>
            <translation>它由更新版本的 Headroom 写入（格式 %1；当前版本读取的是 %2）</translation>
        </message>
        <message>
            <source>it is damaged (%1)</source>
            <translation>文件已损坏（%1）</translation>
        </message>
        <message>
            <source>Headroom cannot use your saved hardware and comparisons: %1. It could not move the file aside either (%2), so it is left untouched and nothing will be saved over it.</source>
            <translation>Headroom 无法使用您保存的硬件和对比：%1。也无法把该文件移到一旁（%2），因此它保持原样，不会被覆盖。</translation>
        </message>
        <message>
            <source>Headroom could not use your saved hardware and comparisons: %1. The file was kept as %2; Headroom starts with none saved.</source>
            <translation>Headroom 无法使用您保存的硬件和对比：%1。该文件已另存为 %2；Headroom 将在没有已保存数据的情况下启动。</translation>
        </message>
        <message>
            <source>Your saved hardware and comparisons were not saved: %1 could not be read or moved aside, and Headroom does not write over it.</source>
            <translation>您的硬件和对比未能保存：%1 既无法读取也无法移到一旁，Headroom 不会覆盖它。</translation>
        </message>
        <message>
            <source>Cannot save your hardware and comparisons: cannot create the folder %1.</source>
            <translation>无法保存您的硬件和对比：无法创建文件夹 %1。</translation>
        </message>
        <message>
            <source>Cannot save your hardware and comparisons to %1: %2. The file there is unchanged.</source>
            <translation>无法把您的硬件和对比保存到 %1：%2。原有文件未被改动。</translation>
        </message>
    </context>
    <context>
        <name>UserDataSync</name>
        <message>
            <source>Your saved hardware and comparisons</source>
            <translation>您保存的硬件和对比</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::AboutDialog</name>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="57" />
            <source>About Headroom</source>
            <translation>关于 Headroom</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="64" />
            <source>Will this LLM run on this hardware, and how well?</source>
            <translation>这个大模型能在这台硬件上运行吗？运行得怎么样？</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="66" />
            <source>Licence: GPL-3.0-or-later. Headroom is free software and comes with no warranty.</source>
            <translation>许可证：GPL-3.0-or-later。Headroom 是自由软件，不提供任何担保。</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="67" />
            <source>Where the figures come from</source>
            <translation>数据从哪里来</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="69" />
            <source>The catalogs (%1 models, %2 GPUs and Macs, %3 quantizations, %4 engines) were researched from the models' config.json files, vendors' spec sheets and the engines' source code and release notes. Every figure carries its source in resources/catalog/*.json.</source>
            <translation>目录（%1 个模型、%2 款 GPU 和 Mac、%3 种量化、%4 个引擎）的数据取自各模型的 config.json 文件、厂商规格表以及各引擎的源代码和发布说明。每个数值都在 resources/catalog/*.json 中注明了来源。</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="80" />
            <source>Estimates are checked against public measurements that no constant was tuned to (docs/accuracy.md):</source>
            <translation>估算结果已与公开的实测数据对照，这些数据没有用于调整任何常数（docs/accuracy.md）：</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="28" />
            <source>engine</source>
            <translation>引擎</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="80" />
            <source>measurements</source>
            <translation>实测数</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="85" />
            <source>mean error</source>
            <translation>平均误差</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="85" />
            <source>largest error</source>
            <translation>最大误差</translation>
        </message>
        <message>
            <location filename="../../app/gui/about_dialog.cpp" line="93" />
            <source>Corrections with a source are welcome. Built with Qt %1, running on Qt %2.</source>
            <translation>欢迎附带来源的更正。基于 Qt %1 构建，运行于 Qt %2。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::AdviceChart</name>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="69" />
            <source>Memory (GiB)</source>
            <translation>内存占用（GiB）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="72" />
            <source>Expected quality</source>
            <translation>预期质量</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="101" />
            <source>Model × quantization that fits</source>
            <translation>能装下的模型 × 量化</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="104" />
            <source>With partial offload</source>
            <translation>需部分卸载</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="105" />
            <source>Current choice</source>
            <translation>当前选择</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="113" />
            <source>Pareto front: the best quality for its memory</source>
            <translation>帕累托前沿：同等内存下质量最高</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_chart.cpp" line="206" />
            <source>%1 usable</source>
            <translation>可用 %1</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::AdvicePanel</name>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="49" />
            <source>System RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="56" />
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="81" />
            <source>%1, %2 models</source>
            <translation>%1，%2 个模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="89" />
            <source>any speed</source>
            <translation>不限速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="90" />
            <source> tok/s</source>
            <translation> token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="91" />
            <source>Only what decodes at least this fast (0 = any speed)</source>
            <translation>只列出生成速度不低于此值的（0 = 不限）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="94" />
            <source>All families</source>
            <translation>全部系列</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="100" />
            <source>Include partial offload</source>
            <translation>包括部分卸载</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="102" />
            <source>Also what runs with some layers in system RAM (slower)</source>
            <translation>也列出部分层放在系统内存中运行的（较慢）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="111" />
            <source>&amp;Metric:</source>
            <translation>指标(&amp;M)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="113" />
            <source>Decode &amp;at least:</source>
            <translation>生成速度至少(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="115" />
            <source>&amp;Family:</source>
            <translation>系列(&amp;F)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="152" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="152" />
            <source>Most precise that runs</source>
            <translation>能运行的最高精度</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="152" />
            <source>Memory</source>
            <translation>内存占用</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="152" />
            <source>Why not ranked</source>
            <translation>未排名原因</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="259" />
            <source>&lt;b&gt;%1&lt;/b&gt; · source: %2&lt;br/&gt;Expected quality = the model&apos;s score × the quantization&apos;s measured recovery (quantized / BF16 score); hover a point or a cell for both sources.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · 来源：%2&lt;br/&gt;预期质量 = 模型得分 × 该量化的实测保持率（量化后 / BF16 得分）；鼠标悬停在点或单元格上可查看两者的来源。</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="266" />
            <source>Cannot sweep these settings: %1</source>
            <translation>无法按这些设置评估：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="271" />
            <source>%1, %2 usable · %3, behaviour of %4</source>
            <translation>%1，可用 %2 · %3，按 %4 版本的行为</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="276" />
            <source>the engine&apos;s default context for each model</source>
            <translation>每个模型各用引擎的默认上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="276" />
            <source>context %1 tokens × %2 sequence(s)</source>
            <translation>上下文 %1 个 token × %2 个序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="281" />
            <source>Nothing with a %1 score runs on this hardware with these settings.</source>
            <translation>按这些设置，没有带 %1 得分的模型能在该硬件上运行。</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="284" />
            <source>%1 of %2 models run; %3 ranked</source>
            <translation>%2 个模型中 %1 个能运行；%3 个已排名</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="286" />
            <source>; %1 support only a shorter context</source>
            <translation>；%1 个只支持更短的上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="308" />
            <source>; %1 need a newer engine version</source>
            <translation>；%1 个需要更新的引擎版本</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="288" />
            <source>; %1 model × quantization pairs decode too slowly</source>
            <translation>；%1 个模型 × 量化组合生成速度太慢</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="291" />
            <source>Every model that runs is ranked.</source>
            <translation>能运行的模型都已排名。</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_panel.cpp" line="292" />
            <source>Run, but not ranked (%1): no quality figure to rank them by</source>
            <translation>能运行但未排名（%1）：没有可用于排名的质量数据</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::AdviceTableModel</name>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="72" />
            <source>%1 (%2, %3 parameters)</source>
            <translation>%1（%2，%3 参数）</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="77" />
            <source>No memory bandwidth figure for this hardware: no speed estimate</source>
            <translation>该硬件没有内存带宽数据：无法估算速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="90" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="91" />
            <source>Quantization</source>
            <translation>量化</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="92" />
            <source>Expected quality</source>
            <translation>预期质量</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="93" />
            <source>Quality per GB</source>
            <translation>每 GB 质量</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="94" />
            <source>Memory</source>
            <translation>内存占用</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="95" />
            <source>Headroom</source>
            <translation>余量</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="96" />
            <source>Decode</source>
            <translation>生成速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="102" />
            <source>The model&apos;s score in the chosen metric × the quantization&apos;s measured recovery</source>
            <translation>模型在所选指标中的得分 × 该量化的实测保持率</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="103" />
            <source>Expected quality per GB (10⁹ bytes) of memory: where more memory stops buying much quality</source>
            <translation>每 GB（10⁹ 字节）内存的预期质量：看出从哪里起，再加内存也换不来多少质量</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="104" />
            <source>Everything the engine allocates: weights, KV cache, compute buffers and overhead</source>
            <translation>引擎分配的全部内存：权重、KV 缓存、计算缓冲区和额外开销</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="105" />
            <source>What stays free on the fullest GPU</source>
            <translation>占用最满的 GPU 上剩余的空间</translation>
        </message>
        <message>
            <location filename="../../app/gui/advice_table_model.cpp" line="106" />
            <source>Estimated decode speed, from memory bandwidth</source>
            <translation>按内存带宽估算的生成速度</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ChartPanel</name>
        <message>
            <location filename="../../app/gui/chart_panel.cpp" line="53" />
            <source>GiB</source>
            <translation>GiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/chart_panel.cpp" line="143" />
            <source>&lt;b&gt;%1&lt;/b&gt; on %2: &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;%4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;（%2）：&lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;%4</translation>
        </message>
        <message>
            <location filename="../../app/gui/chart_panel.cpp" />
            <source>&lt;b&gt;%1&lt;/b&gt; on %2: &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;%4&lt;br/&gt;&lt;i&gt;Click the bar for every term in “Why these numbers”.&lt;/i&gt;</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;（%2）：&lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;%4&lt;br/&gt;&lt;i&gt;点击该条，在“这些数字从何而来”中查看每一项。&lt;/i&gt;</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ComparePanel</name>
        <message>
            <location filename="../../app/gui/compare_panel.cpp" line="139" />
            <source>Cannot estimate</source>
            <translation>无法估算</translation>
        </message>
        <message>
            <location filename="../../app/gui/compare_panel.cpp" line="150" />
            <source>Decode speed unknown</source>
            <translation>生成速度未知</translation>
        </message>
        <message>
            <location filename="../../app/gui/compare_panel.cpp" line="157" />
            <source>$%1 at launch · $%2 per usable GB</source>
            <translation>首发价 $%1 · 每 GB 可用显存 $%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/compare_panel.cpp" line="159" />
            <source>Launch price unknown</source>
            <translation>首发价未知</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ContextExplorerPanel</name>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="88" />
            <source>Context per sequence (tokens, log scale)</source>
            <translation>每个序列的上下文（token，对数刻度）</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="91" />
            <source>Memory (GiB)</source>
            <translation>内存占用（GiB）</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="227" />
            <source>Flash attention on, KV %1</source>
            <translation>Flash Attention 开，KV %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="227" />
            <source>Flash attention off, KV %1</source>
            <translation>Flash Attention 关，KV %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="237" />
            <source>%1 has no %2 KV cache.</source>
            <translation>%1 不提供 %2 KV 缓存。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="239" />
            <source>%1: without flash attention %2 keeps an f16 KV cache, the same memory as “%3”.</source>
            <translation>%1：不开 Flash Attention 时 %2 仍用 f16 KV 缓存，内存与“%3”相同。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="242" />
            <source>%1: %2 needs the same memory with and without flash attention, as “%3”.</source>
            <translation>%1：%2 开不开 Flash Attention 内存都一样，与“%3”相同。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="277" />
            <source>Nothing to draw: the Estimate tab says what is wrong with the inputs.</source>
            <translation>无可绘制：“估算”页会说明输入有什么问题。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="287" />
            <source>system RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="288" />
            <source>&lt;b&gt;%1&lt;/b&gt; %2 on %3: memory against context length on %4 (%5 usable), trained for up to %6 tokens</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2（%3）：在 %4（可用 %5）上内存随上下文长度的变化，训练上下文最长 %6 个 token</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/context_explorer_panel.cpp" line="292" />
            <source>%n GPU(s)</source>
            <translation>
                <numerusform>%n 块 GPU</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="293" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="295" />
            <source>Solid: memory in system RAM while it fits there; dotted: beyond what fits; dashed: the KV cache alone. A vertical line marks the longest context that fits in system RAM; the ring, the context set on the left.</source>
            <translation>实线：系统内存装得下时的内存占用；点线：超出能装下的部分；虚线：仅 KV 缓存。竖线标出系统内存能装下的最长上下文；圆圈是左侧设置的上下文。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="298" />
            <source>Solid: memory on the GPU while every layer fits there; dotted: GPU and system RAM together once layers move to system RAM; dashed: the KV cache alone. A vertical line marks the longest context that keeps every layer on the GPU; the ring, the context set on the left.</source>
            <translation>实线：所有层都放得进 GPU 时 GPU 上的内存占用；点线：有层移到系统内存后 GPU 与系统内存的合计；虚线：仅 KV 缓存。竖线标出所有层都留在 GPU 上的最长上下文；圆圈是左侧设置的上下文。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="303" />
            <source>The KV cache grows with the context in %1 of %2 layers: the other layers attend to a sliding window of %3 tokens, so beyond it the curve flattens.</source>
            <translation>KV 缓存随上下文增长的只有 %2 层中的 %1 层：其余层只关注 %3 个 token 的滑动窗口，所以超过窗口后曲线变平。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="309" />
            <source>The KV cache grows with the context in %1 of %2 layers; the others keep a fixed state, whatever the context.</source>
            <translation>KV 缓存随上下文增长的只有 %2 层中的 %1 层；其余层保持固定大小的状态，与上下文长短无关。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="314" />
            <source>The KV cache grows with the context in all %1 layers.</source>
            <translation>KV 缓存在全部 %1 层中都随上下文增长。</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="322" />
            <source>Flash attention on</source>
            <translation>Flash Attention 开</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="323" />
            <source>Flash attention off</source>
            <translation>Flash Attention 关</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="329" />
            <source>KV %1 (current)</source>
            <translation>KV %1（当前）</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="329" />
            <source>KV %1</source>
            <translation>KV %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="389" />
            <source>does not fit in system RAM</source>
            <translation>系统内存装不下</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="389" />
            <source>no context fits on the GPU</source>
            <translation>任何上下文都放不进 GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="429" />
            <source>Not drawn: %1</source>
            <translation>未绘制：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="478" />
            <source>%1 usable</source>
            <translation>可用 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="483" />
            <source>sliding window</source>
            <translation>滑动窗口</translation>
        </message>
        <message>
            <location filename="../../app/gui/context_explorer_panel.cpp" line="546" />
            <source>%1
%2 tokens: %3 in all (GPU %4, system RAM %5)
weights %6, KV cache %7, compute %8
%9</source>
            <translation>%1
%2 个 token：合计 %3（GPU %4，系统内存 %5）
权重 %6，KV 缓存 %7，计算 %8
%9</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::EstimateModel</name>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" />
            <source>Vision projector</source>
            <translation>视觉投影器</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" />
            <source>The vision encoder and projector (mmproj) with its buffer for one image, when the engine loads it.</source>
            <translation>视觉编码器与投影器（mmproj）及处理一张图像的缓冲区（引擎加载它时）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="76" />
            <source>%1 on %2: %3 GiB</source>
            <translation>%1（%2）：%3 GiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="92" />
            <source>Host RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="94" />
            <source>GPU</source>
            <translation>GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="104" />
            <source>%1 #%2</source>
            <translation>%1 #%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="110" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="111" />
            <source>KV cache</source>
            <translation>KV 缓存</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="112" />
            <source>Compute buffers</source>
            <translation>计算缓冲区</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="113" />
            <source>Runtime overhead</source>
            <translation>运行时开销</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="114" />
            <source>Usable capacity</source>
            <translation>可用容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="115" />
            <source>Marketed capacity</source>
            <translation>标称容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="123" />
            <source>The model's parameters at the chosen quantization.</source>
            <translation>按所选量化存储的模型参数。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="124" />
            <source>Keys and values kept for every token of context, for every sequence.</source>
            <translation>为每个序列的每个上下文 token 保存的键和值。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="125" />
            <source>Scratch memory the engine allocates for one forward pass.</source>
            <translation>引擎为一次前向计算分配的临时内存。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="126" />
            <source>CUDA/Metal context and framework memory taken before the model loads.</source>
            <translation>加载模型之前 CUDA/Metal 上下文和框架占用的内存。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="127" />
            <source>What the engine can actually fill on this device.</source>
            <translation>引擎在该设备上实际能用满的容量。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="128" />
            <source>The memory printed on the box.</source>
            <translation>包装盒上标注的内存容量。</translation>
        </message>
        <message>
            <location filename="../../app/gui/estimate_model.cpp" line="99" />
            <source>System RAM (CPU only)</source>
            <translation>系统内存（仅 CPU）</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ExplainModel</name>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>not counted: a larger candidate counts</source>
            <translation>未计入：计入的是更大的候选项</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>not counted: a larger candidate counts · %1</source>
            <translation>未计入：计入的是更大的候选项 · %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>(%1)</source>
            <translation>（%1）</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>the largest of %1 candidates counts</source>
            <translation>%1 个候选项中只计最大的</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>the largest of %1 candidates, plus %2 more</source>
            <translation>%1 个候选项中只计最大的，另加 %2 项</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>the sum of %1 terms</source>
            <translation>%1 项之和</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>What</source>
            <translation>项目</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>How it adds up</source>
            <translation>计算过程</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>Assumptions</source>
            <translation>假设</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>what the estimate takes as given, and what changes it</source>
            <translation>估算所依据的前提，以及改变它们的输入</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>Source: %1</source>
            <translation>来源：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>Engine behaviour of version %1</source>
            <translation>引擎版本 %1 的行为</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_model.cpp" />
            <source>%1 — %2</source>
            <translation>%1——%2</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ExplainPanel</name>
        <message>
            <location filename="../../app/gui/explain_panel.cpp" />
            <source>Why these numbers</source>
            <translation>这些数字从何而来</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_panel.cpp" />
            <source>The arithmetic behind every bar segment, and what the estimate assumes</source>
            <translation>每段条形背后的计算，以及估算所做的假设</translation>
        </message>
        <message>
            <location filename="../../app/gui/explain_panel.cpp" />
            <source>Point at a bar for a summary; click it to open its arithmetic here.</source>
            <translation>指向条形可看摘要；点击它，在此展开计算过程。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ExportActions</name>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Markdown…</source>
            <translation>Markdown(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;CSV (breakdown)…</source>
            <translation>CSV（内存明细）(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;JSON (as headroom-cli --json)…</source>
            <translation>JSON（与 headroom-cli --json 相同）(&amp;J)…</translation>
        </message>
        <message>
            <source>&amp;PNG (chart)…</source>
            <translation>PNG（图表）(&amp;P)…</translation>
        </message>
        <message>
            <source>Copy as &amp;Markdown</source>
            <translation>复制为 Markdown(&amp;M)</translation>
        </message>
        <message>
            <source>Headroom estimate</source>
            <translation>Headroom 估算结果</translation>
        </message>
        <message>
            <extracomment>The colon after a label in the exported Markdown ("Verdict: Fits"); Chinese uses the full-width one.</extracomment>
            <source>:</source>
            <translation>：</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>KV cache</source>
            <translation>KV 缓存</translation>
        </message>
        <message>
            <source>Compute</source>
            <translation>计算缓冲区</translation>
        </message>
        <message>
            <source>Overhead</source>
            <translation>运行时开销</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Usable</source>
            <translation>可用容量</translation>
        </message>
        <message>
            <source>Layers</source>
            <translation>层数</translation>
        </message>
        <message>
            <source>GiB</source>
            <translation>GiB</translation>
        </message>
        <message>
            <source>Host RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <source>Layers on GPU</source>
            <translation>GPU 上的层数</translation>
        </message>
        <message>
            <source>Headroom</source>
            <translation>余量</translation>
        </message>
        <message>
            <source>Over by</source>
            <translation>超出</translation>
        </message>
        <message>
            <source>Fixes</source>
            <translation>解决办法</translation>
        </message>
        <message>
            <source>Assumptions</source>
            <translation>假设条件</translation>
        </message>
        <message>
            <source>Notices</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Model file</source>
            <translation>模型文件</translation>
        </message>
        <message>
            <source>Quantization</source>
            <translation>量化</translation>
        </message>
        <message>
            <source>Engine</source>
            <translation>推理引擎</translation>
        </message>
        <message>
            <source>behaviour from version</source>
            <translation>按此版本起的行为</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文长度</translation>
        </message>
        <message>
            <source>tokens per sequence</source>
            <translation>个 token（每个序列）</translation>
        </message>
        <message>
            <source>Parallel sequences</source>
            <translation>并行序列</translation>
        </message>
        <message>
            <source>chosen by the engine</source>
            <translation>由引擎决定</translation>
        </message>
        <message>
            <source>as requested</source>
            <translation>按指定值</translation>
        </message>
        <message>
            <source>KV cache type</source>
            <translation>KV 缓存类型</translation>
        </message>
        <message>
            <source>Flash attention</source>
            <translation>Flash Attention</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>Longest context on the GPUs</source>
            <translation>GPU 上可容纳的最长上下文</translation>
        </message>
        <message>
            <source>Decode speed</source>
            <translation>生成速度</translation>
        </message>
        <message>
            <source>tokens/s</source>
            <translation>token/秒</translation>
        </message>
        <message>
            <source>Estimated by Headroom; every figure is an estimate of the engine&apos;s allocations.</source>
            <translation>由 Headroom 估算；所有数值都是对引擎内存分配的估计。</translation>
        </message>
        <message>
            <source>There is no result to export.</source>
            <translation>没有可导出的结果。</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown 文件 (*.md)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::InputsPanel</name>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" />
            <source>Vision projector</source>
            <translation>视觉投影器</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" />
            <source>Included</source>
            <translation>加载</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" />
            <source>Not loaded</source>
            <translation>不加载</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" />
            <source>A multimodal model&apos;s vision encoder and projector (mmproj): Ollama, vLLM and transformers load it with the model, llama-server only with --mmproj</source>
            <translation>多模态模型的视觉编码器与投影器（mmproj）：Ollama、vLLM 和 transformers 随模型一起加载，llama-server 仅在指定 --mmproj 时加载</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="55" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="62" />
            <source>Search, or type an Ollama tag / HF id</source>
            <translation>搜索，或输入 Ollama 标签 / HF 模型 id</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="68" />
            <source>Catalog model, Hugging Face repo id (org/name) or Ollama tag (e.g. deepseek-r1:32b)</source>
            <translation>目录中的模型、Hugging Face 仓库 id（组织/名称）或 Ollama 标签（例如 deepseek-r1:32b）</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="75" />
            <source>Weight quantization; Automatic = what the Ollama tag implies, else the engine's usual default</source>
            <translation>权重量化；自动 = 采用 Ollama 标签对应的量化，否则用引擎的常用默认值</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="78" />
            <source>Quantization</source>
            <translation>量化</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="82" />
            <source>Context</source>
            <translation>上下文长度</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="87" />
            <source>Leave the context to the engine, as when none is given: Ollama picks it by version and VRAM, llama.cpp fits it to the free memory</source>
            <translation>把上下文长度交给引擎决定（与不指定时相同）：Ollama 按版本和显存选择，llama.cpp 按空闲显存自动适配</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="465" />
            <source>The estimate uses %1 tokens</source>
            <translation>估算使用 %1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="88" />
            <source>Context length per sequence (log scale)</source>
            <translation>每个序列的上下文长度（对数刻度）</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="94" />
            <source> tok</source>
            <translation> token</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="117" />
            <location filename="../../app/gui/inputs_panel.cpp" line="141" />
            <source>Engine default</source>
            <translation>引擎默认</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="118" />
            <source>Sequences served at once; each gets its own context in the KV cache</source>
            <translation>同时服务的序列数；每个序列在 KV 缓存中有自己的上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="119" />
            <source>Parallel sequences</source>
            <translation>并行序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="124" />
            <location filename="../../app/gui/inputs_panel.cpp" line="144" />
            <source>Engine</source>
            <translation>推理引擎</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="127" />
            <location filename="../../app/gui/inputs_panel.cpp" line="360" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="134" />
            <source>Engine version: allocation behaviour changes between releases</source>
            <translation>引擎版本：不同版本的内存分配方式不同</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="142" />
            <source>On</source>
            <translation>开</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="143" />
            <source>Off</source>
            <translation>关</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="145" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="146" />
            <source>KV cache</source>
            <translation>KV 缓存</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="147" />
            <source>Flash attention</source>
            <translation>Flash Attention</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="151" />
            <source>Hardware</source>
            <translation>硬件</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="164" />
            <location filename="../../app/gui/inputs_panel.cpp" line="179" />
            <source> GiB</source>
            <translation> GiB</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="165" />
            <source>Add a different second card</source>
            <translation>再加一种不同的显卡</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="180" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="181" />
            <source>System RAM available for layers that do not fit on the GPUs</source>
            <translation>GPU 放不下的层可使用的系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="183" />
            <location filename="../../app/gui/inputs_panel.cpp" line="187" />
            <source>Count</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="184" />
            <source>Custom capacity</source>
            <translation>自定义容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="188" />
            <source>System RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="366" />
            <source>%1  (%2 bpw)</source>
            <translation>%1  （%2 bpw）</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="379" />
            <source>Latest</source>
            <translation>最新</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="384" />
            <source>%1 or newer</source>
            <translation>%1 或更新</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="415" />
            <source>
Ollama tag: %1</source>
            <translation>
Ollama 标签：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="418" />
            <source>File: %1
%2</source>
            <translation>文件：%1
%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="420" />
            <source>File: %1 (cannot be read)</source>
            <translation>文件：%1（无法读取）</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="422" />
            <source>Not in the catalog</source>
            <translation>不在目录中</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="71" />
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="75" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="77" />
            <source>Your own settings: the fields below as you set them</source>
            <translation>你自己的设置：下方各项保持你填写的值</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="84" />
            <source>Sets the engine, context and parallel sequences of a typical use; changing one of them by hand returns to Custom</source>
            <translation>按典型用途设置引擎、上下文和并行序列；手动修改其中任何一项即回到“自定义”</translation>
        </message>
        <message>
            <location filename="../../app/gui/inputs_panel.cpp" line="626" />
            <source>System RAM of this machine: every layer, the KV cache and the buffers live in it; lower it to what is free</source>
            <translation>这台机器的系统内存：所有层、KV 缓存和缓冲区都放在其中；可调低为实际空闲的大小</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::LaunchCommandBox</name>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="25" />
            <source>context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="26" />
            <source>parallel sequences</source>
            <translation>并行序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="27" />
            <source>batch</source>
            <translation>批大小</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="28" />
            <source>micro-batch</source>
            <translation>微批大小</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="29" />
            <source>KV cache type</source>
            <translation>KV 缓存类型</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="30" />
            <source>flash attention</source>
            <translation>Flash Attention</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="31" />
            <source>GPU layers</source>
            <translation>GPU 层数</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="32" />
            <source>split over the GPUs</source>
            <translation>在各 GPU 上的切分</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="33" />
            <source>spread over every GPU</source>
            <translation>分布到所有 GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="50" />
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="52" />
            <source>Copy the command to the clipboard</source>
            <translation>将命令复制到剪贴板</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="74" />
            <location filename="../../app/gui/launch_command_box.cpp" line="83" />
            <source>Launch command</source>
            <translation>启动命令</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="85" />
            <source>Headroom does not know how to start %1 %2.</source>
            <translation>Headroom 不知道如何启动 %1 %2。</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="89" />
            <source>Launch command for %1 %2</source>
            <translation>%1 %2 的启动命令</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="94" />
            <source>Replace &lt;…&gt; with your model file or repository.</source>
            <translation>请将 &lt;…&gt; 替换为你的模型文件或仓库。</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="96" />
            <source>The first line raises the Mac&apos;s GPU memory limit to %1 MiB until the next restart, so that it fits.</source>
            <translation>第一行将 Mac 的显存上限提高到 %1 MiB（重启后失效），以便放得下。</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="100" />
            <source>Not set by the command: %1 %2 (this version has no option for it; its default applies).</source>
            <translation>命令未设置：%1 %2（此版本没有对应选项，按其默认值）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/launch_command_box.cpp" line="101" />
            <source>Not set by the command: %1 %2 (the option does not take this value).</source>
            <translation>命令未设置：%1 %2（该选项不接受此值）。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::MainWindow</name>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="31" />
            <source>Headroom — will this LLM fit?</source>
            <translation>Headroom —— 这个大模型装得下吗？</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="64" />
            <source>Estimate</source>
            <translation>估算</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" />
            <source>Quantizations</source>
            <translation>量化对比</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="65" />
            <source>Compare hardware</source>
            <translation>硬件对比</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="67" />
            <source>My models</source>
            <translation>我的模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="80" />
            <source>Context length</source>
            <translation>上下文长度</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="156" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="157" />
            <source>&amp;Open model file…</source>
            <translation>打开模型文件(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="158" />
            <source>Open model file</source>
            <translation>打开模型文件</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="159" />
            <source>Model files (*.gguf config.json);;All files (*)</source>
            <translation>模型文件 (*.gguf config.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="165" />
            <source>Open model &amp;folder…</source>
            <translation>打开模型文件夹(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="166" />
            <source>Open model folder</source>
            <translation>打开模型文件夹</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="171" />
            <source>&amp;My models</source>
            <translation>我的模型(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="174" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="197" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="199" />
            <source>&amp;About Headroom</source>
            <translation>关于 Headroom(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="202" />
            <source>About &amp;Qt</source>
            <translation>关于 Qt(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="74" />
            <source>Best accuracy per GB</source>
            <translation>每 GB 最佳精度</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" line="87" />
            <source>Number formats</source>
            <translation>数值格式</translation>
        </message>
        <message>
            <location filename="../../app/gui/main_window.cpp" />
            <source>What to buy</source>
            <translation>买什么</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::NumberFormatPanel</name>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="54" />
            <source>%1 %2</source>
            <comment>one sentence after another</comment>
            <translation>%1%2</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="74" />
            <source>%1 × 10&lt;sup&gt;%2&lt;/sup&gt;</source>
            <translation>%1 × 10&lt;sup&gt;%2&lt;/sup&gt;</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="106" />
            <source>Number format:</source>
            <translation>数值格式：</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="112" />
            <source>ggml block:</source>
            <translation>ggml 块：</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="160" />
            <source>%1 sign, %2 exponent and %3 mantissa bits; exponent bias %4.</source>
            <translation>%1 位符号、%2 位指数、%3 位尾数；指数偏置 %4。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="165" />
            <source>Largest finite value %1, smallest normal %2.</source>
            <translation>最大有限值 %1，最小正规数 %2。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="168" />
            <source>Subnormals reach down to %1.</source>
            <translation>次正规数可低至 %1。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="170" />
            <source>No zero and no subnormals: every code is a power of two.</source>
            <translation>没有零，也没有次正规数：每个编码都是 2 的幂。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="171" />
            <source>Precision: the step after 1.0 is %1, about %2 significant decimal digits.</source>
            <translation>精度：1.0 之后的步长为 %1，约 %2 位有效十进制数字。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="175" />
            <source>Infinities and NaNs as in IEEE 754: the all-ones exponent holds no numbers.</source>
            <translation>与 IEEE 754 一样有无穷大和 NaN：全 1 的指数不表示数值。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="178" />
            <source>No infinity: only the all-ones pattern is NaN, so the top exponent still holds numbers.</source>
            <translation>没有无穷大：只有全 1 的编码是 NaN，因此最高的指数仍表示数值。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="180" />
            <source>Every pattern is a number: no infinity, no NaN.</source>
            <translation>每个编码都是数值：没有无穷大，也没有 NaN。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="188" />
            <source>%1: %2 bits</source>
            <translation>%1：%2 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="191" />
            <source>sign</source>
            <translation>符号</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="191" />
            <source>sign: 1 bit</source>
            <translation>符号：1 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="192" />
            <source>exponent</source>
            <translation>指数</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="193" />
            <source>exponent bits: %1</source>
            <translation>指数位数：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="195" />
            <source>mantissa</source>
            <translation>尾数</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="196" />
            <source>mantissa bits: %1</source>
            <translation>尾数位数：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="220" />
            <source>sign (two&apos;s complement): 1 bit</source>
            <translation>符号（补码）：1 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="221" />
            <source>value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="221" />
            <source>value bits: %1</source>
            <translation>数值位数：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="225" />
            <source>A %1-bit two&apos;s-complement integer: %2 to %3 in steps of 1, %4 levels. It needs a scale per group of weights to stand for real numbers (Q4_0, GPTQ, AWQ).</source>
            <translation>%1 位补码整数：%2 到 %3，步长 1，共 %4 个取值。每组权重需要一个缩放因子才能表示实数（Q4_0、GPTQ、AWQ）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="234" />
            <source>index</source>
            <translation>索引</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="235" />
            <source>index into %1 fixed values: %2 bits</source>
            <translation>指向 %1 个固定值的索引：%2 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="238" />
            <source>Not a float: a %1-bit index picks one of %2 fixed values from %3 to %4 (the smallest above zero is %5), spaced unevenly, closer together near zero.</source>
            <translation>不是浮点数：%1 位索引从 %3 到 %4 之间的 %2 个固定值中选一个（大于零的最小值为 %5），间距不均匀，越靠近零越密。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="254" />
            <source>One block of %1: %2 × %3 and one %4 scale</source>
            <translation>%1 的一个块：%2 × %3 加一个 %4 缩放因子</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="256" />
            <source>%1 scale: %2 bits</source>
            <translation>%1 缩放因子：%2 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="260" />
            <source>%1 × %2: %3 bits each</source>
            <translation>%1 × %2：每个 %3 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="262" />
            <source>%1: every %2 values share one %3 scale, so each value takes %4 + %5 / %2 = %6 bits.</source>
            <translation>%1：每 %2 个值共用一个 %3 缩放因子，因此每个值占 %4 + %5 / %2 = %6 位。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="270" />
            <source>Each tensor adds one %1 scale on top.</source>
            <translation>每个张量另有一个 %1 缩放因子。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="272" />
            <source>Each value is %1:</source>
            <translation>每个值都是 %1：</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="296" />
            <source>%1 scale of all %2 weights</source>
            <translation>全部 %2 个权重的 %1 缩放因子</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="298" />
            <source>%1 scale of the sub-block mins</source>
            <translation>子块最小值的 %1 缩放因子</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="300" />
            <source>%1 scale of the sub-block scales</source>
            <translation>子块缩放因子的 %1 缩放因子</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="303" />
            <source>%1 scales and %1 mins of the sub-blocks, %2 bits each</source>
            <translation>子块的 %1 个缩放因子和 %1 个最小值，每个 %2 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="304" />
            <source>%1 scales of the sub-blocks, %2 bits each</source>
            <translation>子块的 %1 个缩放因子，每个 %2 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="309" />
            <source>the low %1 bits of each weight</source>
            <translation>每个权重的低 %1 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="310" />
            <source>the weights, %1 bits each</source>
            <translation>权重本身，每个 %1 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="314" />
            <source>%1 more bits of each weight</source>
            <translation>每个权重另外的 %1 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="316" />
            <source>%1: %2 bytes, %3</source>
            <translation>%1：%2 字节，%3</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="343" />
            <source>%1: %2 weights in %3 bytes</source>
            <translation>%1：%2 个权重占 %3 字节</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="356" />
            <source>%1 bytes × 8 / %2 weights = %3 bits per weight: %4 for the weights themselves, %5 for the scales.</source>
            <translation>%1 字节 × 8 / %2 个权重 = 每个权重 %3 位：权重本身占 %4 位，缩放因子占 %5 位。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="362" />
            <source>The scales cover %1 sub-blocks of %2 weights and are themselves scaled by the F16 values of the whole super-block.</source>
            <translation>缩放因子覆盖 %1 个子块（每块 %2 个权重），它们本身又由整个超级块的 F16 值缩放。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="364" />
            <source>The scales cover %1 sub-blocks of %2 weights.</source>
            <translation>缩放因子覆盖 %1 个子块（每块 %2 个权重）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="381" />
            <source>%1 in %2: %3 bits per weight</source>
            <translation>%1（%2）：每个权重 %3 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="387" />
            <source>%1: %2 % of the weights, %3 bits each</source>
            <translation>%1：%2 % 的权重，每个 %3 位</translation>
        </message>
        <message>
            <location filename="../../app/gui/number_format_panel.cpp" line="397" />
            <source>%1 says %2 bits; %3&apos;s weights take %4 per weight: the block types add their scales, and some tensors are kept in wider types (the shares above).</source>
            <translation>%1 名义上是 %2 位；%3 的权重实际每个占 %4 位：块类型要加上缩放因子，而且部分张量保存为更宽的类型（见上方的占比）。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::RuleOfThumbSeries</name>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="72" />
            <source>Rule of thumb (parameters × bytes per weight)</source>
            <translation>经验法则（参数量 × 每个权重的字节数）</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="74" />
            <source>Rule × 1.5–2</source>
            <translation>经验法则 × 1.5–2</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="79" />
            <source>This estimate, all memory</source>
            <translation>本次估算（全部内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="120" />
            <source>Top row: the rule (faint bar), its × 1.5–2 band (dashed) and this estimate on every device and in system RAM (solid line).</source>
            <translation>顶行：经验法则（浅色条）、它的 × 1.5–2 区间（虚线框）和本次估算在所有设备及系统内存中的总量（实线）。</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="125" />
            <source>Rule of thumb</source>
            <translation>经验法则</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="131" />
            <source>the same</source>
            <translation>相同</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="132" />
            <source>%1 % more</source>
            <translation>多出 %1 %</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="133" />
            <source>%1 % less</source>
            <translation>少 %1 %</translation>
        </message>
        <message>
            <location filename="../../app/gui/rule_of_thumb_series.cpp" line="134" />
            <source>Rule of thumb: %1 B parameters × %2 B per weight = %3 GB (× 1.5–2: %4–%5 GB); this estimate %6 GB, %7.</source>
            <translation>经验法则：%1 B 参数 × 每个权重 %2 字节 = %3 GB（× 1.5–2：%4–%5 GB）；本次估算 %6 GB，%7。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::MyModelsPanel</name>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="29" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="43" />
            <source>Rescan</source>
            <translation>重新扫描</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="45" />
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="54" />
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="54" />
            <source>Library</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="54" />
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="54" />
            <source>Size on disk</source>
            <translation>磁盘占用</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="54" />
            <source>On this hardware</source>
            <translation>在此硬件上</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="63" />
            <source>Double-click a model to size it. Open any other file with File → Open model file… or drop it on the window.</source>
            <translation>双击模型即可估算。其他文件可通过“文件 → 打开模型文件…”打开，或直接拖到窗口上。</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="69" />
            <source>Folder with models</source>
            <translation>包含模型的文件夹</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="101" />
            <source>No models found in the Ollama store, LM Studio's folders or the Hugging Face cache under %1.</source>
            <translation>在 %1 下的 Ollama 模型库、LM Studio 文件夹和 Hugging Face 缓存中都没有找到模型。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/my_models_panel.cpp" line="102" />
            <source>%n model(s) in the Ollama store, LM Studio's folders, the Hugging Face cache under %1 and added folders.</source>
            <translation>
                <numerusform>在 %1 下的 Ollama 模型库、LM Studio 文件夹、Hugging Face 缓存和已添加的文件夹中找到 %n 个模型。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="150" />
            <source>%1 of %2 layers on the GPU</source>
            <translation>%1 / %2 层在 GPU 上</translation>
        </message>
        <message>
            <location filename="../../app/gui/my_models_panel.cpp" line="152" />
            <source>Cannot estimate</source>
            <translation>无法估算</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::QuantChart</name>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>Weights (GiB)</source>
            <translation>权重大小（GiB）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>Quality recovery</source>
            <translation>质量保持率</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>Current choice</source>
            <translation>当前选择</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>not measured</source>
            <translation>未测量</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>%1 %</source>
            <translation>%1%</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>%1 usable</source>
            <translation>可用 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_chart.cpp" />
            <source>Click to use it</source>
            <translation>点击即可采用</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::QuantExplorerPanel</name>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>System RAM</source>
            <translation>系统内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>Cannot compare quantizations for these settings: %1</source>
            <translation>无法按这些设置比较各种量化：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>&lt;b&gt;%1&lt;/b&gt; at every quantization %2 loads · %3, %4 usable</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;：%2 能加载的每种量化 · %3，可用 %4</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>context %1 tokens × %2 sequence(s)</source>
            <translation>上下文 %1 个 token × %2 个序列</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>the engine fits the context to the memory for each quantization</source>
            <translation>引擎按每种量化的剩余内存自动确定上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_explorer_panel.cpp" />
            <source>Quality recovery = quantized score / BF16 score in published studies (hollow points at the foot: no study measured it). Each row is the estimate of that quantization; click one to use it.</source>
            <translation>质量保持率 = 已发表研究中量化后得分 / BF16 得分（底部的空心点：没有研究测过）。每一行都是该量化的估算结果；点击即可采用。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::QuantTableModel</name>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>No memory bandwidth figure for this hardware: no speed estimate</source>
            <translation>该硬件没有内存带宽数据：无法估算速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Quantization</source>
            <translation>量化</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Bits</source>
            <translation>位数</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Recovery</source>
            <translation>保持率</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Measured on</source>
            <translation>测量依据</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Verdict</source>
            <translation>结论</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Headroom</source>
            <translation>余量</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Decode</source>
            <translation>生成速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Max context</source>
            <translation>最长上下文</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>The tensors' bytes in this quantization: about the file you download (without a vision projector)</source>
            <translation>此量化下所有张量的字节数：约等于你下载的文件大小（不含视觉投影器）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Bits per weight: weights × 8 / parameters, for this model (embeddings and the output layer are often kept at more bits)</source>
            <translation>每个权重的位数：此模型的权重字节 × 8 / 参数量（嵌入层和输出层通常保留更多位数）</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Quality recovery: quantized score / BF16 score in published studies, at the largest evaluated size up to this model's</source>
            <translation>质量保持率：已发表研究中量化后得分 / BF16 得分，取不超过此模型大小的最大评测规模</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>The benchmarks and the model size the recovery was measured on</source>
            <translation>测量保持率所用的评测和模型大小</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>The estimate for this quantization on the chosen hardware and settings</source>
            <translation>此量化在所选硬件和设置下的估算结论</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>What stays free on the fullest GPU</source>
            <translation>占用最满的 GPU 上剩余的空间</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Estimated decode speed, from memory bandwidth</source>
            <translation>按内存带宽估算的生成速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/quant_table_model.cpp" />
            <source>Longest context per sequence (tokens) that keeps every layer on the GPU</source>
            <translation>所有层都留在 GPU 上时每个序列可用的最长上下文（token 数）</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::ThisComputer</name>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="20" />
            <source>VRAM</source>
            <translation>显存</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="21" />
            <source>GTT (shared system RAM)</source>
            <translation>GTT（共享的系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="22" />
            <source>TTM limit (shared system RAM)</source>
            <translation>TTM 上限（共享的系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="23" />
            <source>amdgpu.gttsize (shared system RAM)</source>
            <translation>amdgpu.gttsize（共享的系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="24" />
            <source>unified memory (system RAM)</source>
            <translation>统一内存（系统内存）</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="24" />
            <source>unified memory</source>
            <translation>统一内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="47" />
            <source>NVIDIA GPU</source>
            <translation>NVIDIA GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="48" />
            <source>AMD GPU</source>
            <translation>AMD GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="49" />
            <source>Intel GPU</source>
            <translation>Intel GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="50" />
            <source>Apple GPU</source>
            <translation>Apple GPU</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="119" />
            <source>Detecting this computer…</source>
            <translation>正在检测本机…</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="122" />
            <source>No GPU detected: the estimate runs on the CPU and system RAM.</source>
            <translation>未检测到 GPU：按 CPU 和系统内存估算。</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="125" />
            <source>%1: memory not reported, left out</source>
            <translation>%1：未报告容量，已略过</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="128" />
            <source>%1: %2 %3</source>
            <translation>%1：%2 %3</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="130" />
            <source>, %1 free</source>
            <translation>，空闲 %1</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="135" />
            <source>System RAM: %1, %2 available</source>
            <translation>系统内存：%1，可用 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="135" />
            <source>System RAM: %1</source>
            <translation>系统内存：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="147" />
            <source>%1: read with %2</source>
            <translation>%1：通过 %2 读取</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="149" />
            <source>; the %1 VRAM carve-out is not what it can use</source>
            <translation>；BIOS 划出的 %1 显存并不是它实际可用的容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="151" />
            <source>; GPU wired limit (iogpu.wired_limit_mb) %1</source>
            <translation>；GPU 常驻内存上限（iogpu.wired_limit_mb）%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="154" />
            <source>; catalog entry: %1</source>
            <translation>；目录条目：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="155" />
            <source>; sized as a custom device with the bandwidth of %1</source>
            <translation>；按自定义设备计算，带宽取 %1 的</translation>
        </message>
        <message>
            <location filename="../../app/gui/this_computer.cpp" line="157" />
            <source>; not in the catalog: a custom device (no speed estimate)</source>
            <translation>；不在目录中：按自定义设备计算（没有速度估计）</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/this_computer.cpp" line="164" />
            <source>%n figure(s) could not be read (%1); headroom-cli detect shows the details.</source>
            <translation>
                <numerusform>有 %n 项数值无法读取（%1）；详情见 headroom-cli detect。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::VerdictBanner</name>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" />
            <source>Or keep only the experts of %1 of %2 blocks in system RAM (llama.cpp --n-cpu-moe %1): %3 on the GPU + %4 of RAM, %5</source>
            <translation>或只把 %2 个块中 %1 个块的专家放在系统内存（llama.cpp --n-cpu-moe %1）：GPU 上 %3 + 内存 %4，%5</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="67" />
            <source>%1 — %2 headroom</source>
            <translation>%1 —— 余量 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="69" />
            <source>%1 — %2 of %3 layers on the GPU</source>
            <translation>%1 —— %3 层中有 %2 层在 GPU 上</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="71" />
            <source>%1 — short by %2</source>
            <translation>%1 —— 还差 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="84" />
            <source>Cannot estimate</source>
            <translation>无法估算</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="84" />
            <source>Cannot read the model file</source>
            <translation>无法读取模型文件</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="96" />
            <source>decode speed unknown (no memory bandwidth for this device)</source>
            <translation>生成速度未知（没有该设备的显存带宽数据）</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="103" />
            <source>%1, about %2× slower than with every layer on the GPU</source>
            <translation>%1，比全部层都在 GPU 上慢约 %2 倍</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="106" />
            <source>%1; %2 layers run on the CPU from system RAM</source>
            <translation>%1；%2 层在 CPU 上用系统内存运行</translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/gui/verdict_banner.cpp" line="110" />
            <source>context %1 × %n sequence(s)</source>
            <translation>
                <numerusform>上下文 %1 × %n 个序列</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="112" />
            <source>longest context on the GPU: %1 tokens</source>
            <translation>GPU 上可容纳的最长上下文：%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="118" />
            <source>longest context in system RAM: %1 tokens</source>
            <translation>系统内存可容纳的最长上下文：%1 个 token</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="124" />
            <source>To fit on the GPU: %1</source>
            <translation>要全部装进 GPU：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="66" />
            <source>%1 in system RAM — short by %2</source>
            <translation>系统内存%1 —— 还差 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="67" />
            <source>%1 in system RAM — %2 headroom</source>
            <translation>系统内存%1 —— 余量 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="106" />
            <source>decode ≈ %1 tokens/s from system RAM at %2 GB/s</source>
            <translation>生成速度 ≈ %1 token/秒（系统内存，%2 GB/s）</translation>
        </message>
        <message>
            <location filename="../../app/gui/verdict_banner.cpp" line="143" />
            <source>To fit in system RAM: %1</source>
            <translation>要装进系统内存：%1</translation>
        </message>
    </context>
    <context>
        <name>PlanTexts</name>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>layers in RAM</source>
            <translation>部分层在内存中</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>no compute figure</source>
            <translation>无算力数据</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1 × %2</source>
            <translation>%1 × %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>¥%1</source>
            <translation>¥%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>$%1</source>
            <translation>$%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1 × %2 over RPC</source>
            <translation>%1 × %2（经 RPC 互联）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1 machines × (%2) over RPC</source>
            <translation>%1 台机器 × (%2)（经 RPC 互联）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>no bandwidth figure</source>
            <translation>无带宽数据</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1 tok/s</source>
            <translation>%1 token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>no %1 price</source>
            <translation>无 %1 价格</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1: no %2 launch price in the catalog</source>
            <translation>%1：目录中没有 %2 首发价</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1: %2 at launch (%3)</source>
            <translation>%1：首发价 %2（%3）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>%1, %2 usable</source>
            <translation>%1，可用 %2</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Headroom: %1</source>
            <translation>余量：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Each machine holds its own layers and their KV cache, a compute buffer and the runtime; the network between them limits the speed.</source>
            <translation>每台机器各自存放自己的层及其 KV 缓存、一个计算缓冲区和运行时；机器之间的网络限制速度。</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Launch price: %1 (the price the source gives, not converted)</source>
            <translation>首发价：%1（按来源给出的价格，未做换算）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Double-click to use this hardware in the Estimate tab</source>
            <translation>双击即可在“估算”页使用此硬件</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Several machines: the Estimate tab holds one machine, so a double-click does not apply it</source>
            <translation>多台机器：“估算”页只容纳一台机器，因此双击不会采用它</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Price per usable GB</source>
            <translation>每 GB 可用容量的价格</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Price per token/s</source>
            <translation>每 token/秒的价格</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Decode speed</source>
            <translation>生成速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_texts.cpp" />
            <source>Headroom</source>
            <translation>余量</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::PlanPanel</name>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>any budget</source>
            <translation>不限预算</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Only what costs at most this at launch (0 = any budget)</source>
            <translation>只列出首发价不超过此值的（0 = 不限预算）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>The currency of the budget and of the prices shown: each price as its source gives it, never converted</source>
            <translation>预算和所示价格的币种：每个价格都按其来源给出，从不换算</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>any speed</source>
            <translation>不限速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source> tok/s</source>
            <translation> token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Only what decodes at least this fast (0 = any speed)</source>
            <translation>只列出生成速度不低于此值的（0 = 不限）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Several &amp;machines</source>
            <translation>多台机器(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Also 2 to 8 machines joined by llama.cpp RPC: each holds its layers, their KV cache, its own compute buffer and runtime; the network limits the speed</source>
            <translation>也考虑经 llama.cpp RPC 互联的 2 到 8 台机器：每台存放自己的层及其 KV 缓存、自己的计算缓冲区和运行时；网络限制速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>How the planner ranks the options; what fits always comes before what does not</source>
            <translation>规划器如何为各方案排序；装得下的总排在装不下的前面</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>&amp;Budget:</source>
            <translation>预算(&amp;B)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Decode &amp;at least:</source>
            <translation>生成速度至少(&amp;A)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>&amp;Sort by:</source>
            <translation>排序(&amp;S)：</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Cannot plan for these settings: %1</source>
            <translation>无法按这些设置规划：%1</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>&lt;b&gt;%1&lt;/b&gt; on %2 · %3 options, %4 with every layer on the GPUs</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;，使用 %2 · %3 个方案，其中 %4 个能把所有层放在 GPU 上</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>No hardware option within these limits: raise the budget or lower the minimum speed.</source>
            <translation>在这些限制内没有可选的硬件：请提高预算或降低最低速度。</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_panel.cpp" />
            <source>Launch prices in %1 as their sources give them (never converted); greyed rows do not fit. Double-click a one-machine option to use it in the Estimate tab.</source>
            <translation>首发价以 %1 计，按来源给出（从不换算）；灰色的行装不下。双击单台机器的方案即可在“估算”页使用它。</translation>
        </message>
    </context>
    <context>
        <name>headroom::gui::PlanTableModel</name>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Prefill</source>
            <translation>预填充速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Estimated prompt processing speed, from the cards&apos; FP16 throughput</source>
            <translation>按显卡 FP16 算力估算的提示词处理（预填充）速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Hardware</source>
            <translation>硬件</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Fits</source>
            <translation>装得下</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Headroom</source>
            <translation>余量</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Usable</source>
            <translation>可用容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Decode</source>
            <translation>生成速度</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Launch price</source>
            <translation>首发价</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Per usable GB</source>
            <translation>每 GB 可用容量</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Per token/s</source>
            <translation>每 token/秒</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>The planner&apos;s rank under the chosen sort key: what fits first</source>
            <translation>规划器按所选排序方式给出的名次：装得下的在前</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>The cards in one machine, or several machines joined by llama.cpp RPC</source>
            <translation>一台机器中的显卡，或经 llama.cpp RPC 互联的多台机器</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>The estimate for this model and these settings on this hardware</source>
            <translation>此模型和这些设置在此硬件上的估算结果</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>What stays free on the fullest GPU</source>
            <translation>占用最满的 GPU 上剩余的空间</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>The memory the engine can fill, over every card or machine</source>
            <translation>引擎在所有显卡或机器上能用满的内存</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Estimated decode speed, from memory bandwidth (and the network for several machines)</source>
            <translation>估算的生成速度，按内存带宽计算（多台机器时还要考虑网络）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Launch price in the currency its source gives: never converted</source>
            <translation>以来源给出的币种标示的首发价：从不换算</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Launch price / usable memory (GB = 10^9 bytes)</source>
            <translation>首发价 / 可用内存（GB = 10^9 字节）</translation>
        </message>
        <message>
            <location filename="../../app/gui/plan_table_model.cpp" />
            <source>Launch price / estimated decode tokens per second</source>
            <translation>首发价 / 估算的每秒生成 token 数</translation>
        </message>
    </context>
</TS>
