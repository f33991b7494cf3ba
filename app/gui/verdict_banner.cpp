// SPDX-License-Identifier: GPL-3.0-or-later
#include "verdict_banner.h"

#include "texts.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::gui {

VerdictBanner::VerdictBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("verdictBanner"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->setSpacing(3);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("verdictTitle"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_detail = new QLabel;
    m_detail->setObjectName(QStringLiteral("verdictDetail"));
    m_detail->setWordWrap(true);
    m_notices = new QLabel;
    m_notices->setObjectName(QStringLiteral("verdictNotices"));
    m_notices->setWordWrap(true);
    m_fixes = new QLabel;
    m_fixes->setObjectName(QStringLiteral("verdictFixes"));
    m_fixes->setWordWrap(true);
    m_fixes->setTextFormat(Qt::RichText);
    m_fixes->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_fixes, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const int i = link.mid(4).toInt(&ok);
        if (ok && i >= 0 && i < static_cast<int>(m_currentFixes.size()))
            emit fixActivated(m_currentFixes[static_cast<std::size_t>(i)]);
    });
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addWidget(m_notices);
    layout->addWidget(m_fixes);
}

QColor VerdictBanner::verdictColor(Verdict v)
{
    switch (v) {
    case Verdict::Fits: return QColor(0x00, 0x9E, 0x73);
    case Verdict::Tight: return QColor(0xE6, 0x9F, 0x00);
    case Verdict::PartialOffload: return QColor(0xD5, 0x5E, 0x00);
    case Verdict::DoesNotFit: return QColor(0xC0, 0x39, 0x2B);
    }
    return Qt::gray;
}

QString VerdictBanner::headline(const Placement &p)
{
    const double headroom = static_cast<double>(p.headroomBytes()) / static_cast<double>(GiB);
    if (p.devices.empty()) { // a CPU-only machine: the verdict is about system RAM, where everything runs
        if (p.verdict == Verdict::DoesNotFit)
            return tr("%1 in system RAM \u2014 short by %2").arg(Texts::verdict(p.verdict), Texts::gib(std::fabs(headroom)));
        return tr("%1 in system RAM \u2014 %2 headroom").arg(Texts::verdict(p.verdict), Texts::gib(headroom));
    }
    switch (p.verdict) {
    case Verdict::Fits:
    case Verdict::Tight: return tr("%1 \u2014 %2 headroom").arg(Texts::verdict(p.verdict), Texts::gib(headroom));
    case Verdict::PartialOffload:
        return tr("%1 \u2014 %2 of %3 layers on the GPU").arg(Texts::verdict(p.verdict)).arg(p.gpuLayers).arg(p.totalLayers);
    case Verdict::DoesNotFit: return tr("%1 \u2014 short by %2").arg(Texts::verdict(p.verdict), Texts::gib(std::fabs(headroom)));
    }
    return {};
}

QString VerdictBanner::title() const
{
    return m_title->text();
}
QString VerdictBanner::detail() const
{
    return m_detail->text();
}

void VerdictBanner::setEvaluation(const Evaluation &e)
{
    m_currentFixes.clear();
    QColor stripe(0x99, 0x99, 0x99);
    if (!e.ok()) {
        m_title->setText(e.fileError ? tr("Cannot read the model file") : tr("Cannot estimate"));
        m_detail->setText(e.error ? Texts::resolveError(*e.error) : e.fileError ? Texts::ioError(*e.fileError) : QString());
        m_notices->clear();
        m_fixes->clear();
        stripe = verdictColor(Verdict::DoesNotFit);
    } else {
        const Placement &p = *e.placement;
        stripe = verdictColor(p.verdict);
        m_title->setText(headline(p));
        QStringList parts;
        // 0 with a placement that runs: a device without a known memory bandwidth (a custom card), so no speed.
        const bool cpuOnly = p.devices.empty();
        const QString speed =
            p.decodeTokensPerSecond > 0 && cpuOnly
                ? tr("decode \u2248 %1 tokens/s from system RAM at %2 GB/s")
                      .arg(QLocale().toString(p.decodeTokensPerSecond, 'f', p.decodeTokensPerSecond < 10 ? 1 : 0),
                           Texts::number(p.host.bandwidthGBs, p.host.bandwidthGBs == std::floor(p.host.bandwidthGBs) ? 0 : 1))
            : p.decodeTokensPerSecond > 0 ? Texts::decodeSpeed(p)
                                          : tr("decode speed unknown (no memory bandwidth for this device)");
        if (p.verdict == Verdict::PartialOffload) {
            // The speed penalty: compare with the fastest fix that keeps every layer on the GPUs.
            double best = 0;
            for (const Fix &f : e.fixes)
                best = std::max(best, f.result.decodeTokensPerSecond);
            if (best > p.decodeTokensPerSecond && p.decodeTokensPerSecond > 0)
                parts << tr("%1, about %2\u00d7 slower than with every layer on the GPU")
                             .arg(speed, QLocale().toString(best / p.decodeTokensPerSecond, 'f', 1));
            else
                parts << tr("%1; %2 layers run on the CPU from system RAM").arg(speed).arg(p.totalLayers - p.gpuLayers);
        } else if (p.verdict != Verdict::DoesNotFit) {
            parts << speed;
            if (const QString prefill = Texts::prefillSpeed(p); !prefill.isEmpty())
                parts << prefill;
        }
        parts << tr("context %1 \u00d7 %n sequence(s)", nullptr, static_cast<int>(p.parallel)).arg(Texts::tokens(p.ctx));
        if (p.maxContext > 0 && p.devices.empty()) // a CPU-only machine: the context lives in system RAM
            parts << tr("longest context in system RAM: %1 tokens").arg(Texts::tokens(p.maxContext));
        else if (p.maxContext > 0)
            parts << tr("longest context on the GPU: %1 tokens").arg(Texts::tokens(p.maxContext));
        m_detail->setText(parts.join(QStringLiteral(" \u00b7 ")));
        QStringList notes;
        for (Notice n : p.notices)
            notes << QStringLiteral("\u26a0 ") + Texts::notice(n);
        m_notices->setText(notes.join(QLatin1Char('\n')));
        m_notices->setVisible(!notes.isEmpty());
        m_currentFixes = e.fixes;
        if (!e.fixes.empty()) {
            QStringList links;
            for (std::size_t i = 0; i < e.fixes.size(); ++i)
                links << QStringLiteral("<a href=\"fix:%1\">%2</a>").arg(i).arg(Texts::fix(e.fixes[i]).toHtmlEscaped());
            const QString joined = links.join(QStringLiteral(" \u00b7 "));
            m_fixes->setText(cpuOnly ? tr("To fit in system RAM: %1").arg(joined) : tr("To fit on the GPU: %1").arg(joined));
        } else {
            m_fixes->clear();
        }
        if (e.experts) {
            // The MoE way to spill: only experts leave the GPU, so each token reads little from system RAM.
            const Placement &x = e.experts->placement;
            const QString line = tr("Or keep only the experts of %1 of %2 blocks in system RAM (llama.cpp --n-cpu-moe %1): %3 on the "
                                    "GPU + %4 of RAM, %5")
                                     .arg(e.experts->layers)
                                     .arg(p.totalLayers - 1)
                                     .arg(Texts::gib(toGiB(devicesTotal(x))), Texts::gib(toGiB(x.host.total())),
                                          x.decodeTokensPerSecond > 0 ? Texts::decodeSpeed(x) : Texts::verdict(x.verdict));
            m_fixes->setText(m_fixes->text() + (m_fixes->text().isEmpty() ? QString() : QStringLiteral("<br/>")) + line.toHtmlEscaped());
        }
    }
    m_fixes->setVisible(!m_fixes->text().isEmpty());
    m_notices->setVisible(!m_notices->text().isEmpty());
    if (stripe == m_stripe)
        return;
    m_stripe = stripe;
    setStyleSheet(QStringLiteral("#verdictBanner { border-left: 6px solid %1; background: palette(alternate-base); border-radius: 3px; }")
                      .arg(stripe.name()));
}

} // namespace headroom::gui
