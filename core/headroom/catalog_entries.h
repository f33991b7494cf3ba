// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog_entry_reader.h"

#include <string>

namespace headroom {

// One reader per catalog file's entry type. Each reads every key of its entry (the loader rejects the rest)
// and checks what can be checked within the entry; cross-entry references are checked by Catalog::load.

[[nodiscard]] ModelSpec readModelEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] Hardware readHardwareEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] Quantization readQuantizationEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] EngineProfile readEngineEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] Metric readMetricEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] RecoveryStudy readRecoveryStudy(const EntryReader &r, const std::string &id);
[[nodiscard]] Preset readPresetEntry(const EntryReader &r, const std::string &id);
[[nodiscard]] NumberFormat readNumberFormatEntry(const EntryReader &r, const std::string &id);

/** Ids are ASCII letters and digits, then also '.', '_' and '-': [A-Za-z0-9][A-Za-z0-9._-]*. */
[[nodiscard]] bool isValidCatalogId(const std::string &id);

} // namespace headroom
