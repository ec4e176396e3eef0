package corpus.lineage.zetasql;

import com.google.zetasql.parser.ASTNodes.ASTBeginEndBlock;
import com.google.zetasql.parser.ASTNodes.ASTCaseStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateProcedureStatement;
import com.google.zetasql.parser.ASTNodes.ASTElseifClause;
import com.google.zetasql.parser.ASTNodes.ASTExceptionHandler;
import com.google.zetasql.parser.ASTNodes.ASTExecuteImmediateStatement;
import com.google.zetasql.parser.ASTNodes.ASTForInStatement;
import com.google.zetasql.parser.ASTNodes.ASTFunctionParameter;
import com.google.zetasql.parser.ASTNodes.ASTIfStatement;
import com.google.zetasql.parser.ASTNodes.ASTLoopStatement;
import com.google.zetasql.parser.ASTNodes.ASTRepeatStatement;
import com.google.zetasql.parser.ASTNodes.ASTStatement;
import com.google.zetasql.parser.ASTNodes.ASTStatementList;
import com.google.zetasql.parser.ASTNodes.ASTStringLiteral;
import com.google.zetasql.parser.ASTNodes.ASTWhenThenClause;
import com.google.zetasql.parser.ASTNodes.ASTWhileStatement;
import corpus.lineage.StatementLineage;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the statements of a parsed script in order, descending into BEGIN…END blocks, IF/CASE branches, loops and
 * procedure bodies, and resolves each statement; a statement that fails is reported and the walk goes on.
 */
final class ScriptWalker {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptWalker.class);

  private final ScriptState state;
  private final StatementResolver resolver;
  private final BiConsumer<String, Integer> dynamicSql;
  private final List<StatementLineage> out;
  private final ResolvedTreeLineage resolvedPass;

  /**
   * @param dynamicSql analyses the literal SQL of an EXECUTE IMMEDIATE (text, line of the statement)
   * @param resolvedPass refines statements over known tables with the Analyzer's resolved tree; may be null
   */
  ScriptWalker(ScriptState state, BiConsumer<String, Integer> dynamicSql, List<StatementLineage> out,
      ResolvedTreeLineage resolvedPass) {
    this.resolvedPass = resolvedPass;
    this.state = state;
    this.resolver = new StatementResolver(state);
    this.dynamicSql = dynamicSql;
    this.out = out;
  }

  void walk(ASTStatementList list, LineIndex lines) {
    if (list == null) {
      return;
    }
    for (ASTStatement statement : list.getStatementList()) {
      int line = lines.line(statement.getParseLocationRange().start());
      try {
        statement(statement, line, lines);
      } catch (RuntimeException e) {
        LOG.warn("Could not analyse the {} statement at line {}", StatementResolver.kindOf(statement), line, e);
        out.add(StatementLineage.failed(StatementResolver.kindOf(statement), line,
            "could not analyse statement: " + e));
      }
    }
  }

  private void statement(ASTStatement statement, int line, LineIndex lines) {
    switch (statement) {
      case ASTBeginEndBlock block -> {
        walk(block.getStatementListNode(), lines);
        if (block.getHandlerList() != null) {
          for (ASTExceptionHandler h : block.getHandlerList().getExceptionHandlerList()) {
            walk(h.getStatementList(), lines);
          }
        }
      }
      case ASTIfStatement s -> {
        readsIfAny("if", s.getCondition(), line);
        walk(s.getThenList(), lines);
        if (s.getElseifClauses() != null) {
          for (ASTElseifClause c : s.getElseifClauses().getElseifClauses()) {
            readsIfAny("if", c.getCondition(), lines.line(c.getParseLocationRange().start()));
            walk(c.getBody(), lines);
          }
        }
        walk(s.getElseList(), lines);
      }
      case ASTCaseStatement s -> {
        if (s.getWhenThenClauses() != null) {
          for (ASTWhenThenClause c : s.getWhenThenClauses().getWhenThenClauses()) {
            walk(c.getBody(), lines);
          }
        }
        walk(s.getElseList(), lines);
      }
      case ASTForInStatement f -> {
        state.declareVariable(f.getVariable().getIdString());
        out.add(resolver.reads("for", f.getQuery(), line));
        walk(f.getBody(), lines);
      }
      case ASTWhileStatement w -> {
        readsIfAny("while", w.getCondition(), line);
        walk(w.getBody(), lines);
      }
      case ASTRepeatStatement r -> walk(r.getBody(), lines);
      case ASTLoopStatement l -> walk(l.getBody(), lines);
      case ASTCreateProcedureStatement p -> {
        out.add(new StatementLineage("create_procedure", line, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null));
        if (p.getParameters() != null) {
          for (ASTFunctionParameter param : p.getParameters().getParameterEntries()) {
            if (param.getName() != null) {
              state.declareVariable(param.getName().getIdString());
            }
          }
        }
        if (p.getBody() != null) {
          walk(p.getBody().getStatementListNode(), lines);
        }
      }
      case ASTExecuteImmediateStatement e -> {
        if (e.getSql() instanceof ASTStringLiteral literal) {
          dynamicSql.accept(literal.getStringValue(), line);
        } else {
          out.add(StatementLineage.failed("execute_immediate", line,
              "EXECUTE IMMEDIATE of SQL built at run time cannot be analysed statically"));
        }
      }
      default -> {
        StatementResolver.Marked marked = resolver.resolveMarked(statement, line);
        StatementLineage parsed = marked.lineage();
        if (resolvedPass != null && ResolvedTreeLineage.eligible(parsed, state.context())
            && resolvedPass.wanted(parsed, marked.approximate(), marked.calls())) {
          var range = statement.getParseLocationRange();
          parsed = resolvedPass.refine(parsed, lines.text(range.start(), range.end()), state.context());
        }
        out.add(parsed);
      }
    }
  }

  private void readsIfAny(String kind, com.google.zetasql.parser.ASTNode condition, int line) {
    if (condition == null) {
      return;
    }
    StatementLineage reads = resolver.reads(kind, condition, line);
    if (!reads.sources().isEmpty() || !reads.external().isEmpty()) {
      out.add(reads);
    }
  }
}
