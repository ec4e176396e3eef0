package corpus.indexer.source.pipeline;

import corpus.indexer.source.pipeline.PythonTokens.Kind;
import corpus.indexer.source.pipeline.PythonTokens.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a Python expression as far as it can be known without running the code: string literals
 * (adjacent or joined with {@code +}), dicts with string keys, lists and tuples, other constants; anything
 * that depends on run time (a variable, a call, an f-string, {@code %} or {@code .format}) is {@link
 * Unknown} with the reason.
 */
sealed interface PythonValue {

  /** Line of the first token of the expression. */
  int line();

  /** A string known before run time. */
  record Str(String value, int line) implements PythonValue {}

  /** A dict literal with string keys. */
  record Dict(Map<String, PythonValue> entries, int line) implements PythonValue {
    PythonValue get(String key) {
      return entries.get(key);
    }
  }

  /** A list or tuple literal. */
  record Seq(List<PythonValue> items, int line) implements PythonValue {}

  /** A number, True, False or None. */
  record Const(String text, int line) implements PythonValue {}

  /** A value only known at run time. */
  record Unknown(String reason, int line) implements PythonValue {}

  /** Evaluates the tokens {@code [from, to)} of one expression. */
  static PythonValue of(List<Token> tokens, int from, int to) {
    if (from >= to) {
      return new Unknown("empty expression", from < tokens.size() ? tokens.get(from).line() : 0);
    }
    Token first = tokens.get(from);
    if (first.kind() == Kind.STRING) {
      return strings(tokens, from, to);
    }
    if (first.isOp('{') && closing(tokens, from) == to - 1) {
      return dict(tokens, from + 1, to - 1, first.line());
    }
    if ((first.isOp('[') || first.isOp('(')) && closing(tokens, from) == to - 1) {
      List<PythonValue> items = new ArrayList<>();
      for (int[] part : split(tokens, from + 1, to - 1, ',')) {
        items.add(of(tokens, part[0], part[1]));
      }
      return new Seq(items, first.line());
    }
    if (to - from == 1 && (first.kind() == Kind.NUMBER || first.isName("True") || first.isName("False")
        || first.isName("None"))) {
      return new Const(first.text(), first.line());
    }
    if (first.kind() == Kind.NAME) {
      StringBuilder name = new StringBuilder(first.text());
      int i = from + 1;
      while (i + 1 < to && tokens.get(i).isOp('.') && tokens.get(i + 1).kind() == Kind.NAME) {
        name.append('.').append(tokens.get(i + 1).text());
        i += 2;
      }
      boolean call = i < to && tokens.get(i).isOp('(');
      return new Unknown((call ? "the result of " + name + "(…)" : "the variable " + name) + ", known only when the DAG runs",
          first.line());
    }
    return new Unknown("an expression known only when the DAG runs", first.line());
  }

  private static PythonValue strings(List<Token> tokens, int from, int to) {
    StringBuilder value = new StringBuilder();
    int line = tokens.get(from).line();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.STRING) {
        if (t.formatted()) {
          return new Unknown("an f-string, known only when the DAG runs", t.line());
        }
        value.append(t.text());
      } else if (t.isOp('+') && i + 1 < to && tokens.get(i + 1).kind() == Kind.STRING) {
        continue;
      } else if (t.isOp('%')) {
        return new Unknown("a string formatted with %, known only when the DAG runs", t.line());
      } else if (t.isOp('.') && i + 1 < to && tokens.get(i + 1).isName("format")) {
        return new Unknown("a string built with .format(), known only when the DAG runs", t.line());
      } else {
        return new Unknown("a string combined with other values, known only when the DAG runs", t.line());
      }
    }
    return new Str(value.toString(), line);
  }

  private static PythonValue dict(List<Token> tokens, int from, int to, int line) {
    Map<String, PythonValue> entries = new LinkedHashMap<>();
    for (int[] part : split(tokens, from, to, ',')) {
      List<int[]> kv = split(tokens, part[0], part[1], ':');
      if (kv.size() != 2) {
        return new Unknown("a dict built at run time (" + (tokens.get(part[0]).isOp('*') ? "**unpacking" : "not key: value")
            + ")", tokens.get(part[0]).line());
      }
      PythonValue key = of(tokens, kv.get(0)[0], kv.get(0)[1]);
      if (!(key instanceof Str s)) {
        return new Unknown("a dict with a key known only at run time", key.line());
      }
      entries.put(s.value(), of(tokens, kv.get(1)[0], kv.get(1)[1]));
    }
    return new Dict(entries, line);
  }

  /** Index of the bracket closing the one at {@code open}, or -1. */
  static int closing(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isOp('(') || t.isOp('[') || t.isOp('{')) {
        depth++;
      } else if (t.isOp(')') || t.isOp(']') || t.isOp('}')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Splits {@code [from, to)} at top-level {@code separator}s; empty trailing parts are dropped. */
  static List<int[]> split(List<Token> tokens, int from, int to, char separator) {
    List<int[]> parts = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.isOp('(') || t.isOp('[') || t.isOp('{')) {
        depth++;
      } else if (t.isOp(')') || t.isOp(']') || t.isOp('}')) {
        depth--;
      } else if (depth == 0 && t.isOp(separator)) {
        if (separator != ':' || parts.isEmpty()) {
          parts.add(new int[] {start, i});
          start = i + 1;
        }
      }
    }
    if (start < to) {
      parts.add(new int[] {start, to});
    }
    return parts;
  }
}
