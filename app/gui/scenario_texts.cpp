// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenario_texts.h"

#include "texts.h"

#include <QStringList>

namespace headroom::gui {

QString ScenarioTexts::name(const QString &id)
{
    if (id == QLatin1String("personal-chat"))
        return tr("Personal chat (1 user, 4K)");
    if (id == QLatin1String("coding-assistant"))
        return tr("Coding assistant (1 user, 32K)");
    if (id == QLatin1String("long-documents"))
        return tr("Long documents (1 user, 128K)");
    if (id == QLatin1String("small-team"))
        return tr("Small team (8 users, 8K)"); // llama-server: in the line under the combo (the name must fit the panel)
    if (id == QLatin1String("api-serving"))
        return tr("API serving (vLLM, 64 sequences)");
    return id;
}

QString ScenarioTexts::description(const QString &id)
{
    if (id == QLatin1String("personal-chat"))
        return tr("One person chatting: one sequence with a context of a few pages, on the engine you chose.");
    if (id == QLatin1String("coding-assistant"))
        return tr("One person with an editor assistant: open files and project notes fill a 32K context.");
    if (id == QLatin1String("long-documents"))
        return tr("One person reading whole reports or books: a 128K context, with flash attention so the "
                  "attention scratch does not grow with it.");
    if (id == QLatin1String("small-team"))
        return tr("Eight people share one llama-server: eight slots, each with its own 8K context in the KV cache "
                  "(llama-server -c 65536 -np 8).");
    if (id == QLatin1String("api-serving"))
        return tr("An API for many clients on vLLM: 64 sequences of up to 4K decoded together (--max-num-seqs 64 "
                  "--max-model-len 4096), each with its KV cache.");
    return {};
}

QString ScenarioTexts::applied(const Preset &preset, const QString &engineName, quint32 ctx)
{
    QStringList parts;
    if (!preset.engine.empty()) // a scenario without one leaves the engine field as it was: nothing to say
        parts << engineName;
    parts << tr("%n sequence(s) \u00d7 %1 tokens", nullptr, static_cast<int>(preset.parallel)).arg(Texts::tokens(ctx));
    if (preset.flashAttn)
        parts << (*preset.flashAttn ? tr("flash attention on") : tr("flash attention off"));
    if (!preset.kvType.empty())
        parts << tr("KV cache %1").arg(QString::fromStdString(preset.kvType));
    QString line = tr("Sets: %1").arg(parts.join(QStringLiteral(" \u00b7 ")));
    if (ctx < preset.ctx) // the context field stops at what the model reads
        line += QLatin1Char('\n') + tr("This model reads at most %1 tokens, so the context stops there.").arg(Texts::tokens(ctx));
    return line;
}

} // namespace headroom::gui
