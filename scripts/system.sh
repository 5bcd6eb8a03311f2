# Sourced by start.sh and test.sh: the programs and shared libraries CPC Desktop needs from
# the operating system, each checked by the file itself (so any distribution passes that
# has it) and named by its Debian package. Run as root on Debian, missing ones are
# installed with apt-get; otherwise one line says what to install, and the script stops.
#   cpc_system_needs app|test
cpc_system_needs() {
  # Qt's libraries outside its wheel (offscreen and on a screen).
  local needs=(
    lib:libEGL.so.1=libegl1 lib:libGL.so.1=libgl1 lib:libxkbcommon.so.0=libxkbcommon0
    lib:libfontconfig.so.1=libfontconfig1 lib:libdbus-1.so.3=libdbus-1-3
    lib:libglib-2.0.so.0=libglib2.0-0
  )
  # Qt's X11 plugin (recipes.md: without these it aborts at start): what `ldd` finds
  # its plugin and libQt6XcbQpa linked to, named even where another package brings it.
  local xcb=(
    lib:libxcb-cursor.so.0=libxcb-cursor0 lib:libxcb-icccm.so.4=libxcb-icccm4
    lib:libxcb-keysyms.so.1=libxcb-keysyms1 lib:libxcb-image.so.0=libxcb-image0
    lib:libxcb-render-util.so.0=libxcb-render-util0 lib:libxcb-shape.so.0=libxcb-shape0
    lib:libxcb-xinerama.so.0=libxcb-xinerama0 lib:libxcb-xkb.so.1=libxcb-xkb1
    lib:libxkbcommon-x11.so.0=libxkbcommon-x11-0 lib:libxcb-randr.so.0=libxcb-randr0
    lib:libxcb-render.so.0=libxcb-render0 lib:libxcb-shm.so.0=libxcb-shm0
    lib:libxcb-sync.so.1=libxcb-sync1 lib:libxcb-util.so.1=libxcb-util1
    lib:libxcb-xfixes.so.0=libxcb-xfixes0 lib:libX11-xcb.so.1=libx11-xcb1
  )
  if [ "$1" = test ]; then
    needs+=(cmd:pdftotext=poppler-utils)  # the tests read PDFs back as a reader lays them out
    # The screen test (tests/ui/test_geometry.py) and scripts/screenshots.sh run the
    # windows under Xvfb, a virtual X server, with Qt's X11 plugin.
    needs+=(cmd:Xvfb=xvfb cmd:xvfb-run=xvfb cmd:xauth=xauth "${xcb[@]}")
  elif [ "${QT_QPA_PLATFORM:-xcb}" = xcb ]; then
    needs+=("${xcb[@]}")  # the application on an X11 (or XWayland) desktop
  fi
  # Debian's own Python leaves venv out (python3-venv).
  needs+=(python:ensurepip=python3-venv)
  local libraries missing=() need what package
  libraries="$( { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true; } \
    | awk '{print $1}')"
  for need in "${needs[@]}"; do
    what="${need%%=*}" package="${need#*=}"
    [[ " ${missing[*]} " == *" $package "* ]] && continue  # named once (xvfb: two programs)
    case "$what" in
      lib:*) grep -qxF "${what#lib:}" <<<"$libraries" || missing+=("$package") ;;
      cmd:*) [ -x "$(command -v "${what#cmd:}" 2>/dev/null)" ] || missing+=("$package") ;;
      python:*) python3 -c "import ${what#python:}" 2>/dev/null || missing+=("$package") ;;
    esac
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing from Debian: ${missing[*]}"
    local log
    log="$(mktemp)"
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >>"$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
    tail -n 5 "$log" >&2
    rm -f "$log"
    echo "apt-get could not install ${missing[*]}: see its last lines above" >&2
    exit 1
  fi
  echo "CPC Desktop needs these first: sudo apt-get install ${missing[*]}" >&2
  exit 1
}
