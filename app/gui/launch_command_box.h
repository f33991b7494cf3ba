// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "evaluation.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace headroom::gui {

/**
 * The command that starts the chosen engine the way the estimate assumes (core buildLaunchCommand, shell
 * text from app/options), read-only, with a Copy button and, in words, what it could not state.
 */
class LaunchCommandBox : public QFrame
{
    Q_OBJECT
public:
    explicit LaunchCommandBox(QWidget *parent = nullptr);

    void setEvaluation(const Evaluation &evaluation);
    /** The shell text shown (and copied); empty when there is no command. */
    [[nodiscard]] QString commandText() const;
    [[nodiscard]] QString notes() const;

private:
    QLabel *m_title = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace headroom::gui
