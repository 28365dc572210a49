package io.slotoolkit.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A non-negative time series on a regular daily, weekly or monthly grid, from its first to its last
 * observed date. Steps without a value (absent rows, empty cells) hold NaN and are listed in {@link
 * #gaps()}; models skip or interpolate them, never treat them as zero.
 *
 * @param name what the values are (the column name), for output
 * @param frequency the grid step, detected from the dates
 * @param dates every date of the grid, first to last (monthly: first day of each month; weekly: one
 *     weekday)
 * @param values one value per date (the unit of the file); NaN where missing. The array is copied
 *     in and out.
 * @param gaps runs of missing steps, in date order
 * @param notes how the input was adjusted (duplicates combined, empty edges trimmed), for output
 */
public record Series(
    String name,
    Frequency frequency,
    List<LocalDate> dates,
    double[] values,
    List<Gap> gaps,
    List<String> notes) {

  public Series {
    dates = List.copyOf(dates);
    values = values.clone();
    gaps = List.copyOf(gaps);
    notes = List.copyOf(notes);
    if (dates.size() != values.length)
      throw new IllegalArgumentException("dates and values differ in length");
    if (dates.isEmpty()) throw new IllegalArgumentException("empty series");
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  public double value(int i) {
    return values[i];
  }

  public LocalDate date(int i) {
    return dates.get(i);
  }

  public LocalDate first() {
    return dates.get(0);
  }

  public LocalDate last() {
    return dates.get(dates.size() - 1);
  }

  /** Steps that hold a value. */
  public int observed() {
    int n = 0;
    for (double v : values) if (!Double.isNaN(v)) n++;
    return n;
  }

  /** Length of the history in years (steps / steps per year). */
  public double years() {
    return (double) size() / frequency.stepsPerYear();
  }

  /** The first {@code n} steps, for forecasting a hold-out from the history before it. */
  public Series head(int n) {
    if (n < 1 || n > size()) throw new IllegalArgumentException("head " + n + " of " + size());
    double[] v = Arrays.copyOf(values, n);
    int end = n;
    while (end > 1 && Double.isNaN(v[end - 1])) end--;
    return build(name, frequency, dates.subList(0, end), Arrays.copyOf(v, end), notes);
  }

  /** The steps from {@code from} (inclusive) to the end. */
  public Series tail(int from) {
    double[] v = Arrays.copyOfRange(values, from, size());
    return build(name, frequency, dates.subList(from, size()), v, notes);
  }

  /**
   * Places observations on a regular grid: detects the frequency, checks values, applies the
   * duplicate rule and records gaps. Every problem names the row it comes from.
   *
   * @throws SloException (data) for negative or infinite values, duplicate dates under {@link
   *     DuplicateRule#ERROR}, dates that do not fit one frequency, or fewer than two observed
   *     values
   */
  public static Series of(String name, List<Observation> rows, DuplicateRule duplicates) {
    List<String> problems = new ArrayList<>();
    for (Observation o : rows) {
      if (Double.isInfinite(o.value())) {
        problems.add(o.where() + ": value of " + name + " is not a finite number");
      } else if (o.value() < 0) {
        problems.add(
            o.where()
                + ": "
                + name
                + " is negative ("
                + fmt(o.value())
                + "); a volume to forecast counts things and cannot be below 0");
      }
    }
    failIf(problems, name, "values must be numbers >= 0");
    List<Observation> withValue = rows.stream().filter(o -> !Double.isNaN(o.value())).toList();
    if (withValue.size() < 2) {
      throw SloException.data(
          "the series " + name + " has " + withValue.size() + " value(s); at least 2 are needed",
          "check the --value-column and that the file has data rows");
    }
    List<Observation> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Observation::date));
    Frequency f = detect(sorted, name);
    Map<LocalDate, List<Observation>> byDate = new LinkedHashMap<>();
    for (Observation o : sorted) {
      byDate.computeIfAbsent(normalize(f, o.date()), d -> new ArrayList<>()).add(o);
    }
    List<String> notes = new ArrayList<>();
    int combined = 0;
    for (var e : byDate.entrySet()) {
      if (e.getValue().size() > 1) {
        if (duplicates == DuplicateRule.ERROR) {
          List<Observation> same = e.getValue();
          problems.add(
              same.get(1).where()
                  + ": the "
                  + f.unit()
                  + " "
                  + label(f, e.getKey())
                  + " repeats "
                  + same.get(0).where());
        } else combined++;
      }
    }
    if (!problems.isEmpty()) {
      throw SloException.data(
          problems.get(0)
              + (problems.size() > 1
                  ? " (and " + (problems.size() - 1) + " more repeated dates)"
                  : ""),
          "each date must appear once; --duplicates sum|mean|max|last combines repeats");
    }
    if (combined > 0) {
      notes.add(
          combined
              + " repeated "
              + f.unit()
              + (combined == 1 ? "" : "s")
              + " combined by "
              + duplicates.name().toLowerCase(java.util.Locale.ROOT));
    }
    List<LocalDate> keys = new ArrayList<>(byDate.keySet());
    LocalDate first = keys.get(0);
    LocalDate last = keys.get(keys.size() - 1);
    int n = (int) f.between(first, last) + 1;
    double[] v = new double[n];
    Arrays.fill(v, Double.NaN);
    List<LocalDate> grid = new ArrayList<>(n);
    for (int i = 0; i < n; i++) grid.add(f.plus(first, i));
    for (var e : byDate.entrySet()) {
      int i = (int) f.between(first, e.getKey());
      v[i] = combine(e.getValue(), duplicates);
    }
    int start = 0;
    while (Double.isNaN(v[start])) start++;
    int end = n;
    while (Double.isNaN(v[end - 1])) end--;
    if (start > 0 || end < n) {
      notes.add(
          "empty values at the edges dropped: the series runs "
              + label(f, grid.get(start))
              + ".."
              + label(f, grid.get(end - 1)));
    }
    return build(name, f, grid.subList(start, end), Arrays.copyOfRange(v, start, end), notes);
  }

  /** A series on a grid that is already regular (generated data, tests). */
  public static Series regular(String name, Frequency f, LocalDate first, double[] values) {
    List<LocalDate> grid = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) grid.add(f.plus(normalize(f, first), i));
    List<Observation> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++)
      rows.add(new Observation(grid.get(i), values[i], "row " + (i + 1)));
    List<String> problems = new ArrayList<>();
    for (Observation o : rows) {
      if (o.value() < 0 || Double.isInfinite(o.value()))
        problems.add(o.where() + ": " + name + " is negative or infinite (" + o.value() + ")");
    }
    failIf(problems, name, "values must be numbers >= 0");
    return build(name, f, grid, values, List.of());
  }

  private static Series build(
      String name, Frequency f, List<LocalDate> grid, double[] v, List<String> notes) {
    List<Gap> gaps = new ArrayList<>();
    int i = 0;
    while (i < v.length) {
      if (Double.isNaN(v[i])) {
        int j = i;
        while (j < v.length && Double.isNaN(v[j])) j++;
        gaps.add(new Gap(grid.get(i), grid.get(j - 1), j - i));
        i = j;
      } else i++;
    }
    return new Series(name, f, grid, v, gaps, notes);
  }

  private static double combine(List<Observation> same, DuplicateRule rule) {
    double[] vs =
        same.stream().mapToDouble(Observation::value).filter(x -> !Double.isNaN(x)).toArray();
    if (vs.length == 0) return Double.NaN;
    return switch (rule) {
      case ERROR, LAST -> vs[vs.length - 1];
      case SUM -> Arrays.stream(vs).sum();
      case MEAN -> Arrays.stream(vs).average().orElse(Double.NaN);
      case MAX -> Arrays.stream(vs).max().orElse(Double.NaN);
    };
  }

  /**
   * Daily when consecutive dates are typically 1 day apart, weekly at 7 (all on one weekday),
   * monthly at 28 to 31. Gaps do not change the typical spacing; a date off the grid is an error.
   */
  private static Frequency detect(List<Observation> sorted, String name) {
    List<Integer> spacing = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      long d =
          java.time.temporal.ChronoUnit.DAYS.between(
              sorted.get(i - 1).date(), sorted.get(i).date());
      if (d > 0) spacing.add((int) Math.min(d, Integer.MAX_VALUE));
    }
    if (spacing.isEmpty()) {
      throw SloException.data(
          "every row of " + name + " has the same date " + sorted.get(0).date(),
          "a series needs one value per day, week or month");
    }
    List<Integer> s = new ArrayList<>(spacing);
    s.sort(null);
    int typical = s.get(s.size() / 2);
    Frequency f;
    if (typical == 1) f = Frequency.DAILY;
    else if (typical == 7) f = Frequency.WEEKLY;
    else if (typical >= 28 && typical <= 31) f = Frequency.MONTHLY;
    else {
      throw SloException.data(
          "cannot tell how often "
              + name
              + " has a value: consecutive dates are typically "
              + typical
              + " days apart",
          "a series must be daily, weekly (7 days) or monthly");
    }
    if (f == Frequency.WEEKLY) {
      DayOfWeek dow = sorted.get(0).date().getDayOfWeek();
      for (Observation o : sorted) {
        if (o.date().getDayOfWeek() != dow) {
          throw SloException.data(
              o.where()
                  + ": "
                  + o.date()
                  + " is a "
                  + o.date().getDayOfWeek()
                  + " but this weekly series has its dates on "
                  + dow
                  + " ("
                  + sorted.get(0).where()
                  + ")",
              "every date of a weekly series must fall on the same weekday");
        }
      }
    }
    if (f == Frequency.MONTHLY) {
      // Month starts or month ends are both fine; mixed days within the month are not.
      Observation first = sorted.get(0);
      for (Observation o : sorted) {
        if (dayKind(o.date()) != dayKind(first.date())) {
          throw SloException.data(
              o.where()
                  + ": "
                  + o.date()
                  + " does not match the monthly dates of this series (such as "
                  + first.date()
                  + " at "
                  + first.where()
                  + ")",
              "a monthly series has one date per month, all on the same day of the month or all"
                  + " on the last day");
        }
      }
    }
    return f;
  }

  private static int dayKind(LocalDate d) {
    return d.getDayOfMonth() == d.lengthOfMonth() ? -1 : d.getDayOfMonth();
  }

  static LocalDate normalize(Frequency f, LocalDate d) {
    return f == Frequency.MONTHLY ? d.withDayOfMonth(1) : d;
  }

  private static String label(Frequency f, LocalDate d) {
    return f == Frequency.MONTHLY ? d.toString().substring(0, 7) : d.toString();
  }

  private static void failIf(List<String> problems, String name, String hint) {
    if (problems.isEmpty()) return;
    String msg =
        problems.get(0)
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more rows)" : "");
    throw SloException.data(msg, hint);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
