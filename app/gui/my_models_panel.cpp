// SPDX-License-Identifier: GPL-3.0-or-later
#include "my_models_panel.h"

#include "evaluation.h"
#include "model_files.h"
#include "texts.h"

#include <headroom/request_for.h>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::gui {
namespace {

QString libraryLabel(io::Library library)
{
    switch (library) {
    case io::Library::Ollama: return QStringLiteral("Ollama");
    case io::Library::LmStudio: return QStringLiteral("LM Studio");
    case io::Library::HuggingFace: return QStringLiteral("Hugging Face");
    case io::Library::Path: break;
    }
    return MyModelsPanel::tr("Folder");
}

} // namespace

MyModelsPanel::MyModelsPanel(const Catalog &catalog, ModelFiles *files, QWidget *parent)
    : QWidget(parent), m_catalog(catalog), m_files(files), m_roots(io::scanRootsFromEnvironment())
{
    setObjectName(QStringLiteral("myModelsPanel"));
    auto *v = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_where = new QLabel;
    m_where->setObjectName(QStringLiteral("myModelsWhere"));
    m_where->setWordWrap(true);
    auto *rescanButton = new QPushButton(tr("Rescan"));
    rescanButton->setObjectName(QStringLiteral("myModelsRescan"));
    auto *addButton = new QPushButton(tr("Add folder\u2026"));
    addButton->setObjectName(QStringLiteral("myModelsAddFolder"));
    bar->addWidget(m_where, 1);
    bar->addWidget(addButton);
    bar->addWidget(rescanButton);
    v->addLayout(bar);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("myModelsTable"));
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Library"), tr("Format"), tr("Size on disk"), tr("On this hardware")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = LibraryColumn; c < ColumnCount; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    v->addWidget(m_table, 1);
    auto *hint = new QLabel(
        tr("Double-click a model to size it. Open any other file with File \u2192 Open model file\u2026 or drop it on the window."));
    hint->setWordWrap(true);
    v->addWidget(hint);

    connect(rescanButton, &QPushButton::clicked, this, &MyModelsPanel::rescan);
    connect(addButton, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder with models"));
        if (!folder.isEmpty())
            addFolder(folder);
    });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row < 0 || static_cast<std::size_t>(row) >= m_found.size())
            return;
        const auto request = requestOf(m_found[static_cast<std::size_t>(row)]);
        if (const auto *in = std::get_if<RequestInputs>(&request))
            emit modelChosen(*in);
    });
}

void MyModelsPanel::setRoots(const io::ScanRoots &roots)
{
    m_roots = roots;
    m_scanned = false;
}

void MyModelsPanel::ensureScanned()
{
    if (!m_scanned)
        rescan();
}

void MyModelsPanel::rescan()
{
    m_found = io::scanLibraries(m_roots);
    for (const auto &folder : m_folders) {
        auto more = io::scanPath(folder.toStdString());
        m_found.insert(m_found.end(), more.begin(), more.end());
    }
    m_scanned = true;
    const QString home = QString::fromStdString(m_roots.home.string());
    m_where->setText(m_found.empty()
                         ? tr("No models found in the Ollama store, LM Studio's folders or the Hugging Face cache under %1.").arg(home)
                         : tr("%n model(s) in the Ollama store, LM Studio's folders, the Hugging Face cache under %1 and added folders.",
                              nullptr, static_cast<int>(m_found.size()))
                               .arg(home));
    fillTable();
}

void MyModelsPanel::addFolder(const QString &folder)
{
    if (std::find(m_folders.begin(), m_folders.end(), folder) == m_folders.end())
        m_folders.push_back(folder);
    rescan();
}

void MyModelsPanel::setInputs(const GuiInputs &inputs)
{
    m_inputs = inputs;
    if (m_scanned)
        updateVerdicts();
}

void MyModelsPanel::fillTable()
{
    m_table->setRowCount(static_cast<int>(m_found.size()));
    for (std::size_t i = 0; i < m_found.size(); ++i) {
        const auto &f = m_found[i];
        const int row = static_cast<int>(i);
        auto *name = new QTableWidgetItem(QString::fromStdString(f.displayName));
        name->setToolTip(QString::fromStdString(f.path.string()));
        m_table->setItem(row, NameColumn, name);
        m_table->setItem(row, LibraryColumn, new QTableWidgetItem(libraryLabel(f.library)));
        m_table->setItem(row, FormatColumn, new QTableWidgetItem(QString::fromLatin1(weightFormatName(f.format))));
        auto *size = new QTableWidgetItem(Texts::gib(static_cast<double>(f.sizeBytes) / static_cast<double>(GiB)));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, SizeColumn, size);
    }
    updateVerdicts();
}

std::variant<RequestInputs, io::IoError> MyModelsPanel::requestOf(const io::FoundModel &found) const
{
    const auto &loaded = m_files->load(found.path.string());
    if (const auto *error = std::get_if<io::IoError>(&loaded))
        return *error;
    GuiInputs base = m_inputs;
    base.quant.clear(); // the window's quantization belongs to its own model; a file says what it holds
    return requestFor(m_catalog, found, std::get<std::shared_ptr<const FileModel>>(loaded), base.toRequestInputs());
}

void MyModelsPanel::updateVerdicts()
{
    for (std::size_t i = 0; i < m_found.size(); ++i) {
        // The same request as the CLI's scan builds (requestFor), so both size the file on the same engine.
        const auto request = requestOf(m_found[i]);
        const Evaluation e = std::holds_alternative<RequestInputs>(request)
                                 ? evaluate(m_catalog, std::get<RequestInputs>(request), m_files, false)
                                 : Evaluation{{}, {}, {}, {}, std::get<io::IoError>(request)};
        QString text;
        QString tip;
        if (e.ok()) {
            text = Texts::verdict(e.placement->verdict);
            tip = tr("%1 of %2 layers on the GPU").arg(e.placement->gpuLayers).arg(e.placement->totalLayers);
        } else {
            text = tr("Cannot estimate");
            tip = e.fileError ? Texts::ioError(*e.fileError) : e.error ? Texts::resolveError(*e.error) : QString();
        }
        auto *item = new QTableWidgetItem(text);
        item->setToolTip(tip);
        m_table->setItem(static_cast<int>(i), VerdictColumn, item);
    }
}

} // namespace headroom::gui
