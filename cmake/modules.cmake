# The library's modules, one static library each, with exactly the dependencies docs/ARCHITECTURE.md
# shows:
#   core <- physics <- plan <- sim <- report;  io may use all of these;  store uses core only;
#   workspace (the use cases) uses them all.
# A forbidden include does not compile: each module sees only its own headers and those of the
# modules it depends on. The public headers live together in include/baton/ (that is what
# `cmake --install` installs), so at configure time each module gets a folder of links to its
# own headers, build/layers/<module>/baton/NAME.h, plus build/layers/<module>/<module>/ for its
# internal headers under src/<module>/. Include paths then flow along target_link_libraries()
# and nowhere else.

set(BATON_MODULES core physics plan sim report io store workspace)
set(BATON_DEPS_core)
set(BATON_DEPS_physics core)
set(BATON_DEPS_plan core physics)
set(BATON_DEPS_sim core physics plan)
set(BATON_DEPS_report core physics plan sim)
set(BATON_DEPS_io core physics plan sim report)
set(BATON_DEPS_store core)
set(BATON_DEPS_workspace core physics plan sim report io store)

# Public headers without a source of the same name in their module's folder.
set(BATON_HEADER_MODULE_histogram report)
set(BATON_HEADER_MODULE_lineup plan)
set(BATON_HEADER_MODULE_meet io)
set(BATON_HEADER_MODULE_relay_costs physics)
set(BATON_HEADER_MODULE_simulation sim)
set(BATON_HEADER_MODULE_store store)
set(BATON_HEADER_MODULE_svg report)
set(BATON_HEADER_MODULE_team_file io)

set(BATON_LAYERS_DIR ${CMAKE_CURRENT_BINARY_DIR}/layers)
file(REMOVE_RECURSE ${BATON_LAYERS_DIR})
file(GLOB BATON_PUBLIC_HEADERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/baton/*.h)

# baton_header_module(HEADER OUT): the module a public header belongs to.
function(baton_header_module header out)
  get_filename_component(stem ${header} NAME_WE)
  if(DEFINED BATON_HEADER_MODULE_${stem})
    set(${out} ${BATON_HEADER_MODULE_${stem}} PARENT_SCOPE)
    return()
  endif()
  foreach(m IN LISTS BATON_MODULES)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/${m}/${stem}.cpp)
      set(${out} ${m} PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "include/baton/${stem}.h belongs to no module: add src/<module>/${stem}.cpp "
                      "or set BATON_HEADER_MODULE_${stem} in cmake/modules.cmake")
endfunction()

foreach(header IN LISTS BATON_PUBLIC_HEADERS)
  baton_header_module(${header} module)
  get_filename_component(name ${header} NAME)
  file(MAKE_DIRECTORY ${BATON_LAYERS_DIR}/${module}/baton)
  file(CREATE_LINK ${header} ${BATON_LAYERS_DIR}/${module}/baton/${name} SYMBOLIC)
endforeach()

foreach(m IN LISTS BATON_MODULES)
  file(MAKE_DIRECTORY ${BATON_LAYERS_DIR}/${m}/baton)
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/src/${m} ${BATON_LAYERS_DIR}/${m}/${m} SYMBOLIC)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/${m}/*.cpp)
  add_library(baton_${m} STATIC ${sources})
  add_library(baton::${m} ALIAS baton_${m})
  set_target_properties(baton_${m} PROPERTIES OUTPUT_NAME baton_${m} EXPORT_NAME ${m})
  target_include_directories(baton_${m} PUBLIC
    $<BUILD_INTERFACE:${BATON_LAYERS_DIR}/${m}>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_options(baton_${m} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  foreach(dep IN LISTS BATON_DEPS_${m})
    target_link_libraries(baton_${m} PUBLIC baton_${dep})
  endforeach()
endforeach()

# Third-party libraries, each where it is used. Header-only ones stay inside the build.
target_link_libraries(baton_core PUBLIC fmt::fmt nlohmann_json::nlohmann_json Threads::Threads)
target_link_libraries(baton_physics PRIVATE $<BUILD_INTERFACE:Boost::boost>
                                            $<BUILD_INTERFACE:Eigen3::Eigen>)
target_link_libraries(baton_plan PRIVATE $<BUILD_INTERFACE:Boost::boost>
                                         $<BUILD_INTERFACE:Eigen3::Eigen> PkgConfig::CBC)
target_link_libraries(baton_sim PRIVATE $<BUILD_INTERFACE:Boost::boost>)
target_link_libraries(baton_io PRIVATE tomlplusplus::tomlplusplus)
target_link_libraries(baton_store PRIVATE SQLite::SQLite3)
target_link_libraries(baton_workspace PRIVATE PkgConfig::SODIUM)

# The whole library, as users link it.
add_library(baton_lib INTERFACE)
set_target_properties(baton_lib PROPERTIES EXPORT_NAME baton)
add_library(baton::baton ALIAS baton_lib)
foreach(m IN LISTS BATON_MODULES)
  target_link_libraries(baton_lib INTERFACE baton_${m})
endforeach()

# The simulation's hot loops (target_clones: one clone per instruction set). GCC's generic
# tuning replaces AVX2 / AVX-512 gathers by single loads, which makes their table lookups
# several times slower; gathers are plain loads, so the numbers do not change. Fused
# multiply-adds would (their one rounding), so exchange_batch.cpp, which must give the bits of
# the scalar lookup in every clone, is compiled without them; sqrt needs no errno there.
set(BATON_VECTOR_SOURCES src/sim/ziggurat.cpp src/sim/exchange_batch.cpp src/sim/engine.cpp)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  foreach(file IN LISTS BATON_VECTOR_SOURCES)
    set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${file} APPEND PROPERTY COMPILE_OPTIONS
      -mtune-ctrl=use_gather_2parts,use_gather_4parts,use_gather)
  endforeach()
  # The table lookup holds more values than there are vector registers: scheduling before
  # register allocation, minding the pressure, spills less (4 % of a simulation's time).
  set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/src/sim/exchange_batch.cpp APPEND PROPERTY
    COMPILE_OPTIONS -fschedule-insns -fsched-pressure)
endif()
foreach(file IN LISTS BATON_VECTOR_SOURCES)
  set_property(SOURCE ${CMAKE_CURRENT_SOURCE_DIR}/${file} APPEND PROPERTY
    COMPILE_OPTIONS -ffp-contract=off -fno-math-errno)
endforeach()
