// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the header of a GGUF file (ggml-org/ggml docs/gguf.md, version 3) from a case's source.json: the
// metadata key/value table and the tensor table as published for a real file. The output stops at the start
// of the tensor data (the header plus padding to general.alignment); the size of the whole file goes to
// expected.json by hand. Written from the spec alone: it shares no code or key names with Headroom's reader.
//
//   node write_header.mjs <case folder>...     writes <case>/header.gguf from <case>/source.json
//
// source.json: { "kv": [[key, type, value], ...], "tensors": [[name, ggml type, [ne0, ne1, ...]], ...] }
// where type is one of the spec's names (uint8 ... float64, string, bool, or "array:<element type>"); an array
// published only by its length may be given as {"count": N, "fill": <element>} and is written as N copies.
import fs from 'node:fs';
import path from 'node:path';

// gguf.md "GGUF metadata value type".
const VALUE_TYPES = { uint8: 0, int8: 1, uint16: 2, int16: 3, uint32: 4, int32: 5, float32: 6, bool: 7, string: 8,
  array: 9, uint64: 10, int64: 11, float64: 12 };
// ggml.h enum ggml_type ids with [elements per block, bytes per block] (ggml-common.h block structs).
const GGML_TYPES = {
  F32: [0, 1, 4], F16: [1, 1, 2], Q4_0: [2, 32, 18], Q4_1: [3, 32, 20], Q5_0: [6, 32, 22], Q5_1: [7, 32, 24],
  Q8_0: [8, 32, 34], Q8_1: [9, 32, 36], Q2_K: [10, 256, 84], Q3_K: [11, 256, 110], Q4_K: [12, 256, 144],
  Q5_K: [13, 256, 176], Q6_K: [14, 256, 210], Q8_K: [15, 256, 292], IQ2_XXS: [16, 256, 66], IQ2_XS: [17, 256, 74],
  IQ3_XXS: [18, 256, 98], IQ1_S: [19, 256, 50], IQ4_NL: [20, 32, 18], IQ3_S: [21, 256, 110], IQ2_S: [22, 256, 82],
  IQ4_XS: [23, 256, 136], I8: [24, 1, 1], I16: [25, 1, 2], I32: [26, 1, 4], I64: [27, 1, 8], F64: [28, 1, 8],
  IQ1_M: [29, 256, 56], BF16: [30, 1, 2], TQ1_0: [34, 256, 54], TQ2_0: [35, 256, 66], MXFP4: [39, 32, 17],
};

class Out {
  constructor() { this.parts = []; this.size = 0; }
  push(buf) { this.parts.push(buf); this.size += buf.length; }
  u8(v) { const b = Buffer.alloc(1); b.writeUInt8(v); this.push(b); }
  i8(v) { const b = Buffer.alloc(1); b.writeInt8(v); this.push(b); }
  u16(v) { const b = Buffer.alloc(2); b.writeUInt16LE(v); this.push(b); }
  i16(v) { const b = Buffer.alloc(2); b.writeInt16LE(v); this.push(b); }
  u32(v) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.push(b); }
  i32(v) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.push(b); }
  u64(v) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.push(b); }
  i64(v) { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(v)); this.push(b); }
  f32(v) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.push(b); }
  f64(v) { const b = Buffer.alloc(8); b.writeDoubleLE(v); this.push(b); }
  str(s) { const b = Buffer.from(s, 'utf8'); this.u64(b.length); this.push(b); }
  bytes() { return Buffer.concat(this.parts); }
}

function scalar(out, type, v) {
  switch (type) {
    case 'uint8': return out.u8(v);
    case 'int8': return out.i8(v);
    case 'uint16': return out.u16(v);
    case 'int16': return out.i16(v);
    case 'uint32': return out.u32(v);
    case 'int32': return out.i32(v);
    case 'uint64': return out.u64(v);
    case 'int64': return out.i64(v);
    case 'float32': return out.f32(v);
    case 'float64': return out.f64(v);
    case 'bool': return out.u8(v ? 1 : 0);
    case 'string': return out.str(v);
    default: throw new Error(`unknown value type ${type}`);
  }
}

export function writeHeader(source) {
  const out = new Out();
  const alignmentKv = source.kv.find(([k]) => k === 'general.alignment');
  const alignment = alignmentKv ? alignmentKv[2] : 32;
  out.push(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(source.tensors.length);
  out.u64(source.kv.length);
  for (const [key, type, value] of source.kv) {
    out.str(key);
    if (type.startsWith('array:')) {
      const element = type.slice(6);
      out.u32(VALUE_TYPES.array);
      out.u32(VALUE_TYPES[element]);
      const items = Array.isArray(value) ? value : new Array(value.count).fill(value.fill);
      out.u64(items.length);
      for (const item of items) scalar(out, element, item);
    } else {
      if (!(type in VALUE_TYPES)) throw new Error(`${key}: unknown type ${type}`);
      out.u32(VALUE_TYPES[type]);
      scalar(out, type, value);
    }
  }
  let offset = 0n;
  let dataBytes = 0n;
  for (const [name, typeName, ne] of source.tensors) {
    const t = GGML_TYPES[typeName];
    if (!t) throw new Error(`${name}: unknown ggml type ${typeName}`);
    const [id, blockElems, blockBytes] = t;
    out.str(name);
    out.u32(ne.length);
    for (const n of ne) out.u64(n);
    out.u32(id);
    out.u64(offset);
    const elements = ne.reduce((a, n) => a * BigInt(n), 1n);
    if (BigInt(ne[0]) % BigInt(blockElems) !== 0n) throw new Error(`${name}: row ${ne[0]} is not whole blocks`);
    const bytes = elements / BigInt(blockElems) * BigInt(blockBytes);
    dataBytes += bytes;
    offset += bytes;
    offset = (offset + BigInt(alignment) - 1n) / BigInt(alignment) * BigInt(alignment);
  }
  const pad = (alignment - (out.size % alignment)) % alignment;
  out.push(Buffer.alloc(pad));
  return { bytes: out.bytes(), dataOffset: out.size, dataBytes, lastOffsetEnd: offset };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  for (const dir of process.argv.slice(2)) {
    const source = JSON.parse(fs.readFileSync(path.join(dir, 'source.json'), 'utf8'));
    const { bytes, dataOffset, dataBytes } = writeHeader(source);
    fs.writeFileSync(path.join(dir, 'header.gguf'), bytes);
    console.log(`${dir}: header ${dataOffset} bytes, tensor data ${dataBytes} bytes, file ${BigInt(dataOffset) + dataBytes} bytes`);
  }
}
