// SPDX-License-Identifier: GPL-3.0-or-later
#include "launch_command_box.h"

#include "texts.h"

#include <launch_command_text.h>

#include <headroom/launch_command.h>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom::gui {
namespace {

QString settingText(LaunchSetting s)
{
    switch (s) {
    case LaunchSetting::Ctx: return LaunchCommandBox::tr("context");
    case LaunchSetting::Parallel: return LaunchCommandBox::tr("parallel sequences");
    case LaunchSetting::Batch: return LaunchCommandBox::tr("batch");
    case LaunchSetting::Ubatch: return LaunchCommandBox::tr("micro-batch");
    case LaunchSetting::KvType: return LaunchCommandBox::tr("KV cache type");
    case LaunchSetting::FlashAttn: return LaunchCommandBox::tr("flash attention");
    case LaunchSetting::GpuLayers: return LaunchCommandBox::tr("GPU layers");
    case LaunchSetting::GpuSplit: return LaunchCommandBox::tr("split over the GPUs");
    case LaunchSetting::Spread: return LaunchCommandBox::tr("spread over every GPU");
    default: break;
    }
    return QString::fromLatin1(launchSettingName(s));
}

} // namespace

LaunchCommandBox::LaunchCommandBox(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("launchCommandBox"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *top = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("launchCommandTitle"));
    m_copy = new QPushButton(tr("Copy"));
    m_copy->setObjectName(QStringLiteral("launchCommandCopy"));
    m_copy->setToolTip(tr("Copy the command to the clipboard"));
    top->addWidget(m_title, 1);
    top->addWidget(m_copy);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("launchCommandText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Compact: four lines show a server and its client; longer commands (a Modelfile) scroll.
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_notes = new QLabel;
    m_notes->setObjectName(QStringLiteral("launchCommandNotes"));
    m_notes->setWordWrap(true);
    layout->addLayout(top);
    layout->addWidget(m_text);
    layout->addWidget(m_notes);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
}

void LaunchCommandBox::setEvaluation(const Evaluation &evaluation)
{
    if (!evaluation.ok() || !evaluation.resolved) {
        m_title->setText(tr("Launch command"));
        m_text->clear();
        m_notes->clear();
        m_copy->setEnabled(false);
        return;
    }
    const LaunchCommand cmd = buildLaunchCommand(*evaluation.resolved, evaluation.inputs, *evaluation.placement);
    const QString engine = QString::fromStdString(evaluation.resolved->request.engine->name);
    if (!cmd.available) {
        m_title->setText(tr("Launch command"));
        m_text->clear();
        m_notes->setText(tr("Headroom does not know how to start %1 %2.").arg(engine, QString::fromStdString(cmd.version)));
        m_copy->setEnabled(false);
        return;
    }
    m_title->setText(tr("Launch command for %1 %2").arg(engine, QString::fromStdString(cmd.version)));
    m_text->setPlainText(QString::fromStdString(options::launchCommandShell(cmd)).trimmed());
    m_copy->setEnabled(true);
    QStringList notes;
    if (options::hasPlaceholder(cmd))
        notes << tr("Replace <…> with your model file or repository.");
    if (cmd.wiredLimitMiB)
        notes << tr("The first line raises the Mac's GPU memory limit to %1 MiB until the next restart, so that it fits.")
                     .arg(Texts::number(static_cast<double>(*cmd.wiredLimitMiB), 0));
    for (const auto &g : cmd.gaps)
        notes << (g.reason == LaunchGap::Reason::NotInVersion
                      ? tr("Not set by the command: %1 %2 (this version has no option for it; its default applies).")
                      : tr("Not set by the command: %1 %2 (the option does not take this value)."))
                     .arg(settingText(g.setting), QString::fromStdString(g.value));
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
}

QString LaunchCommandBox::commandText() const
{
    return m_text->toPlainText();
}

QString LaunchCommandBox::notes() const
{
    return m_notes->text();
}

} // namespace headroom::gui
