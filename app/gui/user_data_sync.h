// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "user_data.h"

#include <QCoreApplication>

class QWidget;

namespace headroom::gui {

class MainWindow;

/** The window's share of UserData: the Compare tab's columns and the card behind "Custom capacity". */
class UserDataSync
{
    Q_DECLARE_TR_FUNCTIONS(UserDataSync)
public:
    /** Shows what `data` keeps in the window (entries it has no place for are left alone). */
    static void restore(const UserData &data, MainWindow &window);
    /** Puts the window's comparison and custom card into `data`; every other entry stays as it was. */
    static void store(const MainWindow &window, UserData &data);
    /** A load or save message (a file set aside, a failed write), as a warning over `parent`. */
    static void warn(QWidget *parent, const QString &message);
};

} // namespace headroom::gui
