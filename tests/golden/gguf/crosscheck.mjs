// SPDX-License-Identifier: GPL-3.0-or-later
// Cross-check of the golden GGUF headers with an independent parser: Hugging Face's @huggingface/gguf
// (MIT, vendored in vendor/, see vendor/README). Every <case>/header.gguf is parsed by it and compared with the
// same hand-written <case>/expected.json that tests/io/tst_golden_files.cpp compares Headroom's reader with, so
// a disagreement between the two readers, or between either and the published tables, fails.
//
//   node crosscheck.mjs [golden gguf folder]      exit 0 when every case matches, 1 otherwise
import fs from 'node:fs';
import path from 'node:path';
import { gguf, GGMLQuantizationType, GGML_QUANT_SIZES } from './vendor/huggingface-gguf-0.4.6.mjs';

const root = process.argv[2] ?? path.dirname(new URL(import.meta.url).pathname);
// llama.cpp include/llama.h enum llama_ftype, for the ids the cases use (expected.json names the type).
const FILE_TYPES = { 1: 'F16', 2: 'Q4_0', 7: 'Q8_0', 15: 'Q4_K_M', 18: 'Q6_K' };
const two = (v) => v.toFixed(2); // llama.cpp prints these figures with "%.2f"

async function check(dir) {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
  const { metadata, tensorInfos, tensorDataOffset } = await gguf(path.join(dir, 'header.gguf'), { allowLocalFile: true });
  const bad = [];
  const want = (field, exp, got) => { if (exp !== undefined && JSON.stringify(exp) !== JSON.stringify(got)) bad.push(`${field}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(got)}`); };

  const arch = metadata['general.architecture'];
  const key = (k) => metadata[`${arch}.${k}`];
  const tokens = metadata['tokenizer.ggml.tokens'];
  const spec = expected.spec;
  want('spec.arch', spec.arch, arch);
  want('spec.layers', spec.layers, key('block_count'));
  want('spec.hidden', spec.hidden, key('embedding_length'));
  want('spec.heads', spec.heads, key('attention.head_count'));
  want('spec.kv_heads', spec.kv_heads, key('attention.head_count_kv') ?? key('attention.head_count'));
  want('spec.ffn', spec.ffn, key('feed_forward_length'));
  want('spec.max_context', spec.max_context, key('context_length'));
  want('spec.vocab', spec.vocab, Array.isArray(tokens) ? tokens.length : undefined);
  const names = new Set(tensorInfos.map((t) => t.name));
  want('spec.tied_embeddings', spec.tied_embeddings, !names.has('output.weight'));
  if (spec.moe === null) want('spec.moe', null, key('expert_count') ? { experts: key('expert_count') } : null);

  const fileType = metadata['general.file_type'];
  want('file.version', expected.file.version, metadata.version);
  want('file.kv_count', expected.file.kv_count, Number(metadata.kv_count));
  want('file.tensor_count', expected.file.tensor_count, Number(metadata.tensor_count));
  want('file.alignment', expected.file.alignment, metadata['general.alignment'] ?? 32);
  want('file.file_type', expected.file.file_type, fileType);
  want('quant', expected.quant, FILE_TYPES[fileType] ?? `file type ${fileType}`);
  want('tensor list', expected.file.tensor_count, tensorInfos.length);

  const types = {};
  let params = 0n;
  let bits = 0; // GGML_QUANT_SIZES is bits per weight, exact binary fractions for these types
  for (const t of tensorInfos) {
    const name = GGMLQuantizationType[t.dtype] ?? `type ${t.dtype}`;
    types[name] = (types[name] ?? 0) + 1;
    const n = t.shape.reduce((a, b) => a * BigInt(b), 1n);
    params += n;
    bits += Number(n) * GGML_QUANT_SIZES[t.dtype];
  }
  const sorted = (o) => Object.fromEntries(Object.entries(o).sort());
  want('tensor_types', sorted(expected.tensor_types), sorted(types));

  const bytes = bits / 8;
  const pub = expected.published;
  want('published.params_b', pub.params_b, two(Number(params) * 1e-9));
  want('published.size_gib', pub.size_gib, two(bytes / 2 ** 30));
  want('published.bpw', pub.bpw, two((bytes * 8) / Number(params)));
  if (pub.buffers_mib) {
    const b = pub.buffers_mib;
    const sum = Number(b.mem_required) + Number(b.vram_used ?? 0) - Number(b.ggml_ctx ?? 0);
    if (Math.abs(bytes / 2 ** 20 - sum) > 0.015 + 1e-9) bad.push(`published.buffers_mib: tables give ${two(sum)} MiB, got ${two(bytes / 2 ** 20)}`);
  }
  // The header was cut at the data offset, so the parser's data offset must be the file's length.
  want('data offset', fs.statSync(path.join(dir, 'header.gguf')).size, tensorDataOffset === undefined ? undefined : Number(tensorDataOffset));
  return bad;
}

let failed = 0;
let cases = 0;
for (const name of fs.readdirSync(root).sort()) {
  const dir = path.join(root, name);
  if (!fs.existsSync(path.join(dir, 'expected.json')) || !fs.existsSync(path.join(dir, 'header.gguf'))) continue;
  ++cases;
  let bad;
  try {
    bad = await check(dir);
  } catch (e) {
    bad = [`@huggingface/gguf failed: ${e.message}`];
  }
  if (bad.length) {
    ++failed;
    console.log(`FAIL gguf/${name}:\n  ${bad.join('\n  ')}`);
  } else {
    console.log(`PASS gguf/${name}`);
  }
}
if (cases < 6) {
  console.log(`FAIL: ${cases} GGUF cases found in ${root}, at least 6 expected`);
  failed = failed || 1;
}
console.log(`${cases - failed}/${cases} cases agree with @huggingface/gguf`);
process.exit(failed ? 1 : 0);
