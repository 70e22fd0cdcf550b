# baton_embed_web(TARGET DIR): compiles every file under DIR into TARGET as a table of
# {path, bytes, size} so the server needs no files at run time.
function(baton_embed_web target dir)
  file(GLOB_RECURSE web_files CONFIGURE_DEPENDS ${dir}/*)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/baton_web_assets.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUT=${out} -P ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${web_files} ${PROJECT_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding web assets")
  target_sources(${target} PRIVATE ${out})
endfunction()
