package io.slotoolkit.run;

import io.slotoolkit.engine.Engine;
import io.slotoolkit.engine.FileProfiler;
import io.slotoolkit.model.Counts;
import io.slotoolkit.model.CsvDialect;
import io.slotoolkit.model.DataFormat;
import io.slotoolkit.model.DataProfile;
import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.EventTime;
import io.slotoolkit.model.LatencyUnit;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecDraft;
import io.slotoolkit.model.SqlExpression;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Proposes a starter spec from one data file for {@code slo init}: finds the event time, a
 * status-like and a latency-like column, and sets objectives from the levels the data shows now.
 * The file is read through the same source binding as {@code slo check}, so what is measured here
 * is what the spec will evaluate; the engine measures ({@link FileProfiler}), this class decides.
 *
 * <p>Why this class is large: it is one heuristic, end to end (guess the columns, measure them,
 * choose objectives and thresholds, name them safely); its name lists, word lists and rounding
 * rules are only used here, and {@code slo init} is their only caller.
 */
public final class SpecDrafter {
  /** The window the starter SLOs use, and the span their levels are measured over. */
  public static final Duration WINDOW = Duration.ofDays(28);

  /** Standard objectives, highest first; a proposal is the highest at or below the data's level. */
  static final List<BigDecimal> OBJECTIVES =
      List.of("0.9999", "0.9995", "0.999", "0.995", "0.99", "0.98", "0.95", "0.9", "0.8", "0.5")
          .stream()
          .map(BigDecimal::new)
          .toList();

  /** strptime patterns tried on text columns that do not read as ISO-8601. */
  static final List<String> PATTERNS =
      List.of(
          "%d/%b/%Y:%H:%M:%S %z",
          "%d/%m/%Y %H:%M:%S",
          "%m/%d/%Y %H:%M:%S",
          "%Y/%m/%d %H:%M:%S",
          "%d.%m.%Y %H:%M:%S",
          "%d-%b-%Y %H:%M:%S",
          "%a, %d %b %Y %H:%M:%S GMT",
          "%b %d %Y %H:%M:%S");

  private static final Pattern TIME_NAME =
      Pattern.compile("(?i).*(time|date|^ts$|_ts$|^ts_|_at$|epoch|created|occurred|logged|when).*");
  private static final Pattern STATUS_NAME =
      Pattern.compile(
          "(?i)(.*status.*|response|response_code|resp_code|code|http_code|result|outcome|state|success|succeeded|ok|error|errored|failed|failure|is_error|is_success)");
  private static final Pattern LATENCY_NAME =
      Pattern.compile(
          "(?i).*(latency|duration|elapsed|took|response_?time|resp_?time|time_?taken|ttfb|processing_?time|^rt$|^rt_|_rt$|request_?time|upstream_?time|service_?time).*");
  private static final Set<String> GOOD_WORDS =
      Set.of(
          "success",
          "succeeded",
          "successful",
          "ok",
          "pass",
          "passed",
          "true",
          "completed",
          "complete",
          "done",
          "good",
          "healthy");
  private static final Set<String> BAD_WORDS =
      Set.of(
          "failure",
          "failed",
          "fail",
          "error",
          "errored",
          "timeout",
          "timed_out",
          "timedout",
          "false",
          "aborted",
          "crashed",
          "bad",
          "unhealthy",
          "rejected",
          "exception");

  private final FileProfiler profiler;

  /** Drafts with a freshly opened engine (no sources bound yet: it is locked to the file). */
  public SpecDrafter(Engine engine) {
    this.profiler = engine.profiler();
  }

  /** Reads {@code file} and proposes a spec; a file that cannot be read is a data error. */
  public SpecDraft draft(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs))
      throw SloException.spec("--from " + file + ": no such file", "name a CSV or Parquet file");
    DataFormat format = formatOf(abs);
    Map<String, String> rawTypes = profiler.rawColumns(abs, format);
    SpecDraft.TimeGuess time = findTime(abs, format, rawTypes);
    DataSource source =
        new DataSource(
            "init",
            abs,
            List.of(abs.toString()),
            format,
            new EventTime(time.column(), time.encoding(), time.pattern(), ZoneOffset.UTC),
            ZoneOffset.UTC,
            CsvDialect.SNIFF,
            null,
            0,
            new SourceLocation(abs, 1, 1),
            List.of(),
            false,
            null,
            null,
            null);
    Map<String, String> columns = profiler.bind(source);
    return measure(abs, format, source, columns, time);
  }

  static DataFormat formatOf(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet") || n.endsWith(".pq")) return DataFormat.PARQUET;
    try (var in = Files.newInputStream(p)) {
      byte[] magic = in.readNBytes(4);
      if (new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1).equals("PAR1"))
        return DataFormat.PARQUET;
    } catch (java.io.IOException e) {
      throw SloException.data("cannot read " + p + ": " + e.getMessage(), null, e);
    }
    return DataFormat.CSV;
  }

  /**
   * The event time column: a timestamp type first, then text that reads as ISO-8601 or a known
   * pattern, then numbers whose size fits epoch seconds, milliseconds or microseconds of 1980-2100;
   * among equals, a time-like name wins.
   */
  private SpecDraft.TimeGuess findTime(Path file, DataFormat format, Map<String, String> types) {
    List<SpecDraft.TimeGuess> typed = new ArrayList<>();
    List<String> text = new ArrayList<>();
    List<String> numeric = new ArrayList<>();
    for (var e : types.entrySet()) {
      String t = e.getValue().toUpperCase(Locale.ROOT);
      if (t.startsWith("TIMESTAMP") || t.equals("DATE"))
        typed.add(
            new SpecDraft.TimeGuess(
                e.getKey(), EventTime.Encoding.AUTO, null, "a " + e.getValue() + " column"));
      else if (t.equals("VARCHAR")) text.add(e.getKey());
      else if (profiler.numeric(t)) numeric.add(e.getKey());
    }
    SpecDraft.TimeGuess best = preferName(typed);
    if (best != null) return best;
    List<SpecDraft.TimeGuess> parsed = new ArrayList<>();
    for (String c : text) {
      DataProfile.TextTimes read = profiler.textTimes(file, format, c, PATTERNS);
      long[] counts = new long[PATTERNS.size() + 2];
      counts[0] = read.values();
      counts[1] = read.iso();
      for (int i = 0; i < PATTERNS.size(); i++) counts[i + 2] = read.patterns().get(i);
      long n = counts[0];
      if (n == 0) continue;
      if (counts[1] >= n * 0.95) {
        parsed.add(
            new SpecDraft.TimeGuess(
                c,
                EventTime.Encoding.AUTO,
                null,
                "ISO-8601 text (" + counts[1] + "/" + n + " sampled values read)"));
        continue;
      }
      for (int i = 0; i < PATTERNS.size(); i++) {
        if (counts[i + 2] >= n * 0.95) {
          parsed.add(
              new SpecDraft.TimeGuess(
                  c,
                  EventTime.Encoding.PATTERN,
                  PATTERNS.get(i),
                  "text in the pattern "
                      + PATTERNS.get(i)
                      + " ("
                      + counts[i + 2]
                      + "/"
                      + n
                      + " sampled values read)"));
          break;
        }
      }
    }
    List<SpecDraft.TimeGuess> epochs = new ArrayList<>();
    for (String c : numeric) {
      DataProfile.NumberRange range = profiler.numberRange(file, format, c);
      double[] mm = {range.min(), range.max()};
      EventTime.Encoding enc = epochBySize(mm[0], mm[1]);
      if (enc != null) {
        epochs.add(
            new SpecDraft.TimeGuess(
                c,
                enc,
                null,
                "numbers from "
                    + plain(mm[0])
                    + " to "
                    + plain(mm[1])
                    + ": "
                    + enc.name().toLowerCase(Locale.ROOT).replace("epoch_", "epoch ")
                    + " of 1980-2100"));
      }
    }
    List<SpecDraft.TimeGuess> named = new ArrayList<>();
    for (var g : parsed) if (TIME_NAME.matcher(g.column()).matches()) named.add(g);
    for (var g : epochs) if (TIME_NAME.matcher(g.column()).matches()) named.add(g);
    if (!named.isEmpty()) return named.get(0);
    if (!parsed.isEmpty()) return parsed.get(0);
    if (!epochs.isEmpty()) return epochs.get(0);
    throw SloException.data(
        "no column of the file looks like an event time; columns: "
            + String.join(", ", types.keySet().stream().map(k -> k + " " + types.get(k)).toList()),
        "slo init needs a timestamp, ISO-8601 text, a common log-time text, or epoch numbers");
  }

  private static SpecDraft.TimeGuess preferName(List<SpecDraft.TimeGuess> guesses) {
    for (var g : guesses) if (TIME_NAME.matcher(g.column()).matches()) return g;
    return guesses.isEmpty() ? null : guesses.get(0);
  }

  /** Epoch seconds, milliseconds or microseconds when every value falls in 1980-2100. */
  static EventTime.Encoding epochBySize(double min, double max) {
    double from = 315_532_800; // 1980-01-01 in seconds
    double to = 4_102_444_800.0; // 2100-01-01
    if (min >= from && max < to) return EventTime.Encoding.EPOCH_S;
    if (min >= from * 1e3 && max < to * 1e3) return EventTime.Encoding.EPOCH_MS;
    if (min >= from * 1e6 && max < to * 1e6) return EventTime.Encoding.EPOCH_US;
    return null;
  }

  private SpecDraft measure(
      Path abs,
      DataFormat format,
      DataSource source,
      Map<String, String> types,
      SpecDraft.TimeGuess time) {
    DataProfile.EventSpan span = profiler.eventSpan(source);
    if (span.first() == null) {
      throw SloException.data(
          "column '" + time.column() + "' holds no readable event time", "check the file");
    }
    Instant first = span.first();
    Instant last = span.last();
    // What `slo check` evaluates by default: the window ending just after the latest event.
    Instant at = last.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    Instant from = at.minus(WINDOW);

    List<SpecDraft.Column> columns = new ArrayList<>();
    for (var e : types.entrySet()) {
      List<String> samples = profiler.sampleValues(source, e.getKey(), 3);
      columns.add(new SpecDraft.Column(e.getKey(), e.getValue(), samples));
    }
    SpecDraft.Availability availability = availability(source, types, from, at, time.column());
    SpecDraft.Latency latency =
        latency(
            source,
            types,
            from,
            at,
            time.column(),
            availability == null ? null : availability.column(),
            availability == null ? null : availability.goodExpression());
    long malformed = profiler.malformedLines(source);
    return new SpecDraft(
        abs,
        format,
        span.rows(),
        columns,
        time,
        first,
        last,
        from.isAfter(first) ? from : first,
        availability,
        latency,
        malformed);
  }

  private SpecDraft.Availability availability(
      DataSource source, Map<String, String> types, Instant from, Instant at, String timeColumn) {
    List<String[]> candidates = new ArrayList<>(); // column, good, total, why
    for (var e : types.entrySet()) {
      String name = e.getKey();
      if (name.equals(timeColumn)) continue;
      String type = e.getValue().toUpperCase(Locale.ROOT);
      boolean named = STATUS_NAME.matcher(name).matches();
      if (profiler.numeric(type) && !type.startsWith("FLOAT") && !type.startsWith("DOUBLE")) {
        DataProfile.WholeNumbers w = profiler.wholeNumbers(source, name);
        long[] s = {w.values(), w.min(), w.max(), w.distinct()};
        if (s[0] > 0 && s[1] >= 100 && s[2] <= 599 && s[3] <= 60) {
          candidates.add(
              new String[] {
                name,
                ident(name) + " < 500",
                null,
                "HTTP status codes ("
                    + s[1]
                    + ".."
                    + s[2]
                    + "): 5xx are failures; 4xx are the client's and count as good",
                named ? "0" : "1"
              });
        }
      } else if (type.equals("BOOLEAN") && named) {
        boolean failureFlag = name.toLowerCase(Locale.ROOT).matches(".*(error|fail).*");
        candidates.add(
            new String[] {
              name,
              failureFlag ? "NOT " + ident(name) : ident(name),
              null,
              failureFlag
                  ? "a true/false failure flag: good when false"
                  : "a true/false success flag: good when true",
              "2"
            });
      } else if (type.equals("VARCHAR")) {
        List<String[]> values =
            profiler.commonValues(source, name, 31).stream()
                .map(v -> new String[] {v.value(), Long.toString(v.rows())})
                .toList();
        if (values.isEmpty() || values.size() > 30) continue;
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String[] v : values) {
          if (GOOD_WORDS.contains(v[0])) good.add(v[0]);
          else if (BAD_WORDS.contains(v[0])) bad.add(v[0]);
        }
        if (good.isEmpty() || (bad.isEmpty() && !named)) continue;
        List<String> known = new ArrayList<>(good);
        known.addAll(bad);
        candidates.add(
            new String[] {
              name,
              "lower(" + ident(name) + ") IN " + inList(good),
              known.size() == values.size()
                  ? null
                  : "lower(" + ident(name) + ") IN " + inList(known),
              "outcome words: good "
                  + String.join(", ", good)
                  + "; bad "
                  + (bad.isEmpty() ? "(none seen)" : String.join(", ", bad))
                  + (known.size() == values.size() ? "" : "; other values are left out"),
              named ? "1" : "3"
            });
      }
    }
    if (candidates.isEmpty()) return null;
    candidates.sort(java.util.Comparator.comparing((String[] c) -> c[4]));
    String[] c = candidates.get(0);
    Counts counts = profiler.counts(source, c[1], c[2], from, at);
    return new SpecDraft.Availability(
        c[0],
        c[1],
        c[2],
        c[3],
        counts.good(),
        counts.total(),
        objective(counts.good(), counts.total()));
  }

  private SpecDraft.Latency latency(
      DataSource source,
      Map<String, String> types,
      Instant from,
      Instant at,
      String timeColumn,
      String statusColumn,
      String total) {
    for (var e : types.entrySet()) {
      String name = e.getKey();
      if (name.equals(timeColumn) || name.equals(statusColumn)) continue;
      if (!profiler.numeric(e.getValue()) || !LATENCY_NAME.matcher(name).matches()) continue;
      DataProfile.Spread spread = profiler.spread(source, name, total, from, at);
      double[] q = {spread.rows(), spread.min(), spread.p50(), spread.p95(), spread.p99()};
      if (q[0] == 0 || q[1] < 0) continue;
      String[] unitWhy = unit(name, q[2]);
      LatencyUnit unit = LatencyUnit.fromSymbol(unitWhy[0]);
      if (unit == null) continue;
      BigDecimal threshold = niceCeiling(q[4]);
      long good = profiler.atMost(source, name, total, from, at, threshold);
      long n = (long) q[0];
      return new SpecDraft.Latency(
          name,
          unit,
          unitWhy[1],
          q[2],
          q[3],
          q[4],
          threshold,
          threshold.toPlainString() + unit.symbol(),
          good,
          n,
          objective(good, n));
    }
    return null;
  }

  /** The column's unit and why: from its name, else from the size of its median. */
  static String[] unit(String name, double median) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.matches(".*(_ns|nanos|nanoseconds)$"))
      return new String[] {"ns", "nanoseconds (from the name)"};
    if (n.matches(".*(_us|micros|microseconds|_usec)$"))
      return new String[] {"us", "from the name"};
    if (n.matches(".*(_ms|millis|milliseconds|_msec)$") || n.endsWith("ms"))
      return new String[] {"ms", "from the name"};
    if (n.matches(".*(_s|_sec|_secs|seconds)$")) return new String[] {"s", "from the name"};
    if (median < 20)
      return new String[] {
        "s", "guessed from the median " + plain(median) + ": small numbers are seconds"
      };
    if (median >= 100_000)
      return new String[] {
        "us", "guessed from the median " + plain(median) + ": large numbers are microseconds"
      };
    return new String[] {"ms", "guessed from the median " + plain(median)};
  }

  /**
   * The highest standard objective at or below the observed level that still allows at least one
   * bad event over the measured span (an objective no sample could show as met is not a proposal).
   */
  static BigDecimal objective(long good, long total) {
    if (total == 0) return new BigDecimal("0.99");
    BigDecimal level =
        BigDecimal.valueOf(good).divide(BigDecimal.valueOf(total), java.math.MathContext.DECIMAL64);
    BigDecimal fallback = null;
    for (BigDecimal o : OBJECTIVES) {
      if (o.compareTo(level) > 0) continue;
      if (fallback == null) fallback = o;
      if (BigDecimal.ONE.subtract(o).multiply(BigDecimal.valueOf(total)).compareTo(BigDecimal.ONE)
          >= 0) return o;
    }
    return fallback != null ? fallback : new BigDecimal("0.5");
  }

  /** The smallest of 1, 2, 2.5, 5 x 10^k that is at least {@code x}. */
  static BigDecimal niceCeiling(double x) {
    if (!(x > 0)) return BigDecimal.ONE;
    int k = (int) Math.floor(Math.log10(x));
    for (int e = k - 1; e <= k + 1; e++) {
      for (String m : new String[] {"1", "2", "2.5", "5"}) {
        BigDecimal v = new BigDecimal(m).scaleByPowerOfTen(e);
        if (v.doubleValue() >= x) {
          v = v.stripTrailingZeros();
          return v.scale() < 0 ? v.setScale(0) : v;
        }
      }
    }
    return BigDecimal.TEN.pow(k + 2);
  }

  /** A column name as a spec expression: bare when it is a plain lower-case word. */
  static String ident(String name) {
    return name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name)
        ? name
        : SqlExpression.quoteIdent(name);
  }

  // SQL words that cannot stand bare as a column name in an expression
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "case",
          "cast",
          "check",
          "collate",
          "column",
          "constraint",
          "create",
          "default",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "from",
          "grant",
          "group",
          "having",
          "in",
          "intersect",
          "into",
          "lateral",
          "leading",
          "limit",
          "not",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "primary",
          "references",
          "returning",
          "select",
          "some",
          "table",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "when",
          "where",
          "window",
          "with");

  private static String inList(List<String> values) {
    return values.stream()
        .map(SqlExpression::quoteLiteral)
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  static String plain(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    BigDecimal b = new BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros();
    return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
  }
}
