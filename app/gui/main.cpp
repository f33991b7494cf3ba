// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui_app.h"

int main(int argc, char **argv)
{
    return headroom::gui::runGui(argc, argv);
}
