#!/usr/bin/env bash
# run.sh WAY: one way of adding heymilo to a build (tests/install/CMakeLists.txt sets the
# environment). Builds the consumer in $WORK/WAY, then runs its receiver on the docs' report
# (exit 0, the fields printed) and on a broken copy (exit 1).
#   install              cmake --install of this build into $WORK/installed (the fixture)
#   find_package_static  find_package(heymilo) from $WORK/installed
#   pkg_config           $CXX main.cpp $(pkg-config --cflags --libs heymilo), from it too
#   find_package_shared  the library alone with BUILD_SHARED_LIBS=ON, installed into
#                        $WORK/installed-shared; the receiver finds it through its RPATH
#   add_subdirectory     the source tree as a sub-project of a parent with its own flags
#   fetch_content        FetchContent_Declare(heymilo SOURCE_DIR ...)
# Build folders are kept between runs (incremental); install prefixes start empty.
set -euo pipefail
way=$1
here=$(cd "$(dirname "$0")" && pwd)
dir=$WORK/$way
mkdir -p "$dir"
configure=(cmake -G "$GENERATOR" -DCMAKE_CXX_COMPILER="$CXX")
[ -n "${LAUNCHER:-}" ] && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER="$LAUNCHER")
build() { cmake --build "$1" -j2; }

fresh_install() {  # fresh_install BUILD_DIR PREFIX
  rm -rf "$2"
  cmake --install "$1" --prefix "$2" >/dev/null
}

check_receiver() {  # check_receiver RECEIVER
  local out
  out=$("$1" "$REPORT")
  echo "$out"
  grep -q "^heymilo $HEYMILO_VERSION\$" <<<"$out"
  grep -q "^candidate: Jane Doe\$" <<<"$out"
  grep -q "^match score: 78\$" <<<"$out"
  grep -q '^metadata: {"candidate_name":"Jane Doe",' <<<"$out"
  ! grep -q '^warning: ' <<<"$out"
  sed '0,/"interview_id"/s//"new_field": 1, "interview_id"/' "$REPORT" >"$dir/drift.json"
  out=$("$1" "$dir/drift.json")
  grep -q '^warning: unknown_field /new_field$' <<<"$out"
  sed 's/"match_score": 78/"match_score": 107/' "$REPORT" >"$dir/broken.json"
  local status=0
  "$1" "$dir/broken.json" || status=$?
  if [ "$status" -ne 1 ]; then
    echo "the receiver exited $status on a broken payload, not 1" >&2
    exit 1
  fi
}

check_shared_library() {  # check_shared_library LIBRARY: its SONAME and what it exports
  local major=${HEYMILO_VERSION%%.*} rest=${HEYMILO_VERSION#*.}
  local expected=libheymilo.so.$major soname exported
  [ "$major" = 0 ] && expected=libheymilo.so.0.${rest%%.*}  # 0.x: MAJOR.MINOR
  soname=$(objdump -p "$1" | awk '/SONAME/ { print $2 }')
  exported=$(nm -DC --defined-only "$1")
  echo "$(basename "$1"): SONAME $soname, $(wc -l <<<"$exported") symbols exported"
  if [ "$soname" != "$expected" ]; then
    echo "SONAME $soname, expected $expected" >&2
    exit 1
  fi
  if grep -E 'simdjson|heymilo::detail' <<<"$exported" >&2; then
    echo "libheymilo.so exports simdjson's or heymilo::detail's symbols (above)" >&2
    exit 1
  fi
}

case $way in
  install)
    fresh_install "$HEYMILO_BUILD_DIR" "$WORK/installed"
    [ "$INSTALLS_CLI" = 0 ] || "$WORK/installed/bin/heymilo" validate --event report_available "$REPORT"
    ;;
  find_package_static)
    "${configure[@]}" -S "$here/find_package" -B "$dir/build" \
      -DHEYMILO_VERSION="$HEYMILO_VERSION" -DCMAKE_PREFIX_PATH="$WORK/installed" >/dev/null
    build "$dir/build"
    check_receiver "$dir/build/receiver"
    ;;
  pkg_config)
    if ! command -v pkg-config >/dev/null; then
      echo "SKIPPED: pkg-config is not installed (bash scripts/install-deps.sh installs it)"
      exit 77
    fi
    export PKG_CONFIG_PATH="$WORK/installed/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    flags=$(pkg-config --cflags --libs heymilo)
    echo "pkg-config --cflags --libs heymilo: $flags"
    # shellcheck disable=SC2086  # the flags are words
    "$CXX" -std=c++20 -O2 "$here/receiver/main.cpp" $flags -o "$dir/receiver"
    check_receiver "$dir/receiver"
    ;;
  find_package_shared)
    # Debug: the quickest to compile; the packaging is what is under test.
    "${configure[@]}" -S "$HEYMILO_SOURCE_DIR" -B "$dir/heymilo" -DBUILD_SHARED_LIBS=ON \
      -DCMAKE_BUILD_TYPE=Debug -DHEYMILO_BUILD_TESTS=OFF -DHEYMILO_BUILD_TOOLS=OFF \
      -DHEYMILO_BUILD_BENCHMARKS=OFF -DHEYMILO_BUILD_RECEIVER=OFF >/dev/null
    build "$dir/heymilo"
    fresh_install "$dir/heymilo" "$WORK/installed-shared"
    "${configure[@]}" -S "$here/find_package" -B "$dir/build" \
      -DHEYMILO_VERSION="$HEYMILO_VERSION" -DCMAKE_PREFIX_PATH="$WORK/installed-shared" >/dev/null
    build "$dir/build"
    check_shared_library "$(readlink -f "$WORK"/installed-shared/lib/libheymilo.so)"
    check_receiver "$dir/build/receiver"
    ;;
  add_subdirectory | fetch_content)
    "${configure[@]}" -S "$here/$way" -B "$dir/build" -DHEYMILO_SOURCE_DIR="$HEYMILO_SOURCE_DIR" \
      >/dev/null
    build "$dir/build"
    rm -rf "$dir/installed"
    cmake --install "$dir/build" --prefix "$dir/installed" >/dev/null
    if [ -n "$(find "$dir/installed" -type f 2>/dev/null)" ]; then
      echo "as a sub-project heymilo installed files:" >&2
      find "$dir/installed" -type f >&2
      exit 1
    fi
    check_receiver "$dir/build/receiver"
    ;;
  *)
    echo "unknown way: $way" >&2
    exit 2
    ;;
esac
