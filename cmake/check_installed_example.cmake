# Baton as another project sees it: installs the library into a fresh prefix, configures
# examples/ as a separate project against that prefix only (find_package(baton)), builds
# hello_relay and runs it on the example team, checking what it prints.
# Usage: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=...
#              -DCXX_COMPILER=... [-DCOMPILER_LAUNCHER=...] -DLIBRARY_TARGETS=a,b,... -P ...
cmake_minimum_required(VERSION 3.20)

foreach(var BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR CXX_COMPILER LIBRARY_TARGETS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_installed_example.cmake needs -D${var}=...")
  endif()
endforeach()

# run(what COMMAND ...): runs a command, stops with its output when it fails; OUT holds stdout.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(OUT "${out}" PARENT_SCOPE)
endfunction()

string(REPLACE "," ";" LIBRARY_TARGETS "${LIBRARY_TARGETS}")
set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# Nothing to do after a full build; a partial one gets the libraries it installs.
run("building the library" ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${LIBRARY_TARGETS})
run("installing" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix}
    --component Development)
foreach(file include/baton/relay_plan.h include/baton/store.h lib/cmake/baton/batonConfig.cmake
        lib/cmake/baton/batonConfigVersion.cmake lib/cmake/baton/batonTargets.cmake)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "the install has no ${file}")
  endif()
endforeach()
file(GLOB_RECURSE private_headers RELATIVE ${prefix} ${prefix}/include/*/sqlite.h
     ${prefix}/include/*/migrations.h)
if(private_headers)
  message(FATAL_ERROR "internal headers were installed: ${private_headers}")
endif()

set(launcher)
if(COMPILER_LAUNCHER)
  set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${COMPILER_LAUNCHER})
endif()
run("configuring examples/" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples -B ${WORK_DIR}/build
    -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER} ${launcher}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
file(STRINGS ${WORK_DIR}/build/CMakeCache.txt baton_dir REGEX "^baton_DIR:")
string(FIND "${baton_dir}" "=${prefix}/" at)
if(at EQUAL -1)
  message(FATAL_ERROR "examples/ found Baton elsewhere than the install: ${baton_dir}")
endif()
run("building hello_relay" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("running hello_relay" ${WORK_DIR}/build/hello_relay ${SOURCE_DIR}/examples/riverside.toml)
set(output "${OUT}")
message(STATUS "hello_relay printed:\n${output}")

# The girls on the example team, as the team file lists them.
file(READ ${SOURCE_DIR}/examples/riverside.toml toml)
string(REGEX MATCHALL "name = \"[^\"]+\"\nsex = \"F\"" girls_entries "${toml}")
set(girls)
foreach(entry IN LISTS girls_entries)
  string(REGEX REPLACE "name = \"([^\"]+)\".*" "\\1" name "${entry}")
  list(APPEND girls "${name}")
endforeach()

# Four legs run by four different girls of the team, each with a split in seconds.
string(REGEX MATCHALL "leg [0-9]+: [^\n]+" legs "${output}")
list(LENGTH legs n)
if(NOT n EQUAL 4)
  message(FATAL_ERROR "expected 4 legs, got ${n}")
endif()
set(order)
set(leg 1)
foreach(line IN LISTS legs)
  if(NOT line MATCHES "^leg ${leg}: (.+) \\([0-9]+\\.[0-9][0-9] s\\)$")
    message(FATAL_ERROR "leg ${leg} reads \"${line}\"")
  endif()
  set(name "${CMAKE_MATCH_1}")
  if(NOT name IN_LIST girls OR name IN_LIST order)
    message(FATAL_ERROR "leg ${leg}: ${name} is not a girl of the team or runs twice")
  endif()
  list(APPEND order "${name}")
  math(EXPR leg "${leg} + 1")
endforeach()
if(NOT output MATCHES "\nteam time: [0-9]+\\.[0-9][0-9] s\n")
  message(FATAL_ERROR "no team time in seconds")
endif()

# Three hand-offs, from each leg's runner to the next, each with a go-mark in metres.
string(REGEX MATCHALL "[^\n]+ -> [^\n]+" exchanges "${output}")
list(LENGTH exchanges n)
if(NOT n EQUAL 3)
  message(FATAL_ERROR "expected 3 exchanges, got ${n}")
endif()
foreach(i RANGE 0 2)
  math(EXPR next "${i} + 1")
  list(GET order ${i} from)
  list(GET order ${next} to)
  list(GET exchanges ${i} line)
  string(FIND "${line}" "${from} -> ${to}: go-mark " at)
  if(NOT at EQUAL 0 OR NOT line MATCHES
     ": go-mark [0-9]+\\.[0-9][0-9] m \\([0-9]+\\.[0-9] foot lengths\\), pass [0-9]+\\.[0-9] m ")
    message(FATAL_ERROR "exchange ${next} reads \"${line}\"")
  endif()
endforeach()
