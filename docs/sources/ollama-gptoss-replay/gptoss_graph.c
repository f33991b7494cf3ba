// Reproduces the compute graph that Ollama v0.11.10's Go engine builds for
// gpt-oss in runner/ollamarunner reserveWorstCaseGraph (model/models/gptoss/model.go,
// ml/backend/ggml/ggml.go, kvcache/causal.go), then runs the vendored ggml
// graph allocator (ggml-alloc.c) on the part that ggml_backend_sched places
// on the GPU, to obtain the "compute graph device=GPU" size.
//
// Usage: gptoss_graph B O ctx_per_seq parallel layers fa(0/1) [vocab]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "ggml.h"
#include "ggml-alloc.h"
#include "ggml-backend.h"
#include "ggml-backend-impl.h"
#include "ggml-impl.h"

static const int H = 2880, NH = 64, NKV = 8, HD = 64, NUSED = 4, FF = 2880; static int NEXP = 128;

static char fake_mem_marker;
static void fake(struct ggml_tensor * t) { t->data = &fake_mem_marker; } // pretend pre-allocated elsewhere

// GPU-like buffer type: alignment 128 (CUDA/ROCm), alloc size = nbytes for non-quantized tensors
static const char * gb_name(ggml_backend_buffer_type_t b) { (void)b; return "GPU-like"; }
static ggml_backend_buffer_t gb_alloc(ggml_backend_buffer_type_t b, size_t size) {
    ggml_backend_buffer_t buf = ggml_backend_buft_alloc_buffer(ggml_backend_cpu_buffer_type(), size);
    (void)b; return buf;
}
static size_t gb_align(ggml_backend_buffer_type_t b) { (void)b; return 128; }
static bool gb_host(ggml_backend_buffer_type_t b) { (void)b; return false; }
static struct ggml_backend_buffer_type gpu_buft = {
    .iface = { .get_name = gb_name, .alloc_buffer = gb_alloc, .get_alignment = gb_align,
               .get_max_size = NULL, .get_alloc_size = NULL, .is_host = gb_host },
    .device = NULL, .context = NULL,
};

static struct ggml_tensor * ggml_dup_tensor_layout(struct ggml_context * ctx, const struct ggml_tensor * tensor) {
    struct ggml_tensor * dup = ggml_dup_tensor(ctx, tensor);
    for (int i = 0; i < GGML_MAX_DIMS; i++) dup->nb[i] = tensor->nb[i];
    return dup;
}
static size_t roundup(size_t x, size_t p) { return ((x + p - 1) / p) * p; }

int main(int argc, char ** argv) {
    int B      = argc > 1 ? atoi(argv[1]) : 512;   // batch tokens (s.batchSize)
    int O      = argc > 2 ? atoi(argv[2]) : 1;     // len(batch.Outputs) == s.parallel
    int numCtx = argc > 3 ? atoi(argv[3]) : 8192;  // kvSize / parallel
    int par    = argc > 4 ? atoi(argv[4]) : 1;     // maxSequences
    int L      = argc > 5 ? atoi(argv[5]) : 36;    // block_count
    int FA     = argc > 6 ? atoi(argv[6]) : 1;
    int VOCAB  = argc > 7 ? atoi(argv[7]) : 201088;
    int SWA_WIN = 128, SWA_MEM = 4096;
    if (argc > 8) NEXP = atoi(argv[8]);
    int V012 = argc > 9 ? atoi(argv[9]) : 0;
    int OLD = getenv("OLD") ? 1 : 0; if (OLD) FA = 0;

    // ---- kvcache/causal.go Init + buildMask (reserve) ----
    int cachePad = FA ? 256 : 32;
    int maskBatchPad = FA ? GGML_KQ_MASK_PAD : 1;
    enum ggml_type maskType = FA ? GGML_TYPE_F16 : GGML_TYPE_F32;
    // full (causal) cache
    size_t fullCells = roundup((size_t)par * numCtx, cachePad);
    // SWA mem cache
    int swaMem = SWA_MEM; if (swaMem > numCtx) swaMem = 0x7fffffff;
    size_t swaCells = (swaMem == 0x7fffffff) ? (size_t)par * numCtx : (size_t)par * swaMem + B;
    swaCells = roundup(swaCells, cachePad);
    size_t maskB = roundup(B, maskBatchPad);
    // reserve: curCellRange = [0, len(cells)-1], rounded to cachePad
    size_t fullLen = roundup(fullCells, cachePad), swaLen = roundup(swaCells, cachePad);
    (void)SWA_WIN;

    struct ggml_init_params ip = { .mem_size = 64*1024*1024, .mem_buffer = NULL, .no_alloc = true };
    struct ggml_context * ctx = ggml_init(ip);
    struct ggml_cgraph * gf = ggml_new_graph_custom(ctx, 32768, false);

    // weights (allocated elsewhere)
    struct ggml_tensor * tok_embd = ggml_new_tensor_2d(ctx, GGML_TYPE_F16, H, VOCAB); fake(tok_embd);
    struct ggml_tensor * out_norm = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, H); fake(out_norm);
    struct ggml_tensor * out_w    = ggml_new_tensor_2d(ctx, GGML_TYPE_F16, H, VOCAB); fake(out_w);
    int QKV = HD*NH + 2*HD*NKV;

    // inputs (ctx.Input(): CPU buffers allocated outside the graph)
    struct ggml_tensor * inputs = ggml_new_tensor_1d(ctx, GGML_TYPE_I32, B); fake(inputs);
    struct ggml_tensor * positions = ggml_new_tensor_1d(ctx, GGML_TYPE_I32, B); fake(positions);
    struct ggml_tensor * one = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, 1); fake(one); (void)one; struct ggml_tensor * oneT = one; ggml_set_name(one, "one");
    // StartForward: WrapperCache -> SWA cache first, then causal
    int RUNTIME = getenv("RUNTIME_MASK") ? 1 : 0; // non-reserve path: F32 mask input + Cast(F16) in graph
    struct ggml_tensor * swaMask  = ggml_new_tensor_2d(ctx, RUNTIME ? GGML_TYPE_F32 : maskType, swaLen, maskB);  fake(swaMask);
    struct ggml_tensor * fullMask = ggml_new_tensor_2d(ctx, RUNTIME ? GGML_TYPE_F32 : maskType, fullLen, maskB); fake(fullMask);
    struct ggml_tensor * swaMaskUse = swaMask, * fullMaskUse = fullMask;
    if (RUNTIME && maskType != GGML_TYPE_F32) { swaMaskUse = ggml_cast(ctx, swaMask, maskType); fullMaskUse = ggml_cast(ctx, fullMask, maskType); }

    struct ggml_tensor * h = ggml_get_rows(ctx, tok_embd, inputs);
    struct ggml_tensor * emb = h; ggml_set_name(emb, "inp_embd"); ggml_set_name(swaMask, "swa_mask"); ggml_set_name(fullMask, "full_mask"); ggml_set_name(positions, "positions");
    struct ggml_tensor * outputsT = NULL;

    for (int il = 0; il < L; il++) {
        int swa = (il % 2) == 0;
        size_t cells = swa ? swaCells : fullCells;
        struct ggml_tensor * mask = swa ? swaMaskUse : fullMaskUse;
        struct ggml_tensor * outputs = NULL;
        if (O > 0 && il == L - 1) { outputs = ggml_new_tensor_1d(ctx, GGML_TYPE_I32, O); fake(outputs); ggml_set_name(outputs, "outputs"); outputsT = outputs; }

        // layer weights
        struct ggml_tensor * attn_norm = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, H); fake(attn_norm);
        struct ggml_tensor * qkv_w = ggml_new_tensor_2d(ctx, GGML_TYPE_F16, H, QKV); fake(qkv_w);
        struct ggml_tensor * qkv_b = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, QKV); fake(qkv_b);
        struct ggml_tensor * o_w = ggml_new_tensor_2d(ctx, GGML_TYPE_F16, HD*NH, H); fake(o_w);
        struct ggml_tensor * o_b = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, H); fake(o_b);
        struct ggml_tensor * sinks = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, NH); fake(sinks);
        struct ggml_tensor * ffn_norm = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, H); fake(ffn_norm);
        struct ggml_tensor * rt_w = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, H, NEXP); fake(rt_w);
        struct ggml_tensor * rt_b = ggml_new_tensor_1d(ctx, GGML_TYPE_F32, NEXP); fake(rt_b);
        struct ggml_tensor * gu_w = ggml_new_tensor_3d(ctx, GGML_TYPE_MXFP4, H, 2*FF, NEXP); fake(gu_w);
        struct ggml_tensor * gu_b = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, 2*FF, NEXP); fake(gu_b);
        struct ggml_tensor * dn_w = ggml_new_tensor_3d(ctx, GGML_TYPE_MXFP4, FF, H, NEXP); fake(dn_w);
        struct ggml_tensor * dn_b = ggml_new_tensor_2d(ctx, GGML_TYPE_F32, H, NEXP); fake(dn_b);
        // kv cache (allocated elsewhere, F16)
        struct ggml_tensor * Kc = ggml_new_tensor_3d(ctx, GGML_TYPE_F16, HD, NKV, cells); fake(Kc);
        struct ggml_tensor * Vc = FA ? ggml_new_tensor_3d(ctx, GGML_TYPE_F16, HD, NKV, cells)
                                     : ggml_new_tensor_3d(ctx, GGML_TYPE_F16, cells, HD, NKV); fake(Vc);

        // ---- AttentionBlock.Forward ----
        int bs = h->ne[1];
        struct ggml_tensor * residual = h;
        struct ggml_tensor * x = ggml_mul(ctx, ggml_rms_norm(ctx, h, 1e-5f), attn_norm);
        ggml_format_name(x, "L%d.attn_norm", il);
        struct ggml_tensor * qkv = ggml_add(ctx, ggml_mul_mat(ctx, qkv_w, x), qkv_b); ggml_format_name(qkv, "L%d.qkv", il); ggml_format_name(qkv->src[0], "L%d.qkv_mm", il);
        struct ggml_tensor * q = ggml_view_3d(ctx, qkv, HD, NH, bs, qkv->nb[0]*HD, qkv->nb[1], 0);
        struct ggml_tensor * k = ggml_view_3d(ctx, qkv, HD, NKV, bs, qkv->nb[0]*HD, qkv->nb[1], qkv->nb[0]*HD*NH);
        struct ggml_tensor * v = ggml_view_3d(ctx, qkv, HD, NKV, bs, qkv->nb[0]*HD, qkv->nb[1], qkv->nb[0]*HD*(NH+NKV));
        q = ggml_rope_ext(ctx, q, positions, NULL, HD, GGML_ROPE_TYPE_NEOX, 4096, 150000.f, 1.f/32.f, 1.f, 1.f, 32.f, 1.f);
        k = ggml_rope_ext(ctx, k, positions, NULL, HD, GGML_ROPE_TYPE_NEOX, 4096, 150000.f, 1.f/32.f, 1.f, 1.f, 32.f, 1.f);
        ggml_format_name(q, "L%d.q_rope", il); ggml_format_name(k, "L%d.k_rope", il);
        if (V012) { // v0.12.x ml/nn/attention.go: ctx.Forward(query); ctx.Forward(key, value)
            ggml_build_forward_expand(gf, q);
            ggml_build_forward_expand(gf, k);
            ggml_build_forward_expand(gf, v);
        }
        // cache.Put
        ggml_build_forward_expand(gf, ggml_cpy(ctx, k, ggml_view_1d(ctx, Kc, HD*NKV*bs, 0)));
        if (FA) {
            ggml_build_forward_expand(gf, ggml_cpy(ctx, v, ggml_view_1d(ctx, Vc, HD*NKV*bs, 0)));
        } else {
            struct ggml_tensor * vp = ggml_permute(ctx, v, 1, 2, 0, 3);
            ggml_build_forward_expand(gf, ggml_cpy(ctx, vp, ggml_view_2d(ctx, Vc, bs, HD*NKV, cells*Vc->nb[0], 0)));
        }
        // cache.Get
        size_t cached = mask->ne[0];
        struct ggml_tensor * key = ggml_view_3d(ctx, Kc, HD, NKV, cached, Kc->nb[1], Kc->nb[2], 0);
        struct ggml_tensor * value = FA ? ggml_view_3d(ctx, Vc, HD, NKV, cached, Vc->nb[1], Vc->nb[2], 0)
                                        : ggml_view_3d(ctx, Vc, cached, HD, NKV, Vc->nb[1], Vc->nb[2], 0);
        struct ggml_tensor * attn;
        float scale = 1.0f / sqrtf((float)HD);
        struct ggml_tensor * qp = ggml_permute(ctx, q, 0, 2, 1, 3);
        struct ggml_tensor * kp = ggml_permute(ctx, key, 0, 2, 1, 3);
        if (OLD) {
            struct ggml_tensor * kq = ggml_mul_mat(ctx, kp, qp);
            ggml_mul_mat_set_prec(kq, GGML_PREC_F32);
            kq = ggml_scale(ctx, kq, scale);
            kq = ggml_add(ctx, kq, mask);
            struct ggml_tensor * tmpl = ggml_new_tensor_4d(ctx, GGML_TYPE_F32, 1, bs, NH, 1);
            struct ggml_tensor * sr = ggml_repeat(ctx, ggml_reshape_4d(ctx, sinks, 1, 1, NH, 1), tmpl);
            kq = ggml_concat(ctx, kq, sr, 0);
            kq = ggml_soft_max(ctx, kq);
            kq = ggml_pad(ctx, kq, -1, 0, 0, 0);
            struct ggml_tensor * kqv = ggml_mul_mat(ctx, value, kq);
            attn = ggml_cont(ctx, ggml_permute(ctx, kqv, 0, 2, 1, 3));
        } else if (FA) {
            struct ggml_tensor * vp = ggml_permute(ctx, value, 0, 2, 1, 3);
            attn = ggml_flash_attn_ext(ctx, qp, kp, vp, mask, scale, 0, 0);
            ggml_flash_attn_ext_add_sinks(attn, sinks);
            ggml_flash_attn_ext_set_prec(attn, GGML_PREC_F32);
        } else {
            struct ggml_tensor * kq = ggml_mul_mat(ctx, kp, qp);
            ggml_mul_mat_set_prec(kq, GGML_PREC_F32);
            kq = ggml_soft_max_ext(ctx, kq, mask, scale, 0);
            ggml_soft_max_add_sinks(kq, sinks);
            struct ggml_tensor * kqv = ggml_mul_mat(ctx, value, kq);
            attn = ggml_cont(ctx, ggml_permute(ctx, kqv, 0, 2, 1, 3));
        }
        ggml_format_name(attn, "L%d.attn_out", il);
        attn = ggml_reshape_2d(ctx, attn, attn->ne[0]*attn->ne[1], bs);
        h = ggml_add(ctx, ggml_add(ctx, ggml_mul_mat(ctx, o_w, attn), o_b), residual); ggml_format_name(h, "L%d.attn_resid", il); ggml_format_name(h->src[0]->src[0], "L%d.o_mm", il);

        if (outputs) h = ggml_get_rows(ctx, h, outputs);

        // ---- MLPBlock.Forward ----
        int hd = h->ne[0], sl = h->ne[1], bt = h->ne[2];
        residual = h;
        x = ggml_mul(ctx, ggml_rms_norm(ctx, h, 1e-5f), ffn_norm);
        ggml_format_name(x, "L%d.ffn_norm", il);
        x = ggml_reshape_2d(ctx, x, hd, sl*bt);
        struct ggml_tensor * rw = ggml_add(ctx, ggml_mul_mat(ctx, rt_w, x), rt_b);
        ggml_format_name(rw, "L%d.router", il);
        struct ggml_tensor * sel = ggml_top_k(ctx, rw, NUSED); ggml_format_name(sel->view_src, "L%d.argsort", il);
        rw = ggml_get_rows(ctx, ggml_reshape_3d(ctx, rw, 1, NEXP, sl*bt), sel);
        rw = ggml_soft_max(ctx, ggml_reshape_2d(ctx, rw, NUSED, sl*bt));
        rw = ggml_reshape_3d(ctx, rw, 1, NUSED, sl*bt);
        x = ggml_reshape_3d(ctx, x, x->ne[0], 1, x->ne[1]);
        struct ggml_tensor * gu = ggml_add_id(ctx, ggml_mul_mat_id(ctx, gu_w, x, sel), gu_b, sel);
        ggml_format_name(gu, "L%d.gate_up", il); ggml_format_name(gu->src[0], "L%d.gate_up_mm", il);
        gu = ggml_reshape_4d(ctx, gu, 2, gu->ne[0]/2, gu->ne[1], gu->ne[2]);
        if (OLD) {
            struct ggml_tensor * glu = ggml_view_4d(ctx, gu, gu->ne[0]/2, gu->ne[1], gu->ne[2], gu->ne[3], gu->nb[1], gu->nb[2], gu->nb[3], 0);
            glu = ggml_cont(ctx, glu);
            glu = ggml_clamp(ctx, glu, -INFINITY, 7.0f);
            glu = ggml_gelu_quick_inplace(ctx, glu);
            struct ggml_tensor * lin = ggml_view_4d(ctx, gu, gu->ne[0]/2, gu->ne[1], gu->ne[2], gu->ne[3], gu->nb[1], gu->nb[2], gu->nb[3], gu->nb[0]);
            lin = ggml_clamp(ctx, lin, -7.0f, 7.0f);
            lin = ggml_add(ctx, lin, oneT);
            x = ggml_mul(ctx, glu, lin);
            x = ggml_reshape_3d(ctx, x, x->ne[0]*x->ne[1], x->ne[2], x->ne[3]);
        } else {
        struct ggml_tensor * gate = ggml_view_4d(ctx, gu, gu->ne[0]/2, gu->ne[1], gu->ne[2], gu->ne[3], gu->nb[1], gu->nb[2], gu->nb[3], 0);
        gate = ggml_cont_3d(ctx, gate, gate->ne[0]*gate->ne[1], gate->ne[2], gate->ne[3]);
        struct ggml_tensor * up = ggml_view_4d(ctx, gu, gu->ne[0]/2, gu->ne[1], gu->ne[2], gu->ne[3], gu->nb[1], gu->nb[2], gu->nb[3], gu->nb[0]);
        up = ggml_cont_3d(ctx, up, up->ne[0]*up->ne[1], up->ne[2], up->ne[3]);
        ggml_format_name(gate, "L%d.gate_cont", il); ggml_format_name(up, "L%d.up_cont", il);
        x = ggml_swiglu_oai(ctx, gate, up, 1.702f, 7.0f); ggml_format_name(x, "L%d.swiglu", il);
        }
        struct ggml_tensor * ex = ggml_add_id(ctx, ggml_mul_mat_id(ctx, dn_w, x, sel), dn_b, sel);
        ggml_format_name(ex, "L%d.down", il);
        ex = ggml_mul(ctx, ex, rw); ggml_format_name(ex, "L%d.down_x_w", il);
        struct ggml_tensor * nx = ggml_view_2d(ctx, ex, ex->ne[0], ex->ne[2], ex->nb[2], 0);
        for (int i = 1; i < NUSED; i++)
            nx = ggml_add(ctx, nx, ggml_view_2d(ctx, ex, ex->ne[0], ex->ne[2], ex->nb[2], i*ex->nb[1]));
        ggml_format_name(nx, "L%d.expert_sum", il);
        h = ggml_add(ctx, nx, residual); ggml_format_name(h, "L%d.out", il);
    }
    h = ggml_mul(ctx, ggml_rms_norm(ctx, h, 1e-5f), out_norm);
    struct ggml_tensor * logits = ggml_mul_mat(ctx, out_w, h); ggml_set_name(logits, "logits");
    ggml_build_forward_expand(gf, logits);

    // ---- emulate ggml_backend_sched_split_graph: node 0 (get_rows on CPU weights) -> CPU split;
    // everything else -> GPU split; CPU-resident srcs get a GPU copy added at the start of the split.
    GGML_ASSERT(gf->nodes[0] == emb);
    struct ggml_tensor * cpuSide[8]; struct ggml_tensor * copies[8]; int ncp = 0;
    struct ggml_tensor * ext[] = { emb, positions, swaMask, fullMask, one, outputsT, inputs };
    int next = O > 0 ? 6 : 5;
    struct ggml_cgraph * g2 = ggml_new_graph_custom(ctx, 32768, false);
    // first pass: discover split inputs in node order
    for (int i = 1; i < gf->n_nodes; i++) {
        struct ggml_tensor * n = gf->nodes[i];
        for (int j = 0; j < GGML_MAX_SRC; j++) {
            struct ggml_tensor * s = n->src[j]; if (!s) continue;
            int isExt = 0; for (int e = 0; e < next; e++) if (s == ext[e]) isExt = 1;
            if (!isExt) continue;
            int found = -1; for (int c = 0; c < ncp; c++) if (cpuSide[c] == s) found = c;
            if (found < 0) {
                cpuSide[ncp] = s; copies[ncp] = ggml_dup_tensor_layout(ctx, s);
                ggml_format_name(copies[ncp], "GPU#%s", s->name); found = ncp++;
            }
            n->src[j] = copies[found];
        }
    }
    for (int c = 0; c < ncp; c++) g2->nodes[g2->n_nodes++] = copies[c];
    for (int i = 1; i < gf->n_nodes; i++) g2->nodes[g2->n_nodes++] = gf->nodes[i];
    // leafs: all pre-allocated; keep them for completeness
    for (int i = 0; i < gf->n_leafs; i++) g2->leafs[g2->n_leafs++] = gf->leafs[i];
    fake(emb); // CPU-side tensor, lives in the CPU compute buffer

    ggml_gallocr_t ga = ggml_gallocr_new(&gpu_buft);
    if (!ggml_gallocr_reserve(ga, g2)) { fprintf(stderr, "reserve failed\n"); return 1; }
    size_t gpu = ggml_gallocr_get_buffer_size(ga, 0);
    size_t cpu = ggml_nbytes(emb);
    size_t inp = 0; for (int c = 0; c < ncp; c++) inp += ggml_nbytes(copies[c]);
    printf("V012=%d B=%d O=%d ctx/seq=%d parallel=%d layers=%d FA=%d vocab=%d | fullCells=%zu swaCells=%zu maskB=%zu | nodes=%d copies=%d (%.3f MiB)\n",
           V012, B, O, numCtx, par, L, FA, VOCAB, fullCells, swaCells, maskB, g2->n_nodes, ncp, inp/1048576.0);
    printf("GPU compute graph = %zu bytes = %.4f MiB ; CPU compute graph = %zu bytes = %.4f MiB\n",
           gpu, gpu/1048576.0, cpu, cpu/1048576.0);
    return 0;
}
