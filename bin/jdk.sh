# Sourced by Engram's scripts: points JAVA_HOME at a JDK 25 (or newer) and puts it first on PATH.
# Looks at ENGRAM_JAVA_HOME, JAVA_HOME, the usual install folders, then `java` on PATH.

engram_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

engram_find_jdk() {
  local candidate version
  local from_path=""
  if command -v java >/dev/null 2>&1; then
    from_path="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  for candidate in "${ENGRAM_JAVA_HOME:-}" "${JAVA_HOME:-}" \
      /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/java-2[5-9]* \
      /usr/lib/jvm/jdk-2[5-9]* /opt/java/openjdk /Library/Java/JavaVirtualMachines/*/Contents/Home \
      "$from_path"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version="$(engram_java_version "$candidate")"
    if [ -n "$version" ] && [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! ENGRAM_JDK="$(engram_find_jdk)"; then
  echo "Engram needs a JDK 25 or newer. Install one (e.g. Eclipse Temurin 25) and/or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$ENGRAM_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 uses sun.misc.Unsafe; JDK 24+ would warn on every build.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
