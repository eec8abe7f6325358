# Every dependency is a Debian package installed by scripts/setup.
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(ZLIB REQUIRED)  # the stories' text, compressed in the store
find_package(Threads REQUIRED)
# `dyad serve`'s HTTP server (Debian's libcpp-httplib-dev).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
if(DYAD_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(DYAD_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# Optional: mimalloc, a faster allocator for the dyad binary (about a fifth
# of `dyad code`'s time goes to malloc and free with glibc's). Not with the
# sanitizers, which bring their own.
if(DYAD_MIMALLOC AND NOT DYAD_SANITIZE AND NOT DYAD_FUZZ)
  find_package(mimalloc CONFIG QUIET)
  if(mimalloc_FOUND)
    message(STATUS "dyad: linking mimalloc ${mimalloc_VERSION}")
  else()
    message(STATUS "dyad: mimalloc not found (apt-get install libmimalloc-dev); using the C library's malloc")
  endif()
endif()
# Optional: the Python module (Debian's pybind11-dev and python3-dev), built
# for DYAD_PYTHON_EXECUTABLE, Debian's /usr/bin/python3 by default (the python3
# first on PATH may be another interpreter, without Debian's packages).
if(DYAD_PYTHON)
  if(NOT DEFINED PYTHON_EXECUTABLE AND EXISTS "${DYAD_PYTHON_EXECUTABLE}")
    set(PYTHON_EXECUTABLE "${DYAD_PYTHON_EXECUTABLE}")
  endif()
  find_package(pybind11 CONFIG QUIET)
  if(pybind11_FOUND)
    message(STATUS "dyad: building the Python module for ${PYTHON_EXECUTABLE}")
  else()
    message(STATUS "dyad: pybind11 not found (apt-get install pybind11-dev python3-dev); no Python module")
  endif()
endif()
