// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui_inputs.h"

#include <headroom/catalog.h>

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace headroom::gui {

class ChartPanel;
class EstimateModel;

/** Up to four hardware options side by side for the same model: bars, verdict, tokens/s and price per usable GB. */
class ModelFiles;

class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kColumns = 4;

    explicit ComparePanel(const Catalog &catalog, QWidget *parent = nullptr);

    /** The model/quant/context/engine to compare (hardware fields are ignored). */
    void setInputs(const GuiInputs &inputs);
    /** Where a model given as a path is read from (owned by the window). */
    void setModelFiles(ModelFiles *files) { m_files = files; }
    /** "id" or "id*N" per column. */
    [[nodiscard]] QStringList slotKeys() const;
    void setSlotKeys(const QStringList &keys);
    [[nodiscard]] QString verdictText(int column) const;
    [[nodiscard]] EstimateModel *model(int column) const { return m_columns[static_cast<std::size_t>(column)].model; }

private:
    struct Column {
        QComboBox *hardware = nullptr;
        QSpinBox *count = nullptr;
        EstimateModel *model = nullptr;
        ChartPanel *chart = nullptr;
        QLabel *verdict = nullptr;
        QLabel *speed = nullptr;
        QLabel *price = nullptr;
    };
    void recompute();
    void recomputeColumn(Column &c);

    const Catalog &m_catalog;
    GuiInputs m_inputs;
    std::array<Column, kColumns> m_columns;
    ModelFiles *m_files = nullptr;
};

} // namespace headroom::gui
