// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation.h"

#include <QFrame>

class QLabel;

namespace headroom::gui {

/** The verdict in words: fits / tight / partial offload / does not fit, headroom, speed and the fixes. */
class VerdictBanner : public QFrame
{
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget *parent = nullptr);

    void setEvaluation(const Evaluation &evaluation);
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString detail() const;

    /** The headline for a placement, e.g. "Fits — 3.20 GiB headroom" (also used by the compare view). */
    [[nodiscard]] static QString headline(const Placement &p);
    [[nodiscard]] static QColor verdictColor(Verdict v);

signals:
    void fixActivated(const headroom::Fix &fix);

private:
    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_notices = nullptr;
    QLabel *m_fixes = nullptr;
    std::vector<Fix> m_currentFixes;
    QColor m_stripe;
};

} // namespace headroom::gui
