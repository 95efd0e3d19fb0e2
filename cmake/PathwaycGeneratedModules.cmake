# Decision modules generated during this build by the pathwayc it builds,
# for the tests and benchmarks that link them.
#
#   pathwayc_add_generated_modules(<target> OUTPUT_DIR <dir>
#                                  PATHWAYS <file>...)
#
# compiles each pathway (a path relative to the source root) with
# `pathwayc compile --emit cpp,json` into <dir>, and makes <target> a static
# library of the generated C++, built with -pedantic on top of the project's
# warnings, whose users include <dir>. Each pathway must be named like its
# file, as the shipped guidelines are.
function(pathwayc_add_generated_modules target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "PATHWAYS" ${ARGN})
  set(sources)
  set(outputs)
  set(inputs)
  foreach(pathway IN LISTS ARG_PATHWAYS)
    get_filename_component(stem ${pathway} NAME_WE)
    list(APPEND inputs ${PROJECT_SOURCE_DIR}/${pathway})
    list(APPEND sources ${ARG_OUTPUT_DIR}/${stem}.cpp)
    list(APPEND outputs ${ARG_OUTPUT_DIR}/${stem}.cpp
      ${ARG_OUTPUT_DIR}/${stem}.h ${ARG_OUTPUT_DIR}/${stem}.json)
  endforeach()
  # From the source root on relative paths, as tools/update_goldens runs,
  # so that the recorded provenance matches the goldens.
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND pathwayc compile --emit cpp,json -o ${ARG_OUTPUT_DIR}
            ${ARG_PATHWAYS}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    DEPENDS pathwayc ${inputs}
    COMMENT "Compiling pathways into ${target}"
    VERBATIM)
  add_library(${target} STATIC ${sources})
  pathwayc_set_warnings(${target})
  target_compile_options(${target} PRIVATE -pedantic)
  target_include_directories(${target} PUBLIC ${ARG_OUTPUT_DIR})
  target_link_libraries(${target} PUBLIC pathwayc_runtime)
endfunction()
