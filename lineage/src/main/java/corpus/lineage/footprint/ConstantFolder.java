package corpus.lineage.footprint;

import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.parser.ASTNodes.ASTCastExpression;
import com.google.zetasql.parser.ASTNodes.ASTDateOrTimeLiteral;
import com.google.zetasql.parser.ASTNodes.ASTExpression;
import com.google.zetasql.parser.ASTNodes.ASTFunctionCall;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTIntLiteral;
import com.google.zetasql.parser.ASTNodes.ASTIntervalExpr;
import com.google.zetasql.parser.ASTNodes.ASTParameterExpr;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTSimpleType;
import com.google.zetasql.parser.ASTNodes.ASTStringLiteral;
import corpus.lineage.footprint.ColumnPredicate.DateTimeValue;
import corpus.lineage.footprint.ColumnPredicate.IntValue;
import corpus.lineage.footprint.ColumnPredicate.Parameter;
import corpus.lineage.footprint.ColumnPredicate.Value;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the constant expressions analysts compare partition columns with into values: date and timestamp
 * literals, date-like strings, integers, {@code @parameters}, {@code CURRENT_DATE()} (the given "today"),
 * {@code DATE_SUB/DATE_ADD/TIMESTAMP_SUB/…(x, INTERVAL n unit)}, {@code DATE_TRUNC(x, unit)}, {@code DATE(x)},
 * {@code CAST(x AS DATE)}. Anything else is not a constant.
 */
final class ConstantFolder {
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ T](\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?\\s*(Z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");

  private final LocalDate today;

  ConstantFolder(LocalDate today) {
    this.today = today;
  }

  /** The value of {@code e} when it is a constant this folder understands. */
  Optional<Value> fold(ASTExpression e) {
    return switch (e) {
      case ASTIntLiteral i -> parseLong(i.getImage()).map(IntValue::new);
      case ASTStringLiteral s -> dateTime(s.getStringValue(), false).map(Value.class::cast);
      case ASTDateOrTimeLiteral d -> dateTime(d.getStringLiteral().getStringValue(),
          d.getTypeKind() == TypeKind.TYPE_DATE).map(Value.class::cast);
      case ASTParameterExpr p -> Optional.of(new Parameter(p.getName() == null ? "?" : p.getName().getIdString()));
      case ASTCastExpression c -> cast(c);
      case ASTFunctionCall f -> function(f);
      default -> Optional.empty();
    };
  }

  private Optional<Value> cast(ASTCastExpression c) {
    Optional<Value> inner = fold(c.getExpr());
    if (inner.isPresent() && inner.get() instanceof DateTimeValue d && c.getType() instanceof ASTSimpleType t
        && name(t.getTypeName()).equals("DATE")) {
      return Optional.of(new DateTimeValue(d.value().truncatedTo(ChronoUnit.DAYS), true));
    }
    return inner;
  }

  private Optional<Value> function(ASTFunctionCall f) {
    String name = name(f.getFunction());
    List<ASTExpression> args = f.getArguments();
    switch (name) {
      case "CURRENT_DATE", "CURRENT_TIMESTAMP", "CURRENT_DATETIME" -> {
        return Optional.of(new DateTimeValue(today.atStartOfDay(), name.equals("CURRENT_DATE")));
      }
      case "DATE", "TIMESTAMP", "DATETIME" -> {
        if (args.size() != 1) {
          return Optional.empty();
        }
        return fold(args.getFirst()).filter(DateTimeValue.class::isInstance).map(v -> {
          DateTimeValue d = (DateTimeValue) v;
          return name.equals("DATE") ? new DateTimeValue(d.value().truncatedTo(ChronoUnit.DAYS), true) : d;
        });
      }
      case "DATE_SUB", "DATE_ADD", "TIMESTAMP_SUB", "TIMESTAMP_ADD", "DATETIME_SUB", "DATETIME_ADD" -> {
        if (args.size() != 2 || !(args.get(1) instanceof ASTIntervalExpr interval)) {
          return Optional.empty();
        }
        Optional<Value> base = fold(args.getFirst());
        Optional<Value> amount = fold(interval.getIntervalValue());
        if (base.isEmpty() || !(base.get() instanceof DateTimeValue d)
            || amount.isEmpty() || !(amount.get() instanceof IntValue n)) {
          return Optional.empty();
        }
        long signed = name.endsWith("_SUB") ? -n.value() : n.value();
        return unit(interval.getDatePartName()).map(u -> new DateTimeValue(d.value().plus(signed, u), d.dateOnly()));
      }
      case "DATE_TRUNC", "TIMESTAMP_TRUNC", "DATETIME_TRUNC" -> {
        if (args.size() < 2 || !(args.get(1) instanceof ASTPathExpression part)) {
          return Optional.empty();
        }
        return fold(args.getFirst()).filter(DateTimeValue.class::isInstance)
            .flatMap(v -> truncate((DateTimeValue) v, name(part)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static Optional<Value> truncate(DateTimeValue v, String part) {
    LocalDateTime t = v.value();
    LocalDateTime r = switch (part) {
      case "DAY" -> t.truncatedTo(ChronoUnit.DAYS);
      case "HOUR" -> t.truncatedTo(ChronoUnit.HOURS);
      case "MONTH" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case "YEAR" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
      case "WEEK" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
      case "QUARTER" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
          .withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1);
      default -> null;
    };
    return r == null ? Optional.empty() : Optional.of(new DateTimeValue(r, v.dateOnly()));
  }

  private static Optional<ChronoUnit> unit(ASTIdentifier part) {
    if (part == null) {
      return Optional.empty();
    }
    return switch (part.getIdString().toUpperCase(Locale.ROOT)) {
      case "DAY" -> Optional.of(ChronoUnit.DAYS);
      case "WEEK" -> Optional.of(ChronoUnit.WEEKS);
      case "MONTH" -> Optional.of(ChronoUnit.MONTHS);
      case "QUARTER" -> Optional.empty();
      case "YEAR" -> Optional.of(ChronoUnit.YEARS);
      case "HOUR" -> Optional.of(ChronoUnit.HOURS);
      case "MINUTE" -> Optional.of(ChronoUnit.MINUTES);
      case "SECOND" -> Optional.of(ChronoUnit.SECONDS);
      default -> Optional.empty();
    };
  }

  /** Parses {@code 2024-03-01}, {@code 2024-03-01 10:00:00}, {@code 2024-03-01T10:00:00+01:00} (to UTC). */
  static Optional<DateTimeValue> dateTime(String text, boolean dateOnly) {
    Matcher m = DATE_TIME.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      String[] ymd = m.group(1).split("-");
      LocalDate date = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
      if (m.group(2) == null || dateOnly) {
        return Optional.of(new DateTimeValue(date.atStartOfDay(), m.group(2) == null || dateOnly));
      }
      String time = m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2);
      if (time.length() == 5) {
        time = time + ":00";
      }
      LocalDateTime local = LocalDateTime.parse(date + "T" + time);
      String zone = m.group(3);
      if (zone != null && !zone.equals("Z") && !zone.equals("UTC")) {
        String offset = zone.length() == 3 ? zone + ":00" : zone.contains(":") ? zone
            : zone.substring(0, 3) + ":" + zone.substring(3);
        local = OffsetDateTime.parse(local + offset).withOffsetSameInstant(java.time.ZoneOffset.UTC)
            .toLocalDateTime();
      }
      return Optional.of(new DateTimeValue(local, false));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> parseLong(String image) {
    try {
      return Optional.of(Long.decode(image));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String name(ASTPathExpression path) {
    StringBuilder b = new StringBuilder();
    for (ASTIdentifier id : path.getNames()) {
      if (!b.isEmpty()) {
        b.append('.');
      }
      b.append(id.getIdString());
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
