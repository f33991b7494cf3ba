# SPDX-License-Identifier: GPL-3.0-or-later
# headroom_platform_app(target): what the desktop app needs on Windows and macOS besides its code: the icon
# (a Windows resource, or the macOS bundle's .icns and Info.plist) and Qt's libraries and plugins copied next
# to the installed app, so that the NSIS installer and the .dmg run on a machine without Qt. On Linux the
# packages use the system's Qt (the DEB depends on it) and the icon comes from the hicolor theme, so nothing
# happens here. Only the Linux build is tested; this part is written from the CMake and Qt docs (see
# packaging/README.md) and has not been built.
function(headroom_platform_app target)
    if(WIN32)
        target_sources(${target} PRIVATE ${PROJECT_SOURCE_DIR}/packaging/windows/headroom.rc)
    elseif(APPLE)
        set(icns ${PROJECT_SOURCE_DIR}/packaging/macos/headroom.icns)
        target_sources(${target} PRIVATE ${icns})
        set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
        set_target_properties(${target} PROPERTIES
            OUTPUT_NAME Headroom
            MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in
            MACOSX_BUNDLE_GUI_IDENTIFIER ${HEADROOM_APP_ID}
            MACOSX_BUNDLE_BUNDLE_NAME Headroom
            MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
            MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
            MACOSX_BUNDLE_ICON_FILE headroom.icns
            MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later")
    else()
        return()
    endif()

    # Qt's deployment script runs windeployqt / macdeployqt on the installed app. The command exists since
    # Qt 6.3 (a technical preview until 6.5); 6.3 and 6.4 name its output FILENAME_VARIABLE, 6.5 OUTPUT_SCRIPT.
    if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
        qt_generate_deploy_app_script(TARGET ${target} OUTPUT_SCRIPT deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET ${target} FILENAME_VARIABLE deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${deploy_script})
endfunction()
