// SPDX-License-Identifier: GPL-3.0-or-later
#include "user_data_sync.h"

#include "compare_panel.h"
#include "main_window.h"

#include <headroom/units.h>

#include <QMessageBox>

#include <cmath>

namespace headroom::gui {

void UserDataSync::restore(const UserData &data, MainWindow &window)
{
    if (const SavedComparison *c = data.comparison(UserData::kCurrentComparison))
        window.comparePanel()->setSlotKeys(c->slotKeys);
    if (const SavedDevice *d = data.device(UserData::kCustomCard)) {
        GuiInputs in = window.inputs();
        in.customGiB = static_cast<double>(d->capacityBytes) / static_cast<double>(GiB);
        window.setInputs(in);
    }
}

void UserDataSync::store(const MainWindow &window, UserData &data)
{
    data.setComparison({UserData::kCurrentComparison, window.comparePanel()->slotKeys()});
    const GuiInputs in = window.inputs();
    const SavedDevice *existing = data.device(UserData::kCustomCard);
    if (!existing && in.gpu != QLatin1String("custom"))
        return; // never used: nothing to keep
    SavedDevice card = existing ? *existing : SavedDevice{UserData::kCustomCard, 0, false, 0.0, 0.0, 1};
    card.capacityBytes = std::llround(in.customGiB * static_cast<double>(GiB));
    data.setDevice(card);
}

void UserDataSync::warn(QWidget *parent, const QString &message)
{
    QMessageBox::warning(parent, tr("Your saved hardware and comparisons"), message);
}

} // namespace headroom::gui
