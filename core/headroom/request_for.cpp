// SPDX-License-Identifier: GPL-3.0-or-later
#include "headroom/request_for.h"

namespace headroom {

RequestInputs requestFor(const Catalog &catalog, const io::FoundModel &found, std::shared_ptr<const FileModel> file, RequestInputs base)
{
    base.model = found.path.string();
    base.file = std::move(file);
    const bool fromOllamaStore = found.library == io::Library::Ollama;
    if (base.engine.empty() && fromOllamaStore && base.file && base.file->format == WeightFormat::Gguf)
        if (const EngineProfile *engine = catalog.defaultEngineFor("ollama"))
            base.engine = engine->id;
    return base;
}

} // namespace headroom
