// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headroom/catalog.h"
#include "headroom/io/library_scan.h"
#include "headroom/request_resolver.h"

#include <memory>

namespace headroom {

/**
 * The request that sizes a model found on disk (io::scanLibraries / scanPath) with the settings of `base`
 * (hardware, context, KV ...): the found file's model, read into `file`, on the engine it runs on. A blob
 * from the Ollama store runs on the engine that serves Ollama tags unless `base` names an engine. `base`'s
 * quantization is kept (empty: the file's own). The CLI's scan and the app's My models tab both call this,
 * so they size the same file on the same engine.
 */
[[nodiscard]] RequestInputs requestFor(const Catalog &catalog, const io::FoundModel &found, std::shared_ptr<const FileModel> file,
                                       RequestInputs base);

} // namespace headroom
