# `cmake --install`: the compiler, the runtime headers, the interpreter, the
# JSON Schema and the CMake package that find_package(pathwayc CONFIG) reads
# (docs/build-integration.md).
include(CMakePackageConfigHelpers)

set(PATHWAYC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/pathwayc)
set(PATHWAYC_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/pathwayc)

install(FILES ${PROJECT_SOURCE_DIR}/docs/targets/pathway-graph.schema.json
  DESTINATION ${PATHWAYC_INSTALL_DATADIR})

install(EXPORT pathwaycTargets
  NAMESPACE pathwayc::
  DESTINATION ${PATHWAYC_INSTALL_CMAKEDIR})

configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/pathwaycConfig.cmake.in
  ${PROJECT_BINARY_DIR}/pathwaycConfig.cmake
  INSTALL_DESTINATION ${PATHWAYC_INSTALL_CMAKEDIR}
  PATH_VARS PATHWAYC_INSTALL_DATADIR)
# 0.x: a new minor version may change the generated API.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/pathwaycConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/pathwaycConfig.cmake
  ${PROJECT_BINARY_DIR}/pathwaycConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/PathwayAddModule.cmake
  DESTINATION ${PATHWAYC_INSTALL_CMAKEDIR})
