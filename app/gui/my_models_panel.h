// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui_inputs.h"

#include <headroom/io/io_error.h>
#include <headroom/io/library_scan.h>

#include <QWidget>

#include <variant>
#include <vector>

class QLabel;
class QTableWidget;

namespace headroom::gui {

class ModelFiles;

/**
 * "My models": what is already on disk (Ollama store, LM Studio, Hugging Face cache, folders the user adds),
 * with each model's size and whether it fits the hardware chosen on the left. Scans only when first shown.
 */
class MyModelsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, LibraryColumn, FormatColumn, SizeColumn, VerdictColumn, ColumnCount };

    MyModelsPanel(const Catalog &catalog, ModelFiles *files, QWidget *parent = nullptr);

    /** Where to look; defaults to the user's environment (HOME, OLLAMA_MODELS, HF_HOME ...). */
    void setRoots(const io::ScanRoots &roots);
    /** Looks again in the roots and the added folders, then fills the table. */
    void rescan();
    /** Scans once if it never did. */
    void ensureScanned();
    /** Also list the models in `folder`. */
    void addFolder(const QString &folder);
    /** The hardware and engine settings the verdict column is computed for. */
    void setInputs(const GuiInputs &inputs);

    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] const std::vector<io::FoundModel> &models() const { return m_found; }

signals:
    /** A double-clicked model, as the request the table sized it with. */
    void modelChosen(const headroom::RequestInputs &request);

private:
    void fillTable();
    void updateVerdicts();
    /** requestFor the found model with the window's settings; the error when its file cannot be read. */
    [[nodiscard]] std::variant<RequestInputs, io::IoError> requestOf(const io::FoundModel &found) const;

    const Catalog &m_catalog;
    ModelFiles *m_files;
    io::ScanRoots m_roots;
    std::vector<QString> m_folders;
    std::vector<io::FoundModel> m_found;
    GuiInputs m_inputs;
    bool m_scanned = false;
    QLabel *m_where = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace headroom::gui
