# The layering test (ctest `layers`): every `#include "<folder>/..."` in src/ and rules/ names the file's own
# layer or one it may include (cmake/Layers.cmake, docs/architecture.md), and every folder of src/ is a layer.
# Declared dependencies only point down the order, so an include graph that passes has no folder cycle.
#
#   cmake -DLAYERS_FILE=<build>/layers.cmake -DSOURCE_DIR=<repository> -P cmake/CheckLayers.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT LAYERS_FILE OR NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DLAYERS_FILE=<build>/layers.cmake -DSOURCE_DIR=<repository> -P CheckLayers.cmake")
endif()
include("${LAYERS_FILE}")  # LAMBDALINT_LAYERS, LAMBDALINT_LAYER_<name>_DIR, LAMBDALINT_LAYER_<name>_ALLOWED

set(violations "")
set(files_checked 0)
set(includes_checked 0)

# Every folder of src/ is a layer: a folder outside the list would build into nothing, or into no layer's rules.
file(GLOB top_folders LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}/src" "${SOURCE_DIR}/src/*")
foreach(folder IN LISTS top_folders)
  if(IS_DIRECTORY "${SOURCE_DIR}/src/${folder}" AND NOT folder IN_LIST LAMBDALINT_LAYERS)
    list(APPEND violations "src/${folder}/: a folder that is not a layer; add it to cmake/Layers.cmake and docs/architecture.md")
  endif()
endforeach()

foreach(layer IN LISTS LAMBDALINT_LAYERS)
  set(dir "${LAMBDALINT_LAYER_${layer}_DIR}")
  set(allowed ${LAMBDALINT_LAYER_${layer}_ALLOWED})
  list(JOIN allowed ", " allowed_text)
  file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.hpp" "${dir}/*.cpp")
  foreach(source IN LISTS sources)
    math(EXPR files_checked "${files_checked} + 1")
    file(RELATIVE_PATH shown "${SOURCE_DIR}" "${source}")
    file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]*\"")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" included "${line}")
      math(EXPR includes_checked "${includes_checked} + 1")
      if(included MATCHES "^\\.\\./|/\\.\\./")
        list(APPEND violations "${shown}: #include \"${included}\" climbs out of its folder; name the layer instead")
        continue()
      endif()
      if(NOT included MATCHES "/")
        continue()  # a file beside this one
      endif()
      string(REGEX REPLACE "/.*$" "" folder "${included}")
      if(folder IN_LIST LAMBDALINT_LAYERS)
        if(NOT folder IN_LIST allowed)
          list(APPEND violations
               "${shown}: #include \"${included}\": layer '${layer}' may include only ${allowed_text}")
        endif()
      else()
        get_filename_component(here "${source}" DIRECTORY)
        if(NOT EXISTS "${here}/${included}" AND IS_DIRECTORY "${SOURCE_DIR}/src/${folder}")
          list(APPEND violations "${shown}: #include \"${included}\": '${folder}' is not a layer")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "${count} layering violation(s) (docs/architecture.md, \"What may include what\"):\n  ${text}")
endif()
message(STATUS "layers: ${files_checked} files, ${includes_checked} quoted includes, all within the layer order")
