# pathway_add_module: .pathway files to a C++ decision module at build time,
# the way protobuf_generate() does for .proto files. Installed with pathwayc
# and loaded by find_package(pathwayc CONFIG); docs/build-integration.md is
# its manual.
#
#   pathway_add_module(<target>
#     SOURCES <file.pathway>...
#     [OUTPUT_DIR <dir>]            # default: ${CMAKE_CURRENT_BINARY_DIR}/<target>
#     [EMIT json dot svg png...]    # more targets beside the C++, into OUTPUT_DIR
#     [NAMESPACE <a::b>]            # one namespace for every module, instead of
#                                   # one named after each pathway
#     [WARNINGS_AS_ERRORS])         # a warning fails the build too
#
# makes <target> a static library of the generated C++ of every source,
# linked to pathwayc::runtime, whose users include its headers by the
# sources' names: guidelines/acr.pathway gives "acr.h". Each source is
# compiled by its own command, so editing one regenerates and rebuilds only
# what depends on it; pathwayc leaves a file it would write unchanged
# untouched, so a change that does not alter the output rebuilds nothing.
# A pathway with errors fails the build with pathwayc's diagnostics,
# file:line:col relative to the current source directory.
#
# The language has no includes or imports: a module depends on its source
# file and on pathwayc itself, and nothing else, so no depfile is needed.

function(pathway_add_module target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "WARNINGS_AS_ERRORS"
    "OUTPUT_DIR;NAMESPACE" "SOURCES;EMIT")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "pathway_add_module(${target}): unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "pathway_add_module(${target}): no SOURCES given")
  endif()
  if(NOT TARGET pathwayc::pathwayc)
    message(FATAL_ERROR
      "pathway_add_module(${target}): the pathwayc::pathwayc executable is "
      "not defined; call find_package(pathwayc CONFIG REQUIRED) first")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/${target})
  endif()
  get_filename_component(output_dir ${ARG_OUTPUT_DIR} ABSOLUTE
    BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})

  set(emit cpp)
  set(extensions)
  foreach(extra IN LISTS ARG_EMIT)
    if(NOT extra MATCHES "^(json|dot|svg|png)$")
      message(FATAL_ERROR
        "pathway_add_module(${target}): EMIT takes json, dot, svg and png, "
        "not '${extra}' (the C++ is always emitted)")
    endif()
    list(APPEND emit ${extra})
    list(APPEND extensions ${extra})
  endforeach()
  list(JOIN emit "," emit_list)

  set(options --emit=${emit_list} --name-after-file)
  if(ARG_WARNINGS_AS_ERRORS)
    list(APPEND options --warnings-as-errors)
  endif()
  if(ARG_NAMESPACE)
    list(APPEND options --cpp_opt=namespace=${ARG_NAMESPACE})
  endif()

  set(generated_sources)
  set(generated_files)
  set(stems)
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(absolute ${source} ABSOLUTE
      BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    get_filename_component(stem ${absolute} NAME_WE)
    if(stem IN_LIST stems)
      message(FATAL_ERROR
        "pathway_add_module(${target}): two sources are named '${stem}'; "
        "their generated files would collide in ${output_dir}")
    endif()
    list(APPEND stems ${stem})
    # Relative to the source directory, so that the provenance recorded in
    # the generated files does not depend on where the checkout or the
    # build directory is.
    file(RELATIVE_PATH relative ${CMAKE_CURRENT_SOURCE_DIR} ${absolute})

    set(outputs ${output_dir}/${stem}.h ${output_dir}/${stem}.cpp)
    foreach(extension IN LISTS extensions)
      list(APPEND outputs ${output_dir}/${stem}.${extension})
    endforeach()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND pathwayc::pathwayc compile ${options} -o ${output_dir}
              ${relative}
      WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
      DEPENDS ${absolute} pathwayc::pathwayc
      COMMENT "Compiling pathway ${relative}"
      VERBATIM)
    list(APPEND generated_sources ${output_dir}/${stem}.cpp)
    list(APPEND generated_files ${outputs})
  endforeach()

  add_library(${target} STATIC ${generated_files})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${output_dir}>)
  target_link_libraries(${target} PUBLIC pathwayc::runtime)
  target_compile_features(${target} PUBLIC cxx_std_17)
endfunction()
