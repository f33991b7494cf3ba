// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare_panel.h"

#include "catalog_combos.h"
#include "chart_panel.h"
#include "estimate_model.h"
#include "evaluation.h"
#include "texts.h"
#include "verdict_banner.h"

#include <headroom/plan.h>

#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headroom::gui {

ComparePanel::ComparePanel(const Catalog &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("comparePanel"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    for (int i = 0; i < kColumns; ++i) {
        Column &c = m_columns[static_cast<std::size_t>(i)];
        auto *box = new QFrame;
        box->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(6, 6, 6, 6);
        c.hardware = new QComboBox;
        c.hardware->setObjectName(QStringLiteral("compareHardware%1").arg(i));
        c.hardware->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c.hardware->setMinimumContentsLength(5);
        c.hardware->setMaxVisibleItems(24);
        fillHardwareCombo(c.hardware, m_catalog, true, false);
        c.hardware->setCurrentIndex(0);
        c.count = new QSpinBox;
        c.count->setObjectName(QStringLiteral("compareCount%1").arg(i));
        c.count->setRange(1, 8);
        c.count->setPrefix(QStringLiteral("\u00d7 "));
        auto *row = new QHBoxLayout;
        row->addWidget(c.hardware, 1);
        row->addWidget(c.count);
        v->addLayout(row);
        c.model = new EstimateModel(this);
        c.chart = new ChartPanel(c.model, true);
        v->addWidget(c.chart, 1);
        c.verdict = new QLabel;
        c.verdict->setObjectName(QStringLiteral("compareVerdict%1").arg(i));
        c.verdict->setWordWrap(true);
        QFont bold = c.verdict->font();
        bold.setBold(true);
        c.verdict->setFont(bold);
        c.speed = new QLabel;
        c.speed->setObjectName(QStringLiteral("compareSpeed%1").arg(i));
        c.speed->setWordWrap(true); // "decode ≈ N tokens/s (usually within ±25 %)" in four slots side by side
        c.price = new QLabel;
        c.price->setObjectName(QStringLiteral("comparePrice%1").arg(i));
        c.price->setWordWrap(true);
        v->addWidget(c.verdict);
        v->addWidget(c.speed);
        v->addWidget(c.price);
        grid->addWidget(box, 0, i);
        grid->setColumnStretch(i, 1);
        connect(c.hardware, qOverload<int>(&QComboBox::currentIndexChanged), this,
                [this, i] { recomputeColumn(m_columns[static_cast<std::size_t>(i)]); });
        connect(c.count, &QSpinBox::valueChanged, this, [this, i] { recomputeColumn(m_columns[static_cast<std::size_t>(i)]); });
    }
    setSlotKeys({QStringLiteral("rtx-4090"), QStringLiteral("rtx-3090*2"), QStringLiteral("apple-m4-max-128gb"), QString()});
}

QStringList ComparePanel::slotKeys() const
{
    QStringList keys;
    for (const Column &c : m_columns) {
        const QString id = currentKey(c.hardware);
        keys << (id.isEmpty() ? QString() : c.count->value() > 1 ? QStringLiteral("%1*%2").arg(id).arg(c.count->value()) : id);
    }
    return keys;
}

void ComparePanel::setSlotKeys(const QStringList &keys)
{
    for (int i = 0; i < kColumns; ++i) {
        Column &c = m_columns[static_cast<std::size_t>(i)];
        const QSignalBlocker b1(c.hardware), b2(c.count);
        const QString key = i < keys.size() ? keys[i] : QString();
        const auto parts = key.split(QLatin1Char('*'));
        int n = parts.size() > 1 ? parts[1].toInt() : 1;
        if (key.isEmpty() || !selectKey(c.hardware, parts[0]))
            c.hardware->setCurrentIndex(0);
        c.count->setValue(std::clamp(n, 1, 8));
    }
    recompute();
}

void ComparePanel::setInputs(const GuiInputs &inputs)
{
    m_inputs = inputs;
    recompute();
}

void ComparePanel::recompute()
{
    for (Column &c : m_columns)
        recomputeColumn(c);
}

QString ComparePanel::verdictText(int column) const
{
    return m_columns[static_cast<std::size_t>(column)].verdict->text();
}

void ComparePanel::recomputeColumn(Column &c)
{
    const QString id = currentKey(c.hardware);
    c.hardware->setToolTip(c.hardware->currentText());
    const Hardware *hw = m_catalog.findHardware(id.toStdString());
    c.count->setEnabled(hw && hw->kind == MemoryKind::Discrete);
    if (!hw) {
        c.model->clear();
        c.verdict->clear();
        c.speed->clear();
        c.price->clear();
        return;
    }
    const int count = hw->kind == MemoryKind::Discrete ? c.count->value() : 1; // a Mac or a CPU-only machine is one
    std::vector<DeviceChoice> gpus(static_cast<std::size_t>(count), DeviceChoice(hw->id));
    const Evaluation e = evaluate(m_catalog, m_inputs.toRequestInputs(gpus), m_files, false);
    if (!e.ok()) {
        c.model->clear();
        c.verdict->setText(e.error ? Texts::resolveError(*e.error) : e.fileError ? Texts::ioError(*e.fileError) : tr("Cannot estimate"));
        c.verdict->setStyleSheet({});
        c.speed->clear();
        c.price->clear();
        return;
    }
    const Placement &p = *e.placement;
    c.model->setPlacement(p);
    c.verdict->setText(VerdictBanner::headline(p));
    c.verdict->setStyleSheet(QStringLiteral("color: %1").arg(VerdictBanner::verdictColor(p.verdict).name()));
    const QLocale locale;
    c.speed->setText(p.decodeTokensPerSecond > 0 ? Texts::decodeSpeed(p) : tr("Decode speed unknown"));
    // The planner's rules: the catalog's USD launch price, per GB the engine can fill.
    const Bytes usable = usableCapacity(p);
    if (const auto each = launchPrice(*hw, Currency::Usd); each && usable > 0) {
        const double price = *each * count;
        const double perGb = price / (static_cast<double>(usable) / 1e9);
        c.price->setText(tr("$%1 at launch \u00b7 $%2 per usable GB").arg(locale.toString(price, 'f', 0), locale.toString(perGb, 'f', 0)));
    } else {
        c.price->setText(tr("Launch price unknown"));
    }
}

} // namespace headroom::gui
