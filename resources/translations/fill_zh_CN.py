#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills headroom_zh_CN.ts from the table below after `ninja headroom_gui_lupdate` adds new strings.
Usage: python3 resources/translations/fill_zh_CN.py  (reports any source text without a translation)."""
import pathlib
import sys
import xml.etree.ElementTree as ET

ZH = {
    'Headroom cannot start': 'Headroom 无法启动',
    'Fits': '可以装下',
    'Tight fit': '勉强装下',
    'Partial offload': '部分卸载',
    'Does not fit': '装不下',
    'A quantized KV cache needs flash attention; the engine keeps it at f16.': '量化 KV 缓存需要开启 Flash Attention；引擎会保持 f16。',
    "The context is beyond the model's trained maximum.": '上下文超过了模型训练时的最大长度。',
    "The engine's default parallel slots did not fit; it falls back to 1.": '引擎默认的并行槽位放不下，已回退为 1。',
    'This engine cannot offload layers to system RAM.': '该引擎无法把层卸载到系统内存。',
    'The GPU count does not divide the attention heads; vLLM refuses this split.': 'GPU 数量不能整除注意力头数；vLLM 不支持这种切分。',
    "This engine version stores DeepSeek's MLA cache per head (tens of times larger).": '该引擎版本按注意力头存储 DeepSeek 的 MLA 缓存（大几十倍）。',
    'Offloaded layers need system RAM; enter your RAM to check it.': '被卸载的层需要系统内存；请填写内存大小以便检查。',
    'This engine cannot use one of the devices.': '该引擎无法使用其中一个设备。',
    'Use %1': '改用 %1',
    'Shorten the context to %1 tokens': '把上下文缩短到 %1 个 token',
    'Use a q8_0 KV cache': '使用 q8_0 KV 缓存',
    'Use %n GPU(s)': ['使用 %n 块 GPU'],
    ' (did you mean: %1?)': '（您是不是想输入：%1？）',
    'Unknown model “%1”': '未知模型“%1”',
    'Unknown quantization “%1”': '未知量化“%1”',
    'Unknown engine “%1”': '未知引擎“%1”',
    'Unknown GPU or Mac “%1”': '未知 GPU 或 Mac“%1”',
    'Unknown KV cache type “%1”': '未知 KV 缓存类型“%1”',
    '“%1” is not an engine version (e.g. %2)': '“%1”不是有效的引擎版本（例如 %2）',
    '%1 is not loaded by this engine (engines that load it: %2)': '该引擎不能加载 %1（可加载的引擎：%2）',
    'Headroom cannot lay out %1 for this model': 'Headroom 无法为该模型布局 %1',
    'A GPU count needs exactly one GPU model': '指定 GPU 数量时只能选择一种 GPU',
    'KV cache type “%1” is not offered by this engine (expected: %2)': '该引擎不提供 KV 缓存类型“%1”（可选：%2）',
    'The MLX engine runs on Apple Silicon only; choose a Mac.': 'MLX 引擎只能在 Apple 芯片上运行；请选择一台 Mac。',
    '%1 is too large: context × parallel may be at most %2 tokens': '%1 过大：上下文 × 并行数最多为 %2 个 token',
    'Invalid value for %1: %2': '%1 的值无效：%2',
    'file %1': '文件 %1',
    ', entry “%1”': '，条目“%1”',
    ', field “%1”': '，字段“%1”',
    'Cannot read the catalog %1.': '无法读取目录数据：%1。',
    'The catalog %1 is not valid JSON: %2': '目录数据 %1 不是有效的 JSON：%2',
    'The catalog %1 lacks a required field.': '目录数据 %1 缺少必填字段。',
    'The catalog %1 has a value of the wrong type: %2': '目录数据 %1 中有类型错误的值：%2',
    'The catalog %1 has an invalid value: %2': '目录数据 %1 中有无效的值：%2',
    'The catalog %1 repeats an id: %2': '目录数据 %1 中有重复的 id：%2',
    'The catalog %1 refers to something that does not exist: %2': '目录数据 %1 引用了不存在的条目：%2',
    '%1 GiB': '%1 GiB',
    '%1B': '%1B',
    '%1M': '%1M',
    'GiB': 'GiB',
    '<b>%1</b> on %2: <b>%3</b><br/>%4': '<b>%1</b>（%2）：<b>%3</b><br/>%4',
    'Cannot estimate': '无法估算',
    'Decode ≈ %1 tokens/s': '生成速度 ≈ %1 token/秒',
    '$%1 at launch · $%2 per usable GB': '首发价 $%1 · 每 GB 可用显存 $%2',
    'Launch price unknown': '首发价未知',
    '%1 on %2: %3 GiB': '%1（%2）：%3 GiB',
    'Host RAM': '系统内存',
    'GPU': 'GPU',
    '%1 #%2': '%1 #%2',
    'Weights': '权重',
    'KV cache': 'KV 缓存',
    'Compute buffers': '计算缓冲区',
    'Runtime overhead': '运行时开销',
    'Usable capacity': '可用容量',
    'Marketed capacity': '标称容量',
    "The model's parameters at the chosen quantization.": '按所选量化存储的模型参数。',
    'Keys and values kept for every token of context, for every sequence.': '为每个序列的每个上下文 token 保存的键和值。',
    'Scratch memory the engine allocates for one forward pass.': '引擎为一次前向计算分配的临时内存。',
    'CUDA/Metal context and framework memory taken before the model loads.': '加载模型之前 CUDA/Metal 上下文和框架占用的内存。',
    'What the engine can actually fill on this device.': '引擎在该设备上实际能用满的容量。',
    'The memory printed on the box.': '包装盒上标注的内存容量。',
    'Model': '模型',
    'Search, or type an Ollama tag / HF id': '搜索，或输入 Ollama 标签 / HF 模型 id',
    'Catalog model, Hugging Face repo id (org/name) or Ollama tag (e.g. deepseek-r1:32b)': '目录中的模型、Hugging Face 仓库 id（组织/名称）或 Ollama 标签（例如 deepseek-r1:32b）',
    "Weight quantization; Automatic = what the Ollama tag implies, else the engine's usual default": '权重量化；自动 = 采用 Ollama 标签对应的量化，否则用引擎的常用默认值',
    'Quantization': '量化',
    'Context': '上下文',
    'Context length per sequence (log scale)': '每个序列的上下文长度（对数刻度）',
    ' tok': ' token',
    'Engine default': '引擎默认',
    'Sequences served at once; each gets its own context in the KV cache': '同时服务的序列数；每个序列在 KV 缓存中有自己的上下文',
    'Parallel sequences': '并行序列',
    'Engine': '推理引擎',
    'Automatic': '自动',
    'Engine version: allocation behaviour changes between releases': '引擎版本：不同版本的内存分配方式不同',
    'On': '开',
    'Off': '关',
    'Version': '版本',
    'Flash attention': 'Flash Attention',
    'Hardware': '硬件',
    ' GiB': ' GiB',
    'Add a different second card': '再加一种不同的显卡',
    'Unknown': '未知',
    'System RAM available for layers that do not fit on the GPUs': 'GPU 放不下的层可使用的系统内存',
    'Count': '数量',
    'Custom capacity': '自定义容量',
    'System RAM': '系统内存',
    '%1  (%2 bpw)': '%1  （%2 bpw）',
    'Latest': '最新',
    '%1 or newer': '%1 或更新',
    '\nOllama tag: %1': '\nOllama 标签：%1',
    'Not in the catalog': '不在目录中',
    'Headroom — will this LLM fit?': 'Headroom —— 这个大模型装得下吗？',
    'Estimate': '估算',
    'Compare hardware': '硬件对比',
    'Best accuracy per GB on this hardware — click one to use it': '该硬件上每 GB 精度最高的选择 —— 点击即可采用',
    'Quality': '质量',
    'Size': '大小',
    'Headroom': '余量',
    'Decode': '生成速度',
    '%1 (%2)': '%1（%2）',
    '\nQuantization loss: %1': '\n量化损失来源：%1',
    '%1 tok/s': '%1 token/秒',
    'Best accuracy per GB: nothing in the catalog fits this hardware at this context.': '每 GB 最佳精度：在此上下文长度下，目录中没有能装进该硬件的模型。',
    'Best accuracy per GB on this hardware (quality: %1) — click one to use it': '该硬件上每 GB 精度最高的选择（质量指标：%1）—— 点击即可采用',
    '%1 — %2 headroom': '%1 —— 余量 %2',
    '%1 — %2 of %3 layers on the GPU': '%1 —— %3 层中有 %2 层在 GPU 上',
    '%1 — short by %2': '%1 —— 还差 %2',
    'decode ≈ %1 tokens/s': '生成速度 ≈ %1 token/秒',
    '%1, about %2× slower than with every layer on the GPU': '%1，比全部层都在 GPU 上慢约 %2 倍',
    '%1; %2 layers run on the CPU from system RAM': '%1；%2 层在 CPU 上用系统内存运行',
    'context %1 × %n sequence(s)': ['上下文 %1 × %n 个序列'],
    'longest context on the GPU: %1 tokens': 'GPU 上可容纳的最长上下文：%1 个 token',
    'To fit on the GPU: %1': '要全部装进 GPU：%1',
    'Apple Silicon (unified memory)': 'Apple 芯片（统一内存）',
    'Huawei Ascend': '华为昇腾',
    'MoE, %1 active': 'MoE，激活 %1',
    'dense': '稠密',
    '%1 parameters · %2 · %3 layers · up to %4 tokens': '%1 参数 · %2 · %3 层 · 最长 %4 个 token',
    'MoE': 'MoE',
    '%1  (%2, %3)': '%1  （%2，%3）',
    '(none)': '（无）',
    '%1  (%2)': '%1  （%2）',
    '%1, %2 GB/s': '%1，%2 GB/s',
    'Other': '其他',
    'Custom capacity…': '自定义容量…',
}

path = pathlib.Path(__file__).with_name('headroom_zh_CN.ts')
tree = ET.parse(path)
missing = []
for message in tree.getroot().iter('message'):
    source = message.find('source').text
    translation = message.find('translation')
    value = ZH.get(source)
    if value is None:
        missing.append(source)
        continue
    translation.attrib.pop('type', None)
    for child in list(translation):
        translation.remove(child)
    if isinstance(value, list):
        translation.text = None
        for form in value:
            ET.SubElement(translation, 'numerusform').text = form
    else:
        translation.text = value
ET.indent(tree, space='    ')
with open(path, 'wb') as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding='utf-8', xml_declaration=False)
    f.write(b'\n')
for s in missing:
    print('untranslated:', repr(s))
sys.exit(1 if missing else 0)
