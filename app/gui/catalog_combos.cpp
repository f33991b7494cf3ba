// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog_combos.h"

#include "gui_inputs.h"
#include "texts.h"

#include <QCoreApplication>
#include <QStandardItemModel>

#include <algorithm>
#include <map>

namespace headroom::gui {
namespace {

void addHeader(QStandardItemModel *model, const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setFlags(Qt::NoItemFlags);
    QFont f = item->font();
    f.setBold(true);
    item->setFont(f);
    model->appendRow(item);
}

void addItem(QStandardItemModel *model, const QString &text, const QString &key, const QString &tip = {})
{
    auto *item = new QStandardItem(text);
    item->setData(key, KeyRole);
    if (!tip.isEmpty())
        item->setToolTip(tip);
    model->appendRow(item);
}

QString vendorTitle(const Hardware &h)
{
    if (h.kind == MemoryKind::Unified)
        return QCoreApplication::translate("CatalogCombos", "Apple Silicon (unified memory)");
    if (h.kind == MemoryKind::Host)
        return QCoreApplication::translate("CatalogCombos", "CPU only (system RAM)");
    if (h.vendor == "nvidia")
        return QStringLiteral("NVIDIA");
    if (h.vendor == "amd")
        return QStringLiteral("AMD");
    if (h.vendor == "intel")
        return QStringLiteral("Intel");
    if (h.vendor == "huawei")
        return QCoreApplication::translate("CatalogCombos", "Huawei Ascend");
    return QString::fromStdString(h.vendor);
}

} // namespace

QString modelSummary(const ModelSpec &m)
{
    const QString kind = m.isMoe() ? QCoreApplication::translate("CatalogCombos", "MoE, %1 active").arg(Texts::paramsText(m.activeParams))
                                   : QCoreApplication::translate("CatalogCombos", "dense");
    return QCoreApplication::translate("CatalogCombos", "%1 parameters \u00b7 %2 \u00b7 %3 layers \u00b7 up to %4 tokens")
        .arg(Texts::paramsText(m.params), kind)
        .arg(m.layers)
        .arg(Texts::tokens(m.maxContext));
}

void fillModelCombo(QComboBox *combo, const Catalog &catalog)
{
    auto *model = new QStandardItemModel(combo);
    std::vector<std::string> families;
    for (const auto &m : catalog.models())
        if (std::find(families.begin(), families.end(), m.family) == families.end())
            families.push_back(m.family);
    for (const auto &family : families) {
        addHeader(model, QString::fromStdString(family));
        for (const auto &m : catalog.models()) {
            if (m.family != family)
                continue;
            const QString kind =
                m.isMoe() ? QCoreApplication::translate("CatalogCombos", "MoE") : QCoreApplication::translate("CatalogCombos", "dense");
            addItem(model,
                    QCoreApplication::translate("CatalogCombos", "%1  (%2, %3)")
                        .arg(QString::fromStdString(m.name), Texts::paramsText(m.params), kind),
                    QString::fromStdString(m.id), modelSummary(m));
        }
    }
    combo->setModel(model);
}

void fillHardwareCombo(QComboBox *combo, const Catalog &catalog, bool withNone, bool withCustom)
{
    auto *model = new QStandardItemModel(combo);
    if (withNone)
        addItem(model, QCoreApplication::translate("CatalogCombos", "(none)"), QString());
    std::vector<QString> groups;
    std::map<QString, std::vector<const Hardware *>> byGroup;
    for (const auto &h : catalog.hardware()) {
        const QString g = vendorTitle(h);
        if (!byGroup.count(g))
            groups.push_back(g);
        byGroup[g].push_back(&h);
    }
    for (const auto &g : groups) {
        addHeader(model, g);
        for (const Hardware *h : byGroup[g]) {
            const QString name = QString::fromStdString(h->name);
            const double gib = toGiB(h->memoryBytes);
            const QString mem =
                QCoreApplication::translate("CatalogCombos", "%1 GiB").arg(Texts::number(gib, gib == std::floor(gib) ? 0 : 1));
            const QString text = h->kind != MemoryKind::Discrete || name.contains(QStringLiteral("GB"))
                                     ? name
                                     : QCoreApplication::translate("CatalogCombos", "%1  (%2)").arg(name, mem);
            addItem(model, text, QString::fromStdString(h->id),
                    QCoreApplication::translate("CatalogCombos", "%1, %2 GB/s")
                        .arg(QString::fromStdString(h->memoryType), Texts::number(h->bandwidthGBs, 0)));
        }
    }
    if (withCustom) {
        addHeader(model, QCoreApplication::translate("CatalogCombos", "Other"));
        addItem(model, QCoreApplication::translate("CatalogCombos", "Custom capacity\u2026"), QStringLiteral("custom"));
    }
    combo->setModel(model);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->itemData(i, KeyRole).isValid()) {
            combo->setCurrentIndex(i);
            break;
        }
    }
}

void addThisComputerItems(QComboBox *combo)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    if (!model)
        return;
    const auto item = [](const QString &text, const QString &key, const QString &tip) {
        auto *i = new QStandardItem(text);
        i->setData(key, KeyRole);
        i->setToolTip(tip);
        return i;
    };
    auto *header = new QStandardItem(QCoreApplication::translate("CatalogCombos", "This computer"));
    header->setFlags(Qt::NoItemFlags);
    QFont f = header->font();
    f.setBold(true);
    header->setFont(f);
    model->insertRow(0, header);
    model->insertRow(1, item(QCoreApplication::translate("CatalogCombos", "This computer"), QStringLiteral("this"),
                             QCoreApplication::translate("CatalogCombos", "The GPUs and RAM of the computer Headroom runs on, "
                                                                          "with all their memory")));
    model->insertRow(2, item(QCoreApplication::translate("CatalogCombos", "This computer, memory free now"), QStringLiteral("this-free"),
                             QCoreApplication::translate("CatalogCombos", "Only what is free on its GPUs and in RAM right now: "
                                                                          "memory other programs use counts against it")));
}

void addNoGpuItem(QComboBox *combo)
{
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    if (!model)
        return;
    // Under "This computer" (after its two entries): the user's own machine, run without its GPU.
    const int row = std::min(3, model->rowCount());
    auto *item = new QStandardItem(QCoreApplication::translate("CatalogCombos", "No GPU (CPU only)"));
    item->setData(QLatin1String(kNoGpuKey), KeyRole);
    item->setToolTip(QCoreApplication::translate("CatalogCombos", "This computer without a GPU: every layer runs on the CPU from "
                                                                  "system RAM (enter it below). The decode speed assumes dual-channel "
                                                                  "DDR5-5600 (89.6 GB/s): pick a CPU-only machine of the catalog for "
                                                                  "the bandwidth of yours"));
    model->insertRow(row, item);
}

bool selectKey(QComboBox *combo, const QString &key)
{
    for (int i = 0; i < combo->count(); ++i) {
        const QVariant v = combo->itemData(i, KeyRole);
        if (v.isValid() && v.toString().compare(key, Qt::CaseInsensitive) == 0) {
            combo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

QString currentKey(const QComboBox *combo)
{
    return combo->currentIndex() >= 0 ? combo->itemData(combo->currentIndex(), KeyRole).toString() : QString();
}

} // namespace headroom::gui
