// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation.h"

#include <headroom/catalog.h>

#include <QWidget>

class QComboBox;
class QLabel;

namespace headroom::gui {

class BitLayoutView;

/**
 * "Number formats": how FP32 ... NVFP4 lay out their bits, with their range and precision in words (core's
 * numberRange of number_formats.json), and how a ggml block stores its weights (ggml_type's field layout), beside
 * how the chosen model's file mixes block types, so "why is Q4_K_M about 4.9 bits" has a picture.
 */
class NumberFormatPanel : public QWidget
{
    Q_OBJECT
public:
    explicit NumberFormatPanel(const Catalog &catalog, QWidget *parent = nullptr);

    /** The window's current estimate: its model's storage mix, and its quantization's block type by default. */
    void setEvaluation(const Evaluation &evaluation);
    /** Shows the format with this number_formats.json id, or the ggml block type of this name ("Q4_K"). */
    bool selectFormat(const QString &id);
    bool selectBlock(const QString &ggmlName);

    [[nodiscard]] QComboBox *formatChoice() const { return m_format; }
    [[nodiscard]] QComboBox *blockChoice() const { return m_block; }
    [[nodiscard]] QLabel *formatText() const { return m_formatText; }
    [[nodiscard]] QLabel *blockText() const { return m_blockText; }
    [[nodiscard]] BitLayoutView *formatView() const { return m_formatView; }
    [[nodiscard]] BitLayoutView *blockView() const { return m_blockView; }

    /** A value as the panel writes it: "65,504", "0.015625", "3.40 × 10<sup>38</sup>" (rich text). */
    [[nodiscard]] static QString value(double v);

private:
    void showFormat();
    void showBlock();

    const Catalog &m_catalog;
    std::shared_ptr<const ResolvedRequest> m_resolved; ///< the estimate's request: its inventory and quantization
    QComboBox *m_format = nullptr;
    QComboBox *m_block = nullptr;
    QLabel *m_formatText = nullptr;
    QLabel *m_blockText = nullptr;
    BitLayoutView *m_formatView = nullptr;
    BitLayoutView *m_blockView = nullptr;
    bool m_blockChosen = false; ///< the user picked a block type: the estimate no longer picks it
};

} // namespace headroom::gui
