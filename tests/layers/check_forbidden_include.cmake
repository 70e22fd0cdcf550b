# The build refuses a forbidden include: builds ALLOWED (a module's source including headers its
# module may use), which must compile, then FORBIDDEN (the same module including HEADER, from a
# module it may not use), which must fail on exactly that include and on nothing else.
# Usage: cmake -DBUILD_DIR=... -DALLOWED=target -DFORBIDDEN=target -DHEADER=baton/store.h -P ...
cmake_minimum_required(VERSION 3.20)

foreach(var BUILD_DIR ALLOWED FORBIDDEN HEADER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_forbidden_include.cmake needs -D${var}=...")
  endif()
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${ALLOWED}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the allowed includes of ${ALLOWED} did not compile:\n${out}")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${FORBIDDEN}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(rc EQUAL 0)
  message(FATAL_ERROR "${FORBIDDEN} compiled: its include of ${HEADER} crosses a forbidden "
                      "edge and should not be found")
endif()
string(REGEX MATCHALL "[^\n]*error:[^\n]*" errors "${out}")
list(FILTER errors EXCLUDE REGEX "^ninja: |^gmake|^make")
string(REPLACE "." "\\." header_re "${HEADER}")
# GCC: "fatal error: baton/store.h: No such file or directory"; Clang: "'baton/store.h' file not found"
set(missing_re "${header_re}: No such file or directory|'${header_re}' file not found")
list(LENGTH errors n)
if(NOT n EQUAL 1 OR NOT errors MATCHES "${missing_re}")
  message(FATAL_ERROR "${FORBIDDEN} failed, but not only because ${HEADER} was not found:\n${out}")
endif()
message(STATUS "refused as expected: ${errors}")
