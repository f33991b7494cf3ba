// SPDX-License-Identifier: GPL-3.0-or-later
#include "user_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace headroom::gui {
namespace {

constexpr const char *kFormat = "headroom-user-data";

bool isNumber(const QJsonValue &v, double min, double max)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= min && v.toDouble() <= max;
}

} // namespace

QByteArray UserData::toJson() const
{
    QJsonArray devs;
    for (const SavedDevice &d : devices)
        devs.append(QJsonObject{{"name", d.name},
                                {"capacity_bytes", d.capacityBytes},
                                {"kind", d.unified ? "unified" : "discrete"},
                                {"bandwidth_gbs", d.bandwidthGBs},
                                {"price", d.price},
                                {"count", d.count}});
    QJsonArray comps;
    for (const SavedComparison &c : comparisons)
        comps.append(QJsonObject{{"name", c.name}, {"slots", QJsonArray::fromStringList(c.slotKeys)}});
    return QJsonDocument(QJsonObject{{"format", kFormat}, {"version", kVersion}, {"devices", devs}, {"comparisons", comps}})
        .toJson(QJsonDocument::Indented);
}

std::variant<UserData, UserData::ReadError> UserData::fromJson(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return ReadError{Problem::Syntax, 0, QStringLiteral("offset %1: %2").arg(pe.offset).arg(pe.errorString())};
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return ReadError{Problem::NotUserData, 0, QStringLiteral("not a Headroom user data file")};
    if (!isNumber(o.value(QStringLiteral("version")), 1, 1e9))
        return ReadError{Problem::BadEntry, 0, QStringLiteral("version")};
    const int version = o.value(QStringLiteral("version")).toInt();
    if (version > kVersion)
        return ReadError{Problem::NewerVersion, version, QStringLiteral("version %1").arg(version)};
    const auto bad = [](const QString &where) { return ReadError{Problem::BadEntry, 0, where}; };

    UserData data;
    const QJsonValue devs = o.value(QStringLiteral("devices"));
    if (!devs.isArray() && !devs.isUndefined())
        return bad(QStringLiteral("devices"));
    for (const QJsonValue &v : devs.toArray()) {
        const QJsonObject d = v.toObject();
        const QString kind = d.value(QStringLiteral("kind")).toString();
        if (!v.isObject() || !d.value(QStringLiteral("name")).isString() || !isNumber(d.value(QStringLiteral("capacity_bytes")), 1, 1e18) ||
            (kind != QLatin1String("discrete") && kind != QLatin1String("unified")) ||
            !isNumber(d.value(QStringLiteral("bandwidth_gbs")), 0, 1e6) || !isNumber(d.value(QStringLiteral("price")), 0, 1e12) ||
            !isNumber(d.value(QStringLiteral("count")), 1, 64))
            return bad(QStringLiteral("devices[%1]").arg(data.devices.size()));
        data.devices.append({d.value(QStringLiteral("name")).toString(),
                             static_cast<qint64>(d.value(QStringLiteral("capacity_bytes")).toDouble()), kind == QLatin1String("unified"),
                             d.value(QStringLiteral("bandwidth_gbs")).toDouble(), d.value(QStringLiteral("price")).toDouble(),
                             d.value(QStringLiteral("count")).toInt()});
    }
    const QJsonValue comps = o.value(QStringLiteral("comparisons"));
    if (!comps.isArray() && !comps.isUndefined())
        return bad(QStringLiteral("comparisons"));
    for (const QJsonValue &v : comps.toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonValue slotsValue = c.value(QStringLiteral("slots"));
        if (!v.isObject() || !c.value(QStringLiteral("name")).isString() || !slotsValue.isArray())
            return bad(QStringLiteral("comparisons[%1]").arg(data.comparisons.size()));
        SavedComparison saved{c.value(QStringLiteral("name")).toString(), {}};
        for (const QJsonValue &slot : slotsValue.toArray()) {
            if (!slot.isString() || slot.toString().size() > 200)
                return bad(QStringLiteral("comparisons[%1].slots").arg(data.comparisons.size()));
            saved.slotKeys << slot.toString();
        }
        data.comparisons.append(saved);
    }
    return data;
}

const SavedComparison *UserData::comparison(const QString &name) const
{
    for (const SavedComparison &c : comparisons)
        if (c.name == name)
            return &c;
    return nullptr;
}

const SavedDevice *UserData::device(const QString &name) const
{
    for (const SavedDevice &d : devices)
        if (d.name == name)
            return &d;
    return nullptr;
}

void UserData::setComparison(const SavedComparison &c)
{
    for (SavedComparison &existing : comparisons)
        if (existing.name == c.name) {
            existing = c;
            return;
        }
    comparisons.append(c);
}

void UserData::setDevice(const SavedDevice &d)
{
    for (SavedDevice &existing : devices)
        if (existing.name == d.name) {
            existing = d;
            return;
        }
    devices.append(d);
}

} // namespace headroom::gui
