# Finds every dependency; all of them come from Debian packages installed by
# scripts/install-deps.sh, so a failure here names the package to install.

find_program(ANTLR4_TOOL antlr4)
if(NOT ANTLR4_TOOL)
  message(FATAL_ERROR "antlr4 not found: run scripts/install-deps.sh (Debian package 'antlr4')")
endif()
find_package(Java COMPONENTS Runtime REQUIRED)

find_package(antlr4-runtime REQUIRED CONFIG)
# The Debian config names the include directory but does not attach it to the
# imported target.
if(NOT ANTLR4_INCLUDE_DIR)
  set(ANTLR4_INCLUDE_DIR /usr/include/antlr4-runtime)
endif()

find_package(LLVM 14 REQUIRED CONFIG)
find_package(fmt REQUIRED CONFIG)
find_package(nlohmann_json 3 REQUIRED CONFIG)

if(PATHWAYC_BUILD_TESTS)
  find_package(GTest REQUIRED CONFIG)
endif()

# LLVMSupport through one interface target, with LLVM's headers as SYSTEM so
# their warnings never fail our -Werror build.
add_library(pathwayc_llvm INTERFACE)
target_include_directories(pathwayc_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(pathwayc_llvm INTERFACE ${LLVM_DEFINITIONS})
llvm_map_components_to_libnames(PATHWAYC_LLVM_LIBS support)
target_link_libraries(pathwayc_llvm INTERFACE ${PATHWAYC_LLVM_LIBS})
