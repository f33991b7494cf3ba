// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_app.h"

#include "about_dialog.h"
#include "catalog_resources.h"
#include "evaluation.h"
#include "inputs_panel.h"
#include "main_window.h"
#include "model_files.h"
#include "settings.h"
#include "texts.h"
#include "this_computer.h"
#include "user_data_store.h"
#include "user_data_sync.h"

#include <error_text.h>
#include <request_options.h>

#include <headroom/probe/local_probe.h>

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPalette>
#include <QPixmap>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace headroom::gui {

const char *guiUsageText()
{
    return "Usage: headroom [OPTION]...\n"
           "The desktop app; with --screenshot it draws one window offscreen, writes a PNG and exits.\n"
           "\n"
           "  --screenshot PATH  write the window (or, with --about, the About dialog) to PATH as PNG and exit\n"
           "  --size WxH         window size (320x240 to 8192x8192; default 1280x800)\n"
           "  --lang L           interface language, e.g. en or zh_CN (default: the system locale)\n"
           "  --tab T            estimate | advice | compare | my-models | context | quants | formats | plan\n"
           "  --dark             dark palette\n"
           "  --about            open the About dialog\n"
           "  --explain          open \"Why these numbers\" (the arithmetic of every bar) on the estimate tab\n"
           "  --help, --version\n"
           "\n"
           "Estimate options, as for headroom-cli estimate (see headroom-cli --help):\n"
           "  --model M --quant Q --engine E --engine-version V --ctx N --parallel N --kv-type T\n"
           "  --flash-attn on|off --gpu ID (repeat; custom:<GiB>; this = this computer, this-free = its free\n"
           "  memory now) --gpus N --ram GIB --preset ID (headroom-cli list presets; no-gpu: no GPU, CPU only)\n";
}

std::variant<GuiOptions, QString> parseGuiArguments(const QStringList &args)
{
    GuiOptions o;
    RequestInputs request;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        bool inlineValue = false;
        if (const auto eq = arg.indexOf(QLatin1Char('=')); arg.startsWith(QLatin1String("--")) && eq > 0) {
            value = arg.mid(eq + 1);
            arg.truncate(eq);
            inlineValue = true;
        }
        auto take = [&]() -> std::optional<QString> {
            if (inlineValue)
                return value;
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (arg == QLatin1String("--preset")) {
            const auto v = take();
            if (!v || v->isEmpty())
                return QStringLiteral("option %1 needs a value").arg(arg);
            o.preset = *v;
            o.hasRequest = true;
        } else if (arg == QLatin1String("--screenshot") || arg == QLatin1String("--size") || arg == QLatin1String("--lang") ||
                   arg == QLatin1String("--tab")) {
            const auto v = take();
            if (!v || v->isEmpty())
                return QStringLiteral("option %1 needs a value").arg(arg);
            if (arg == QLatin1String("--screenshot")) {
                o.screenshot = *v;
            } else if (arg == QLatin1String("--lang")) {
                o.lang = *v;
            } else if (arg == QLatin1String("--tab")) {
                if (*v != QLatin1String("estimate") && *v != QLatin1String("advice") && *v != QLatin1String("compare") &&
                    *v != QLatin1String("my-models") && *v != QLatin1String("context") && *v != QLatin1String("quants") &&
                    *v != QLatin1String("formats") && *v != QLatin1String("plan"))
                    return QStringLiteral(
                               "--tab: '%1' is not valid (expected: estimate, advice, compare, my-models, context, quants, formats, plan)")
                        .arg(*v);
                o.advice = *v == QLatin1String("advice");
                o.compare = *v == QLatin1String("compare");
                o.myModels = *v == QLatin1String("my-models");
                o.context = *v == QLatin1String("context");
                o.quants = *v == QLatin1String("quants");
                o.formats = *v == QLatin1String("formats");
                o.plan = *v == QLatin1String("plan");
            } else {
                const auto parts = v->split(QLatin1Char('x'));
                bool okW = false, okH = false;
                const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
                const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
                if (!okW || !okH || w < 320 || h < 240 || w > 8192 || h > 8192)
                    return QStringLiteral("--size: '%1' is not WIDTHxHEIGHT (320x240 to 8192x8192)").arg(*v);
                o.size = QSize(w, h);
            }
        } else if (arg == QLatin1String("--dark") || arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
                   arg == QLatin1String("--version") || arg == QLatin1String("--about") || arg == QLatin1String("--explain")) {
            if (inlineValue)
                return QStringLiteral("%1 takes no value").arg(arg);
            o.dark = o.dark || arg == QLatin1String("--dark");
            o.help = o.help || arg == QLatin1String("--help") || arg == QLatin1String("-h");
            o.version = o.version || arg == QLatin1String("--version");
            o.about = o.about || arg == QLatin1String("--about");
            o.explain = o.explain || arg == QLatin1String("--explain");
        } else if (const auto arity = options::requestOptionArity(arg.toStdString())) {
            // The estimate options are the CLI's (docs/cli.md), read by the options library both share.
            std::string text;
            if (*arity == options::Arity::Value) {
                const auto v = take();
                if (!v)
                    return QStringLiteral("option %1 needs a value").arg(arg);
                text = v->toStdString();
            } else if (inlineValue) {
                return QStringLiteral("%1 takes no value").arg(arg);
            }
            if (const auto error = options::applyRequestOption(arg.toStdString(), text, request))
                return QString::fromStdString(options::describe(*error));
            o.hasRequest = true;
            o.stated.engine = o.stated.engine || arg == QLatin1String("--engine");
            o.stated.ctx = o.stated.ctx || arg == QLatin1String("--ctx");
            o.stated.parallel = o.stated.parallel || arg == QLatin1String("--parallel");
            o.stated.kvType = o.stated.kvType || arg == QLatin1String("--kv-type");
            o.stated.flashAttn = o.stated.flashAttn || arg == QLatin1String("--flash-attn");
        } else {
            return QStringLiteral("unknown option '%1'").arg(arg);
        }
    }
    if (o.hasRequest) {
        if (const auto error = o.inputs.takeRequest(request))
            return *error;
    }
    o.request = request;
    return o;
}

void applyDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe8, 0xe8, 0xe8), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9));
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    QApplication::setPalette(p);
}

namespace {

void installTranslations(QApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *mine = new QTranslator(&app);
    if (mine->load(locale, QStringLiteral("headroom"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(mine);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int runGui(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    auto parsed = parseGuiArguments(args);
    if (auto *err = std::get_if<QString>(&parsed)) {
        std::fprintf(stderr, "headroom: %s\n", qPrintable(*err));
        return 2;
    }
    GuiOptions opts = std::get<GuiOptions>(parsed);
    if (opts.help) {
        std::fputs(guiUsageText(), stdout);
        return 0;
    }
    if (opts.version) {
        std::printf("headroom %s\n", HEADROOM_VERSION);
        return 0;
    }
    if (opts.screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // Catalog and request problems are reported before any window system is touched.
    auto loaded = loadEmbeddedCatalog();
    if (auto *e = std::get_if<CatalogError>(&loaded)) {
        std::fprintf(stderr, "headroom: %s\n", options::describe(*e).c_str());
        if (!opts.screenshot) {
            QApplication app(argc, argv);
            installTranslations(app, opts.lang);
            QMessageBox::critical(nullptr, QCoreApplication::translate("GuiApp", "Headroom cannot start"), Texts::catalogError(*e));
        }
        return 2;
    }
    const Catalog catalog = std::move(std::get<Catalog>(loaded));
    if (!opts.preset.isEmpty()) {
        // As headroom-cli --preset: core applies it, the command line's own settings win.
        const Preset *preset = catalog.findPreset(opts.preset.toStdString());
        if (!preset) {
            std::vector<std::string> ids;
            for (const auto &p : catalog.presets())
                ids.push_back(p.id);
            const options::UsageError bad{options::UsageError::Code::BadChoice, "--preset", opts.preset.toStdString(), ids};
            std::fprintf(stderr, "headroom: %s\n", options::describe(bad).c_str());
            return 2;
        }
        if (const auto error = opts.inputs.takeRequest(applyPreset(*preset, opts.request, opts.stated))) {
            std::fprintf(stderr, "headroom: %s\n", qPrintable(*error));
            return 2;
        }
        // The window shows it as the scenario only when no flag changed one of its settings.
        opts.inputs.scenario = keptFromUser(*preset, opts.stated) == StatedSettings{} ? opts.preset : QString();
    }
    if (opts.hasRequest) {
        ModelFiles files;
        const Evaluation check = evaluate(catalog, opts.inputs.toRequestInputs(), &files, false);
        if (check.error || check.fileError) {
            const std::string why = check.error ? options::describe(*check.error) : io::describeIoError(*check.fileError);
            std::fprintf(stderr, "headroom: %s\n", why.c_str());
            return 2;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Headroom"));
    QApplication::setApplicationName(QStringLiteral("headroom"));
    QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QApplication::setWindowIcon(AboutDialog::applicationIcon());
    // "This computer" reads this machine, and only when it is picked (see ThisComputer).
    const auto machine = std::make_shared<const probe::LocalProbe>();
    if (opts.dark)
        applyDarkPalette();
    installTranslations(app, opts.lang);

    if (opts.screenshot) {
        MainWindow window(catalog, nullptr);
        window.inputsPanel()->thisComputer()->setProbe(machine);
        if (opts.hasRequest)
            window.setInputs(opts.inputs);
        window.showCompare(opts.compare);
        if (opts.myModels)
            window.showMyModels();
        if (opts.advice)
            window.showAdvice();
        if (opts.context)
            window.showContext();
        if (opts.quants)
            window.showQuants();
        if (opts.formats)
            window.showNumberFormats();
        if (opts.plan)
            window.showPlan();
        window.resize(opts.size);
        window.show();
        QApplication::processEvents();
        if (opts.explain) {
            window.showExplanation(); // after show(): the pane takes its share of the laid-out page
            QApplication::processEvents();
        }
        window.inputsPanel()->thisComputer()->waitForDetection(); // a picture shows what was found
        QApplication::processEvents();
        window.settle();
        QApplication::processEvents();
        std::unique_ptr<AboutDialog> about;
        if (opts.about) {
            about = std::make_unique<AboutDialog>(catalog, &window);
            about->show();
            QApplication::processEvents();
        }
        QWidget *shown = about ? static_cast<QWidget *>(about.get()) : &window;
        if (!shown->grab().save(*opts.screenshot, "PNG")) {
            std::fprintf(stderr, "headroom: cannot write %s\n", qPrintable(*opts.screenshot));
            return 2;
        }
        return 0;
    }

    Settings settings;
    MainWindow window(catalog, &settings);
    window.inputsPanel()->thisComputer()->setProbe(machine);
    // The user's cards and comparisons live in their own file (UserDataStore): a damaged one is set aside.
    UserDataStore userStore;
    const UserDataStore::Loaded userLoaded = userStore.load();
    UserData userData = userLoaded.data;
    UserDataSync::restore(userData, window);
    if (opts.hasRequest)
        window.setInputs(opts.inputs);
    window.showCompare(opts.compare);
    if (opts.advice)
        window.showAdvice();
    if (opts.context)
        window.showContext();
    if (opts.quants)
        window.showQuants();
    if (opts.formats)
        window.showNumberFormats();
    if (opts.plan)
        window.showPlan();
    window.show();
    if (opts.explain)
        window.showExplanation();
    if (opts.about)
        QTimer::singleShot(0, &window, [&window, &catalog] { AboutDialog(catalog, &window).exec(); });
    if (!userLoaded.message.isEmpty())
        QTimer::singleShot(0, &window, [&window, &userLoaded] { UserDataSync::warn(&window, userLoaded.message); });
    const int code = QApplication::exec();
    UserDataSync::store(window, userData);
    if (const auto error = userStore.save(userData)) {
        std::fprintf(stderr, "headroom: %s\n", qPrintable(*error));
        UserDataSync::warn(nullptr, *error);
    }
    return code;
}

} // namespace headroom::gui
