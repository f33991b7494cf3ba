// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <cmath>

namespace headroom::gui {
namespace {

constexpr const char *kEngineDefaultCtx = "default";

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &path) : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat)) {}

Settings::~Settings() = default;

QString Settings::keyName(Key key)
{
    switch (key) {
    case Key::Geometry: return QStringLiteral("window/geometry");
    case Key::SplitterState: return QStringLiteral("window/splitter");
    case Key::Model: return QStringLiteral("inputs/model");
    case Key::Quant: return QStringLiteral("inputs/quant");
    case Key::Engine: return QStringLiteral("inputs/engine");
    case Key::EngineVersion: return QStringLiteral("inputs/engineVersion");
    case Key::Ctx: return QStringLiteral("inputs/ctx");
    case Key::Parallel: return QStringLiteral("inputs/parallel");
    case Key::KvType: return QStringLiteral("inputs/kvType");
    case Key::FlashAttn: return QStringLiteral("inputs/flashAttn");
    case Key::Gpu: return QStringLiteral("inputs/gpu");
    case Key::GpuCount: return QStringLiteral("inputs/gpuCount");
    case Key::CustomGiB: return QStringLiteral("inputs/customGiB");
    case Key::Gpu2: return QStringLiteral("inputs/gpu2");
    case Key::Gpu2Count: return QStringLiteral("inputs/gpu2Count");
    case Key::RamGiB: return QStringLiteral("inputs/ramGiB");
    case Key::CompareSlots: return QStringLiteral("compare/slots");
    case Key::AdviceMetric: return QStringLiteral("advice/metric");
    case Key::AdviceMinTokensPerSecond: return QStringLiteral("advice/minTokensPerSecond");
    case Key::AdviceFamily: return QStringLiteral("advice/family");
    case Key::AdvicePartial: return QStringLiteral("advice/partial");
    case Key::Scenario: return QStringLiteral("inputs/scenario");
    case Key::PlanBudget: return QStringLiteral("plan/budget");
    case Key::PlanCurrency: return QStringLiteral("plan/currency");
    case Key::PlanMinTokensPerSecond: return QStringLiteral("plan/minTokensPerSecond");
    case Key::PlanMachines: return QStringLiteral("plan/machines");
    case Key::PlanSort: return QStringLiteral("plan/sort");
    }
    return {};
}

QString Settings::string(Key key, const QString &fallback, qsizetype maxLength) const
{
    const QVariant v = m_settings->value(keyName(key));
    if (!v.isValid() || v.typeId() != QMetaType::QString)
        return fallback;
    const QString s = v.toString();
    return s.size() > maxLength ? fallback : s;
}

qlonglong Settings::integer(Key key, qlonglong fallback, qlonglong min, qlonglong max) const
{
    bool ok = false;
    const qlonglong n = m_settings->value(keyName(key)).toString().toLongLong(&ok);
    return ok && n >= min && n <= max ? n : fallback;
}

double Settings::real(Key key, double fallback, double min, double max) const
{
    bool ok = false;
    const double d = m_settings->value(keyName(key)).toString().toDouble(&ok);
    return ok && std::isfinite(d) && d >= min && d <= max ? d : fallback;
}

GuiInputs Settings::inputs() const
{
    const GuiInputs d;
    GuiInputs in;
    in.model = string(Key::Model, d.model).trimmed();
    if (in.model.isEmpty())
        in.model = d.model;
    in.quant = string(Key::Quant, d.quant);
    in.engine = string(Key::Engine, d.engine);
    in.engineVersion = string(Key::EngineVersion, d.engineVersion, 40);
    // "default" = the engine picks the context (Ollama by version and VRAM, llama.cpp fitted to free memory).
    if (string(Key::Ctx, QString(), 16) == QLatin1String(kEngineDefaultCtx))
        in.ctx.reset();
    else
        in.ctx = static_cast<quint32>(integer(Key::Ctx, *d.ctx, 512, kMaxContext));
    in.parallel = static_cast<quint32>(integer(Key::Parallel, d.parallel, 0, 64));
    in.kvType = string(Key::KvType, d.kvType, 16);
    const QString fa = string(Key::FlashAttn, QStringLiteral("auto"), 8);
    in.flashAttn = fa == QLatin1String("on") ? FlashAttn::On : fa == QLatin1String("off") ? FlashAttn::Off : FlashAttn::Auto;
    in.gpu = string(Key::Gpu, d.gpu);
    in.gpuCount = static_cast<int>(integer(Key::GpuCount, d.gpuCount, 1, 8));
    in.customGiB = real(Key::CustomGiB, d.customGiB, 1.0, 4096.0);
    in.gpu2 = string(Key::Gpu2, d.gpu2);
    in.gpu2Count = static_cast<int>(integer(Key::Gpu2Count, d.gpu2Count, 1, 8));
    in.ramGiB = real(Key::RamGiB, d.ramGiB, 0.0, 16384.0);
    // Absent in settings written before scenarios existed: Custom. The inputs panel drops an id the catalog lacks.
    in.scenario = string(Key::Scenario, d.scenario, 64).trimmed();
    return in;
}

void Settings::setInputs(const GuiInputs &in)
{
    m_settings->setValue(keyName(Key::Model), in.model);
    m_settings->setValue(keyName(Key::Quant), in.quant);
    m_settings->setValue(keyName(Key::Engine), in.engine);
    m_settings->setValue(keyName(Key::EngineVersion), in.engineVersion);
    m_settings->setValue(keyName(Key::Ctx), in.ctx ? QString::number(*in.ctx) : QString::fromLatin1(kEngineDefaultCtx));
    m_settings->setValue(keyName(Key::Parallel), QString::number(in.parallel));
    m_settings->setValue(keyName(Key::KvType), in.kvType);
    m_settings->setValue(keyName(Key::FlashAttn), in.flashAttn == FlashAttn::On    ? QStringLiteral("on")
                                                  : in.flashAttn == FlashAttn::Off ? QStringLiteral("off")
                                                                                   : QStringLiteral("auto"));
    m_settings->setValue(keyName(Key::Gpu), in.gpu);
    m_settings->setValue(keyName(Key::GpuCount), QString::number(in.gpuCount));
    m_settings->setValue(keyName(Key::CustomGiB), QString::number(in.customGiB));
    m_settings->setValue(keyName(Key::Gpu2), in.gpu2);
    m_settings->setValue(keyName(Key::Gpu2Count), QString::number(in.gpu2Count));
    m_settings->setValue(keyName(Key::RamGiB), QString::number(in.ramGiB));
    m_settings->setValue(keyName(Key::Scenario), in.scenario);
}

QByteArray Settings::geometry() const
{
    const QVariant v = m_settings->value(keyName(Key::Geometry));
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : QByteArray();
}

void Settings::setGeometry(const QByteArray &geometry)
{
    m_settings->setValue(keyName(Key::Geometry), geometry);
}

QByteArray Settings::splitterState() const
{
    const QVariant v = m_settings->value(keyName(Key::SplitterState));
    return v.typeId() == QMetaType::QByteArray ? v.toByteArray() : QByteArray();
}

void Settings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(keyName(Key::SplitterState), state);
}

AdviceChoices Settings::adviceChoices() const
{
    AdviceChoices c;
    c.metric = string(Key::AdviceMetric, {}).trimmed();
    c.minTokensPerSecond = static_cast<int>(integer(Key::AdviceMinTokensPerSecond, 0, 0, 10000));
    c.family = string(Key::AdviceFamily, {}).trimmed();
    c.partial = integer(Key::AdvicePartial, 0, 0, 1) == 1;
    return c;
}

void Settings::setAdviceChoices(const AdviceChoices &c)
{
    m_settings->setValue(keyName(Key::AdviceMetric), c.metric);
    m_settings->setValue(keyName(Key::AdviceMinTokensPerSecond), QString::number(c.minTokensPerSecond));
    m_settings->setValue(keyName(Key::AdviceFamily), c.family);
    m_settings->setValue(keyName(Key::AdvicePartial), QString::number(c.partial ? 1 : 0));
}

PlanChoices Settings::planChoices() const
{
    PlanChoices c;
    c.budget = static_cast<int>(integer(Key::PlanBudget, 0, 0, kMaxPlanBudget));
    // Only the two currencies prices are given in; anything else is the default, not a third currency.
    const QString currency = string(Key::PlanCurrency, c.currency, 8).trimmed().toUpper();
    if (currency == QLatin1String("USD") || currency == QLatin1String("CNY"))
        c.currency = currency;
    c.minTokensPerSecond = static_cast<int>(integer(Key::PlanMinTokensPerSecond, 0, 0, 10000));
    c.machines = integer(Key::PlanMachines, 1, 0, 1) == 1;
    c.sort = string(Key::PlanSort, {}, 40).trimmed();
    return c;
}

void Settings::setPlanChoices(const PlanChoices &c)
{
    m_settings->setValue(keyName(Key::PlanBudget), QString::number(c.budget));
    m_settings->setValue(keyName(Key::PlanCurrency), c.currency);
    m_settings->setValue(keyName(Key::PlanMinTokensPerSecond), QString::number(c.minTokensPerSecond));
    m_settings->setValue(keyName(Key::PlanMachines), QString::number(c.machines ? 1 : 0));
    m_settings->setValue(keyName(Key::PlanSort), c.sort);
}

QStringList Settings::compareSlots() const
{
    const QVariant v = m_settings->value(keyName(Key::CompareSlots));
    QStringList list = v.toStringList();
    if (!v.isValid() || list.size() > 4)
        return {};
    for (const QString &s : list)
        if (s.size() > 200)
            return {};
    return list;
}

void Settings::setCompareSlots(const QStringList &slotsList)
{
    m_settings->setValue(keyName(Key::CompareSlots), slotsList);
}

void Settings::sync()
{
    m_settings->sync();
}

QSettings::Status Settings::status() const
{
    return m_settings->status();
}

} // namespace headroom::gui
