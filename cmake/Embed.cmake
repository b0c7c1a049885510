# Turns text files into C++ string literals at build time, so the installed
# binary carries its docs and data tables and reads nothing beside itself.
#
# lambdalint_embed(OUTPUT <cpp> FUNCTION <name> FILES <f>...)
#   generates `std::vector<std::pair<std::string_view, std::string_view>> <name>()`
#   returning (file stem, contents) pairs.
function(lambdalint_embed)
  cmake_parse_arguments(E "" "OUTPUT;FUNCTION" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${E_OUTPUT} -DFUNCTION=${E_FUNCTION}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
endfunction()
