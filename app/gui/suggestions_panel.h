// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <headroom/advisor.h>
#include <headroom/request_resolver.h>

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;
class QTimer;

namespace headroom::gui {

/** Models that fit the chosen hardware, each at its best-scoring quantization, by published score (bestPerGb). */
class SuggestionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SuggestionsPanel(const Catalog &catalog, QWidget *parent = nullptr);

    /** The request whose engine, context and devices the ranking uses; recomputed shortly after (debounced). */
    void setRequest(std::shared_ptr<const ResolvedRequest> request);
    /** Runs the pending ranking now (tests, screenshots). */
    void refreshNow();
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] const std::vector<Recommendation> &recommendations() const { return m_recommendations; }

signals:
    /** A row was clicked: use this model at this quantization. */
    void applyRequested(const QString &modelId, const QString &quantId);

private:
    const Catalog &m_catalog;
    std::shared_ptr<const ResolvedRequest> m_request;
    std::vector<Recommendation> m_recommendations;
    QTableWidget *m_table = nullptr;
    QLabel *m_caption = nullptr;
    QTimer *m_timer = nullptr;
    bool m_pending = false;
};

} // namespace headroom::gui
