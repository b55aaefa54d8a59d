# Finds a JDK 25 or newer, the way the Maven build does: JAVA_HOME when it is recent enough, else the newest one
# under /usr/lib/jvm. Sourced by the scripts; prints nothing on success.

java_feature_version() {
  # The feature number of "$1/bin/java", e.g. 25, or nothing when it is not a JDK.
  local release="$1/release"
  [[ -x "$1/bin/java" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_jdk() {
  local wanted="$1" candidate version best="" best_version=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version=$(java_feature_version "$JAVA_HOME")
    if [[ -n "$version" && "$version" -ge "$wanted" ]]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ "$HOME"/.jdks/*/; do
    [[ -d "$candidate" ]] || continue
    candidate="${candidate%/}"
    version=$(java_feature_version "$candidate")
    if [[ -n "$version" && "$version" -ge "$wanted" && "$version" -gt "$best_version" ]]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "iobench: needs a JDK $wanted or newer; none found in JAVA_HOME or /usr/lib/jvm (install one, or set JAVA_HOME)" >&2
    return 1
  fi
  echo "$best"
}
