# Sourced by ./mvnw and ./corpus: points JAVA_HOME at a JDK 25 when the current one is older.
case $- in *f*) corpus_noglob=1; set +f;; *) corpus_noglob=;; esac
corpus_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(corpus_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*-2[5-9]* /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if [ -x "$candidate/bin/java" ] && [ "$(corpus_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(corpus_java_major "$JAVA_HOME")" -lt 25 ] 2>/dev/null; then
  echo "Corpus needs a JDK 25. Install one (for example Eclipse Temurin 25, apt package temurin-25-jdk) and set JAVA_HOME to it." >&2
  exit 1
fi
[ -n "$corpus_noglob" ] && set -f; true
