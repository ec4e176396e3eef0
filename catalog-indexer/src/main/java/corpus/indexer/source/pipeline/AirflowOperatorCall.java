package corpus.indexer.source.pipeline;

import corpus.indexer.source.pipeline.PythonTokens.Kind;
import corpus.indexer.source.pipeline.PythonTokens.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call of a BigQuery operator found in an Airflow DAG file, with its keyword arguments evaluated as far
 * as they can be without running the DAG ({@link PythonValue}).
 *
 * @param operator the operator class, e.g. {@code BigQueryInsertJobOperator}
 * @param line line of the call
 * @param arguments keyword arguments by name
 * @param unpacked whether the call passes {@code **kwargs} or positional arguments, so some arguments are unknown
 */
record AirflowOperatorCall(String operator, int line, Map<String, PythonValue> arguments, boolean unpacked) {

  /** The BigQuery operators whose SQL can be read: Airflow 2's Google provider and the legacy contrib one. */
  static final Set<String> OPERATORS =
      Set.of("BigQueryInsertJobOperator", "BigQueryExecuteQueryOperator", "BigQueryOperator");

  /** Finds every call of one of the {@link #OPERATORS} in a DAG file's source. */
  static List<AirflowOperatorCall> find(String source) {
    List<Token> tokens = PythonTokens.tokenize(source);
    List<AirflowOperatorCall> calls = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Kind.NAME || !OPERATORS.contains(t.text()) || !tokens.get(i + 1).isOp('(')) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).isName("class")) {
        continue;
      }
      int close = PythonValue.closing(tokens, i + 1);
      int end = close < 0 ? tokens.size() : close;
      Map<String, PythonValue> args = new LinkedHashMap<>();
      boolean unpacked = false;
      for (int[] part : PythonValue.split(tokens, i + 2, end, ',')) {
        Token first = tokens.get(part[0]);
        if (part[1] - part[0] >= 2 && first.kind() == Kind.NAME && tokens.get(part[0] + 1).isOp('=')
            && !(part[1] - part[0] > 2 && tokens.get(part[0] + 2).isOp('='))) {
          args.put(first.text(), PythonValue.of(tokens, part[0] + 2, part[1]));
        } else {
          unpacked = true;
        }
      }
      calls.add(new AirflowOperatorCall(t.text(), t.line(), args, unpacked));
      i = Math.max(i, end - 1);
    }
    return calls;
  }

  /** The {@code task_id} when it is a literal, else {@code line N}. */
  String taskId() {
    return arguments.get("task_id") instanceof PythonValue.Str s ? s.value() : "line " + line;
  }
}
