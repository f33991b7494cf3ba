// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui_inputs.h"

#include <headroom/apply_preset.h>

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace headroom::gui {

/** Command line of `headroom`: the CLI's estimate options plus the window's own. */
struct GuiOptions {
    std::optional<QString> screenshot; ///< write a PNG and exit
    QSize size{1280, 800};
    bool dark = false;
    QString lang;            ///< e.g. "zh_CN"; empty = system locale
    bool compare = false;    ///< open on the compare tab
    bool myModels = false;   ///< open on the My models tab
    bool advice = false;     ///< open on the advisor's tab (best accuracy per GB)
    bool context = false;    ///< open on the Context length tab
    bool quants = false;     ///< open on the quantization explorer's tab
    bool formats = false;    ///< open on the Number formats tab
    bool plan = false;       ///< open on the "What to buy" tab
    bool hasRequest = false; ///< the estimate options were given
    bool help = false;       ///< --help: print the options and exit
    bool version = false;    ///< --version: print the version and exit
    bool about = false;      ///< --about: open the About dialog (with --screenshot: its picture)
    bool explain = false;    ///< --explain: open "Why these numbers" on the estimate tab
    GuiInputs inputs;
    RequestInputs request; ///< the estimate options as given (a --preset is applied to them once the catalog is loaded)
    QString preset;        ///< --preset ID: a scenario of presets.json; empty = none
    StatedSettings stated; ///< the preset's settings the command line gave itself: they win
};

/** `headroom --help`: the window's options and the estimate options it shares with headroom-cli. */
[[nodiscard]] const char *guiUsageText();

/** Parses argv (without argv[0]); an error is one English line for stderr. */
[[nodiscard]] std::variant<GuiOptions, QString> parseGuiArguments(const QStringList &args);

/** Fusion with a dark palette (for --dark). */
void applyDarkPalette();

/** The whole app: parse, load catalog and translations, show the window or write the screenshot. */
int runGui(int argc, char **argv);

} // namespace headroom::gui
