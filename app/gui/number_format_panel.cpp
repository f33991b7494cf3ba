// SPDX-License-Identifier: GPL-3.0-or-later
#include "number_format_panel.h"

#include "bit_layout_view.h"
#include "texts.h"

#include <headroom/ggml_type.h>
#include <headroom/number_format.h>
#include <headroom/storage_mix.h>

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>
#include <iterator>

namespace headroom::gui {
namespace {

using Segment = BitLayoutView::Segment;
using Row = BitLayoutView::Row;

/** Okabe–Ito roles: the same field has the same colour in every diagram; blue turns sky blue on a dark window. */
struct Palette {
    bool dark = false;
    [[nodiscard]] QColor sign() const { return {0xD5, 0x5E, 0x00}; }
    [[nodiscard]] QColor exponent() const { return dark ? QColor(0x56, 0xB4, 0xE9) : QColor(0x00, 0x72, 0xB2); }
    [[nodiscard]] QColor mantissa() const { return {0x00, 0x9E, 0x73}; }
    [[nodiscard]] QColor code() const { return {0xE6, 0x9F, 0x00}; }
    [[nodiscard]] QColor scale() const { return {0xCC, 0x79, 0xA7}; }
    [[nodiscard]] QColor subScale() const { return {0xF0, 0xE4, 0x42}; }
    [[nodiscard]] QColor quants() const { return exponent(); }
    [[nodiscard]] QColor highBits() const { return code(); }
    [[nodiscard]] QColor cycle(std::size_t i) const
    {
        const QColor colours[] = {quants(), code(), mantissa(), scale(), sign(), subScale(), QColor(0x99, 0x99, 0x99)};
        return colours[i % std::size(colours)];
    }
};

Palette paletteOf(const QWidget *w)
{
    return Palette{w->palette().color(QPalette::Window).lightness() < 128};
}

/** Sentences one after another: a space in English, none after Chinese full stops. */
QString sentences(const QStringList &parts)
{
    QString out;
    for (const QString &p : parts)
        out = out.isEmpty() ? p : NumberFormatPanel::tr("%1 %2", "one sentence after another").arg(out, p);
    return out;
}

/** 4.5 as "4.5", 6.5625 as "6.5625", 4 as "4": exact bit counts without trailing zeros. */
QString bits(double b)
{
    return QLocale().toString(b, 'g', 6);
}

} // namespace

QString NumberFormatPanel::value(double v)
{
    if (v == 0)
        return QStringLiteral("0");
    const int exponent = static_cast<int>(std::floor(std::log10(std::abs(v))));
    if (exponent >= -3 && exponent < 6)
        return QLocale().toString(v, 'g', 6);
    const double mantissa = v / std::pow(10.0, exponent);
    return tr("%1 × 10<sup>%2</sup>").arg(Texts::number(mantissa, 2)).arg(exponent);
}

NumberFormatPanel::NumberFormatPanel(const Catalog &catalog, QWidget *parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("numberFormatPanel"));
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("numberFormatChoice"));
    for (const auto &f : m_catalog.numberFormats())
        m_format->addItem(QString::fromStdString(f.name), QString::fromStdString(f.id));
    m_block = new QComboBox;
    m_block->setObjectName(QStringLiteral("ggmlBlockChoice"));
    for (const auto t : {GgmlType::Q8_0, GgmlType::Q4_0, GgmlType::Q2_K, GgmlType::Q3_K, GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K,
                         GgmlType::MXFP4, GgmlType::NVFP4})
        m_block->addItem(QString::fromUtf8(ggmlTypeTraits(t).name.data(), static_cast<qsizetype>(ggmlTypeTraits(t).name.size())));

    const auto label = [](const QString &objectName) {
        auto *l = new QLabel;
        l->setObjectName(objectName);
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        return l;
    };
    m_formatText = label(QStringLiteral("numberFormatText"));
    m_blockText = label(QStringLiteral("ggmlBlockText"));
    m_formatView = new BitLayoutView;
    m_formatView->setObjectName(QStringLiteral("numberFormatView"));
    m_blockView = new BitLayoutView;
    m_blockView->setObjectName(QStringLiteral("ggmlBlockView"));

    auto *v = new QVBoxLayout(this);
    auto *formatForm = new QFormLayout;
    formatForm->addRow(tr("Number format:"), m_format);
    v->addLayout(formatForm);
    v->addWidget(m_formatView);
    v->addWidget(m_formatText);
    v->addSpacing(12);
    auto *blockForm = new QFormLayout;
    blockForm->addRow(tr("ggml block:"), m_block);
    v->addLayout(blockForm);
    v->addWidget(m_blockView);
    v->addWidget(m_blockText);
    v->addStretch(1);

    connect(m_format, &QComboBox::currentIndexChanged, this, &NumberFormatPanel::showFormat);
    connect(m_block, &QComboBox::currentIndexChanged, this, &NumberFormatPanel::showBlock);
    connect(m_block, &QComboBox::activated, this, [this] { m_blockChosen = true; });
    selectFormat(QStringLiteral("fp16"));
    selectBlock(QStringLiteral("Q4_K"));
    showFormat();
    showBlock();
}

bool NumberFormatPanel::selectFormat(const QString &id)
{
    const int i = m_format->findData(id);
    if (i >= 0)
        m_format->setCurrentIndex(i);
    return i >= 0;
}

bool NumberFormatPanel::selectBlock(const QString &ggmlName)
{
    const int i = m_block->findText(ggmlName);
    if (i >= 0)
        m_block->setCurrentIndex(i);
    return i >= 0;
}

void NumberFormatPanel::setEvaluation(const Evaluation &evaluation)
{
    m_resolved = evaluation.resolved;
    // Until the user picks one, the block shown is the one the estimate's quantization is built on.
    if (!m_blockChosen && m_resolved && m_resolved->quant && m_resolved->quant->layout.ggmlType &&
        ggmlBlockLayout(*m_resolved->quant->layout.ggmlType)) {
        const auto name = ggmlTypeTraits(*m_resolved->quant->layout.ggmlType).name;
        selectBlock(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    }
    showBlock();
}

namespace {

QString floatWords(const NumberFormat &f, const NumberRange &r)
{
    QStringList w;
    w << NumberFormatPanel::tr("%1 sign, %2 exponent and %3 mantissa bits; exponent bias %4.")
             .arg(f.signBits)
             .arg(f.exponentBits)
             .arg(f.mantissaBits)
             .arg(f.bias);
    w << NumberFormatPanel::tr("Largest finite value %1, smallest normal %2.")
             .arg(NumberFormatPanel::value(r.maxFinite), NumberFormatPanel::value(*r.minNormal));
    if (r.minSubnormal)
        w << NumberFormatPanel::tr("Subnormals reach down to %1.").arg(NumberFormatPanel::value(*r.minSubnormal));
    if (!f.subnormals)
        w << NumberFormatPanel::tr("No zero and no subnormals: every code is a power of two.");
    w << NumberFormatPanel::tr("Precision: the step after 1.0 is %1, about %2 significant decimal digits.")
             .arg(NumberFormatPanel::value(r.relativeStep), Texts::number(r.decimalDigits, 1));
    switch (f.specials) {
    case SpecialValues::Ieee:
        w << NumberFormatPanel::tr("Infinities and NaNs as in IEEE 754: the all-ones exponent holds no numbers.");
        break;
    case SpecialValues::NanOnly:
        w << NumberFormatPanel::tr("No infinity: only the all-ones pattern is NaN, so the top exponent still holds numbers.");
        break;
    case SpecialValues::None: w << NumberFormatPanel::tr("Every pattern is a number: no infinity, no NaN."); break;
    }
    return sentences(w);
}

Row floatRow(const NumberFormat &f, const Palette &c)
{
    Row row;
    row.title = NumberFormatPanel::tr("%1: %2 bits").arg(QString::fromStdString(f.name)).arg(storageBits(f));
    if (f.signBits > 0)
        row.segments.push_back(
            {NumberFormatPanel::tr("sign"), double(f.signBits), c.sign(), int(f.signBits), NumberFormatPanel::tr("sign: 1 bit")});
    row.segments.push_back({NumberFormatPanel::tr("exponent"), double(f.exponentBits), c.exponent(), int(f.exponentBits),
                            NumberFormatPanel::tr("exponent bits: %1").arg(f.exponentBits)});
    if (f.mantissaBits > 0)
        row.segments.push_back({NumberFormatPanel::tr("mantissa"), double(f.mantissaBits), c.mantissa(), int(f.mantissaBits),
                                NumberFormatPanel::tr("mantissa bits: %1").arg(f.mantissaBits)});
    if (storageBits(f) <= 4)
        row.numberLine = representableValues(f);
    return row;
}

} // namespace

void NumberFormatPanel::showFormat()
{
    const auto *f = m_catalog.findNumberFormat(m_format->currentData().toString().toStdString());
    if (!f)
        return;
    const Palette c = paletteOf(this);
    std::vector<Row> rows;
    QString words;
    const QString name = QString::fromStdString(f->name);
    if (f->kind == NumberKind::Float) {
        rows.push_back(floatRow(*f, c));
        words = floatWords(*f, numberRange(*f));
    } else if (f->kind == NumberKind::Integer) {
        const NumberRange r = numberRange(*f);
        Row row;
        row.title = tr("%1: %2 bits").arg(name).arg(f->bits);
        row.segments.push_back({tr("sign"), 1, c.sign(), 1, tr("sign (two's complement): 1 bit")});
        row.segments.push_back({tr("value"), double(f->bits - 1), c.exponent(), int(f->bits - 1), tr("value bits: %1").arg(f->bits - 1)});
        if (f->bits <= 4)
            row.numberLine = representableValues(*f);
        rows.push_back(row);
        words = tr("A %1-bit two's-complement integer: %2 to %3 in steps of 1, %4 levels. It needs a scale per group of "
                   "weights to stand for real numbers (Q4_0, GPTQ, AWQ).")
                    .arg(f->bits)
                    .arg(value(r.minValue), value(r.maxFinite))
                    .arg(1U << f->bits);
    } else if (f->kind == NumberKind::Lookup) {
        const NumberRange r = numberRange(*f);
        Row row;
        row.title = tr("%1: %2 bits").arg(name).arg(f->bits);
        row.segments.push_back({tr("index"), double(f->bits), c.code(), int(f->bits),
                                tr("index into %1 fixed values: %2 bits").arg(f->values.size()).arg(f->bits)});
        row.numberLine = representableValues(*f);
        rows.push_back(row);
        words = tr("Not a float: a %1-bit index picks one of %2 fixed values from %3 to %4 (the smallest above zero is %5), "
                   "spaced unevenly, closer together near zero.")
                    .arg(f->bits)
                    .arg(f->values.size())
                    .arg(value(r.minValue), value(r.maxFinite), value(r.minPositive));
    } else if (const auto *element = m_catalog.findNumberFormat(f->element)) {
        rows.push_back(floatRow(*element, c));
        words = floatWords(*element, numberRange(*element));
    }
    if (f->block) {
        const auto *element = f->kind == NumberKind::Block ? m_catalog.findNumberFormat(f->element) : f;
        const auto *scale = m_catalog.findNumberFormat(f->block->scale);
        if (element && scale) {
            const QString elementName = QString::fromStdString(element->name), scaleName = QString::fromStdString(scale->name);
            const double perElement = bitsPerElement(*f, *element, scale);
            Row row;
            row.title = tr("One block of %1: %2 × %3 and one %4 scale").arg(name).arg(f->block->size).arg(elementName, scaleName);
            row.segments.push_back(
                {scaleName, double(storageBits(*scale)), c.scale(), 1, tr("%1 scale: %2 bits").arg(scaleName).arg(storageBits(*scale))});
            for (std::uint32_t i = 0; i < f->block->size; ++i)
                row.segments.push_back(
                    {QString(), double(storageBits(*element)), i % 2 ? c.quants().lighter(125) : c.quants(), 1,
                     i == 0 ? tr("%1 × %2: %3 bits each").arg(f->block->size).arg(elementName).arg(storageBits(*element)) : QString()});
            rows.push_back(row);
            QString block = tr("%1: every %2 values share one %3 scale, so each value takes %4 + %5 / %2 = %6 bits.")
                                .arg(name)
                                .arg(f->block->size)
                                .arg(scaleName)
                                .arg(storageBits(*element))
                                .arg(storageBits(*scale))
                                .arg(bits(perElement));
            if (const auto *tensor = m_catalog.findNumberFormat(f->block->tensorScale))
                block = sentences({block, tr("Each tensor adds one %1 scale on top.").arg(QString::fromStdString(tensor->name))});
            if (f->kind == NumberKind::Block)
                words = sentences({block, tr("Each value is %1:").arg(elementName), words});
            else
                words = sentences({words, block});
        }
    }
    m_formatView->setRows(std::move(rows));
    m_formatText->setText(words);
}

namespace {

QString fieldWords(const GgmlBlockField &f, const GgmlBlockLayout &layout, std::uint32_t blockSize)
{
    const QString name = QString::fromUtf8(f.name.data(), static_cast<qsizetype>(f.name.size()));
    const QString element = QString::fromUtf8(f.element.data(), static_cast<qsizetype>(f.element.size()));
    bool mins = false, high = false;
    for (const auto &other : layout.fields) {
        mins = mins || other.name == "dmin";
        high = high || other.role == BlockFieldRole::HighBits;
    }
    QString what;
    switch (f.role) {
    case BlockFieldRole::Scale:
        if (layout.subBlocks == 1)
            what = NumberFormatPanel::tr("%1 scale of all %2 weights").arg(element).arg(blockSize);
        else if (f.name == "dmin")
            what = NumberFormatPanel::tr("%1 scale of the sub-block mins").arg(element);
        else
            what = NumberFormatPanel::tr("%1 scale of the sub-block scales").arg(element);
        break;
    case BlockFieldRole::SubScales:
        what = mins ? NumberFormatPanel::tr("%1 scales and %1 mins of the sub-blocks, %2 bits each").arg(f.count / 2).arg(f.bitsEach)
                    : NumberFormatPanel::tr("%1 scales of the sub-blocks, %2 bits each").arg(f.count).arg(f.bitsEach);
        if (!element.isEmpty())
            what += QStringLiteral(" (%1)").arg(element);
        break;
    case BlockFieldRole::Quants:
        what = high ? NumberFormatPanel::tr("the low %1 bits of each weight").arg(f.bitsEach)
                    : NumberFormatPanel::tr("the weights, %1 bits each").arg(f.bitsEach);
        if (!element.isEmpty() && element != QLatin1String("int8"))
            what += QStringLiteral(" (%1)").arg(element);
        break;
    case BlockFieldRole::HighBits: what = NumberFormatPanel::tr("%1 more bits of each weight").arg(f.bitsEach); break;
    }
    return NumberFormatPanel::tr("%1: %2 bytes, %3").arg(name).arg(f.bits() / 8).arg(what);
}

QColor roleColour(BlockFieldRole role, const Palette &c)
{
    switch (role) {
    case BlockFieldRole::Scale: return c.scale();
    case BlockFieldRole::SubScales: return c.subScale();
    case BlockFieldRole::Quants: return c.quants();
    case BlockFieldRole::HighBits: return c.highBits();
    }
    return c.quants();
}

} // namespace

void NumberFormatPanel::showBlock()
{
    const auto type = ggmlTypeFromName(m_block->currentText().toStdString());
    const auto layout = type ? ggmlBlockLayout(*type) : std::nullopt;
    if (!layout)
        return;
    const Palette c = paletteOf(this);
    const auto traits = ggmlTypeTraits(*type);
    const QString name = m_block->currentText();
    std::vector<Row> rows;
    Row row;
    row.title = tr("%1: %2 weights in %3 bytes").arg(name).arg(traits.blockSize).arg(traits.blockBytes);
    bool f16Scale = false;
    for (const auto &f : layout->fields) {
        f16Scale = f16Scale || (f.role == BlockFieldRole::Scale && f.element == "F16");
        // The weights' fields show their sub-blocks; the scales' field one line per scale, where there is room.
        const bool weights = f.role == BlockFieldRole::Quants || f.role == BlockFieldRole::HighBits;
        row.segments.push_back({QString::fromUtf8(f.name.data(), static_cast<qsizetype>(f.name.size())), f.bits() / 8.0,
                                roleColour(f.role, c), int(weights ? layout->subBlocks : f.count),
                                fieldWords(f, *layout, traits.blockSize)});
    }
    rows.push_back(row);
    const double bpw = 8.0 * traits.blockBytes / traits.blockSize;
    const double quantBits = layout->quantBitsPerWeight(traits.blockSize);
    QString words = tr("%1 bytes × 8 / %2 weights = %3 bits per weight: %4 for the weights themselves, %5 for the scales.")
                        .arg(traits.blockBytes)
                        .arg(traits.blockSize)
                        .arg(bits(bpw), bits(quantBits), bits(bpw - quantBits));
    if (layout->subBlocks > 1) {
        const QString scales = f16Scale
                                   ? tr("The scales cover %1 sub-blocks of %2 weights and are themselves scaled by the F16 values of the "
                                        "whole super-block.")
                                   : tr("The scales cover %1 sub-blocks of %2 weights.");
        words = sentences({words, scales.arg(layout->subBlocks).arg(traits.blockSize / layout->subBlocks)});
    }

    // The estimate's own file: which block types hold its weights, from the same inventory the estimate sized.
    if (m_resolved && m_resolved->inventory && m_resolved->quant) {
        const auto mix = storageMix(*m_resolved->inventory);
        std::uint64_t weights = 0;
        Bytes bytes = 0;
        for (const auto &s : mix) {
            weights += s.weights;
            bytes += s.bytes;
        }
        if (weights > 0) {
            const double overall = 8.0 * static_cast<double>(bytes) / static_cast<double>(weights);
            const QString quant = QString::fromStdString(m_resolved->quant->id);
            Row mixRow;
            mixRow.title = tr("%1 in %2: %3 bits per weight")
                               .arg(QString::fromStdString(m_resolved->request.model->name), quant, Texts::number(overall, 2));
            for (std::size_t i = 0; i < mix.size(); ++i) {
                const auto &s = mix[i];
                const double share = 100.0 * static_cast<double>(s.weights) / static_cast<double>(weights);
                mixRow.segments.push_back({QString::fromStdString(s.storage), static_cast<double>(s.weights), c.cycle(i), 1,
                                           tr("%1: %2 % of the weights, %3 bits each")
                                               .arg(QString::fromStdString(s.storage),
                                                    Texts::number(share, share < 0.1 ? 3
                                                                         : share < 1 ? 2
                                                                                     : 1),
                                                    Texts::number(s.bitsPerWeight(), 2))});
            }
            rows.push_back(mixRow);
            if (m_resolved->quant->nominalBits)
                words += QStringLiteral("<br/><br/>") +
                         tr("%1 says %2 bits; %3's weights take %4 per weight: the block types add their scales, and some tensors "
                            "are kept in wider types (the shares above).")
                             .arg(quant, Texts::number(*m_resolved->quant->nominalBits, 0))
                             .arg(QString::fromStdString(m_resolved->request.model->name).toHtmlEscaped(), Texts::number(overall, 2));
        }
    }
    m_blockView->setRows(std::move(rows));
    m_blockText->setText(words);
}

} // namespace headroom::gui
