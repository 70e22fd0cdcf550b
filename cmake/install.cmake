# `cmake --install` puts the library where other projects find it:
#   include/baton/*.h                          the public headers
#   lib/libbaton_<module>.a                    one static library per module
#   lib/cmake/baton/batonConfig.cmake          find_package(baton) -> baton::baton
# and, with the command, bin/baton. Components: `Development` (headers, libraries, package) and
# `Runtime` (the command), so `cmake --install build --component Development` installs the
# library alone.

include(CMakePackageConfigHelpers)

set(BATON_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/baton)

install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/baton
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT Development
        FILES_MATCHING PATTERN "*.h")

set(BATON_MODULE_TARGETS)
foreach(m IN LISTS BATON_MODULES)
  list(APPEND BATON_MODULE_TARGETS baton_${m})
endforeach()
install(TARGETS ${BATON_MODULE_TARGETS} baton_lib
        EXPORT batonTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(EXPORT batonTargets
        NAMESPACE baton::
        DESTINATION ${BATON_INSTALL_CMAKEDIR}
        COMPONENT Development)

configure_package_config_file(${CMAKE_CURRENT_SOURCE_DIR}/cmake/batonConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/batonConfig.cmake
                              INSTALL_DESTINATION ${BATON_INSTALL_CMAKEDIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/batonConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION}
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/batonConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/batonConfigVersion.cmake
        DESTINATION ${BATON_INSTALL_CMAKEDIR}
        COMPONENT Development)

if(BATON_BUILD_CLI)
  install(TARGETS baton RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
endif()
