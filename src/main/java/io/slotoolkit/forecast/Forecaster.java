package io.slotoolkit.forecast;

import io.slotoolkit.model.Backtest;
import io.slotoolkit.model.CandidateScore;
import io.slotoolkit.model.Forecast;
import io.slotoolkit.model.ForecastPoint;
import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Gap;
import io.slotoolkit.model.Series;
import io.slotoolkit.model.SloException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts a series: tries every method that suits its frequency and length on a rolling-origin
 * backtest over the last years of its history, keeps the one with the smallest out-of-sample error,
 * refits it on the whole history, and calibrates the prediction intervals from that method's
 * backtest errors. Stateless and thread-safe; it does not care where the series came from.
 */
public final class Forecaster {
  /** Seasons of history a yearly seasonal model requires. */
  public static final int MIN_SEASONS = 2;

  private static final int DAILY_HARMONICS = 20;
  private static final int WEEKLY_HARMONICS = 8;

  private final java.util.function.BiFunction<Frequency, Integer, List<Method>> methodsFor;

  /** A forecaster choosing among the standard methods. */
  public Forecaster() {
    this(Forecaster::seasonalMethods);
  }

  /** A forecaster choosing among other methods (to compare single methods in studies). */
  Forecaster(java.util.function.BiFunction<Frequency, Integer, List<Method>> methodsFor) {
    this.methodsFor = methodsFor;
  }

  /**
   * Forecasts {@code s} over the options' horizon.
   *
   * @throws SloException (data) when the history is too short for a yearly season and the caller
   *     did not allow the non-seasonal fallback, or too short for any forecast; (usage) for a
   *     horizon beyond two years
   */
  public Forecast forecast(Series s, ForecastOptions options) {
    Frequency f = s.frequency();
    int m = f.stepsPerYear();
    int horizon = horizon(s, options);
    int n = s.size();
    List<String> notes = new ArrayList<>(s.notes());
    if (!s.gaps().isEmpty()) notes.add(gapNote(s));
    boolean seasonal = n >= MIN_SEASONS * m;
    if (!seasonal && !options.allowNonSeasonal()) {
      throw SloException.data(
          "a yearly season needs at least "
              + MIN_SEASONS * m
              + " "
              + f.unit()
              + "s of history ("
              + MIN_SEASONS
              + " years); "
              + s.name()
              + " has "
              + n
              + " ("
              + s.first()
              + ".."
              + s.last()
              + ")",
          "give more history, or allow a non-seasonal forecast (--allow-non-seasonal), which"
              + " cannot foresee a yearly peak");
    }
    List<Method> methods = seasonal ? methodsFor.apply(f, n) : List.of(nonSeasonal());
    if (!seasonal) {
      notes.add(
          "NON-SEASONAL: only "
              + n
              + " "
              + f.unit()
              + "s of history, fewer than the "
              + MIN_SEASONS * m
              + " a yearly season needs; this forecast follows level, trend"
              + (f == Frequency.DAILY ? " and weekdays" : "")
              + " only and cannot foresee a seasonal peak");
    }
    int minHistory = methods.stream().mapToInt(x -> x.minHistory(f)).max().orElseThrow();
    int lowest = Math.max(minHistory, seasonal ? n - 3 * m : n / 2);
    if (n - lowest < 2) {
      throw SloException.data(
          s.name()
              + " has "
              + n
              + " "
              + f.unit()
              + "s; a forecast needs at least "
              + (minHistory + 2),
          "give more history");
    }
    LogScale log = new LogScale(s);
    List<Integer> origins = origins(log, lowest, n, maxOrigins(f));
    int c0 = methods.size();
    double[][][] fcs = new double[c0 + 1][origins.size()][];
    for (int o = 0; o < origins.size(); o++) {
      int origin = origins.get(o);
      int steps = Math.min(horizon, n - origin);
      for (int c = 0; c < c0; c++) fcs[c][o] = methods.get(c).fit(s, log, origin).forecast(steps);
    }
    List<List<List<Double>>> errors = new ArrayList<>();
    double[] score = new double[c0 + 1];
    for (int c = 0; c < c0; c++) score[c] = score(fcs[c], origins, log, horizon, errors);
    // One more candidate: the mean of the two best methods' log forecasts. Combining hedges against
    // a method that the few backtest origins happen to favour; combining only the two best keeps a
    // method that the backtest found clearly worse out of it.
    int[] pair = twoBest(score, c0);
    boolean combine = pair != null;
    int candidates = combine ? c0 + 1 : c0;
    if (combine) {
      for (int o = 0; o < origins.size(); o++) fcs[c0][o] = mean(fcs, pair, o);
      score[c0] = score(fcs[c0], origins, log, horizon, errors);
    }
    int best = 0;
    for (int c = 1; c < candidates; c++) if (score[c] < score[best]) best = c;
    List<CandidateScore> scores = new ArrayList<>();
    for (int c = 0; c < candidates; c++)
      scores.add(new CandidateScore(label(methods, c, pair), score[c], c == best));
    List<List<Double>> chosenErrors = errors.get(best);
    while (!chosenErrors.isEmpty() && chosenErrors.get(chosenErrors.size() - 1).isEmpty())
      chosenErrors.remove(chosenErrors.size() - 1);
    ErrorBands bands = ErrorBands.calibrate(chosenErrors);
    if (bands.measuredHorizon() < horizon) {
      notes.add(
          "intervals beyond "
              + bands.measuredHorizon()
              + " "
              + f.unit()
              + "s ahead are extrapolated (the history is too short to backtest further)");
    }
    double[] fc;
    if (best < c0) fc = methods.get(best).fit(s, log, n).forecast(horizon);
    else {
      double[][][] full = new double[c0][1][];
      for (int c : pair) full[c][0] = methods.get(c).fit(s, log, n).forecast(horizon);
      fc = mean(full, pair, 0);
    }
    List<ForecastPoint> points = new ArrayList<>(horizon);
    for (int k = 1; k <= horizon; k++) {
      double z = fc[k - 1];
      double[] off = bands.offsets(k);
      points.add(
          new ForecastPoint(
              f.plus(s.last(), k),
              log.toValue(z),
              log.toValue(z + off[1]),
              log.toValue(z + off[2]),
              log.toValue(z + off[0]),
              log.toValue(z + off[3])));
    }
    return new Forecast(
        s,
        label(methods, best, pair),
        seasonal,
        points,
        scores,
        origins.size(),
        bands.errors,
        notes);
  }

  /**
   * Holds out the last {@code holdout} steps (0: one year), forecasts them from the history before
   * them and compares, side by side with the seasonal-naive baseline.
   */
  public Backtest backtest(Series s, ForecastOptions o, int holdout) {
    Frequency f = s.frequency();
    int h = holdout == 0 ? f.stepsPerYear() : holdout;
    int need = MIN_SEASONS * f.stepsPerYear();
    if (h < 1 || s.size() - h < (o.allowNonSeasonal() ? 16 : need)) {
      throw SloException.spec(
          "--holdout "
              + h
              + " leaves "
              + Math.max(0, s.size() - h)
              + " "
              + f.unit()
              + "s of history before it; the backtest needs at least "
              + need
              + " for a yearly season",
          "use a smaller --holdout; the series has " + s.size() + " " + f.unit() + "s");
    }
    Series train = s.head(s.size() - h);
    int held = s.size() - train.size();
    Forecast fc = forecast(train, new ForecastOptions(held, o.season(), o.allowNonSeasonal()));
    return HoldOut.compare(s, train.size(), fc, o.season());
  }

  /** Steps to forecast: the option, else to the end of the next season, else one year. */
  static int horizon(Series s, ForecastOptions o) {
    Frequency f = s.frequency();
    int max = 2 * f.stepsPerYear();
    if (o.horizon() > max) {
      throw SloException.spec(
          "--horizon " + o.horizon() + " is more than two years of " + f.unit() + "s (" + max + ")",
          "forecast at most " + max + " " + f.unit() + "s ahead");
    }
    if (o.horizon() > 0) return o.horizon();
    if (o.season() == null) return f.stepsPerYear();
    LocalDate next = f.plus(s.last(), 1);
    LocalDate end = o.season().nextEnd(next);
    int steps = 0;
    for (LocalDate d = next; !d.isAfter(end); d = f.plus(d, 1)) steps++;
    if (f != Frequency.DAILY) steps = Math.max(steps, 1);
    return Math.min(max, Math.max(1, steps));
  }

  static List<Method> seasonalMethods(Frequency f, int n) {
    List<Method> list = new ArrayList<>();
    if (f == Frequency.DAILY) {
      list.add(new Method.Regression(DAILY_HARMONICS, 0, true));
      list.add(new Method.Regression(DAILY_HARMONICS, 2, true));
      list.add(new Method.Regression(DAILY_HARMONICS / 2, 1, true));
      list.add(new Method.SeasonalHolt(DAILY_HARMONICS / 2, true));
      list.add(new Method.SeasonalHolt(DAILY_HARMONICS, true));
      list.add(new Method.SeasonalNaive());
      return list;
    }
    int k = WEEKLY_HARMONICS;
    list.add(new Method.Regression(k, 0, true));
    list.add(new Method.Regression(k, 1, true));
    list.add(new Method.Regression(k, 2, true));
    list.add(new Method.SeasonalHolt(k, true));
    if (n >= 3 * f.stepsPerYear()) list.add(new Method.HoltWinters());
    list.add(new Method.SeasonalNaive());
    return list;
  }

  private static String label(List<Method> methods, int c, int[] pair) {
    if (c < methods.size()) return methods.get(c).label();
    return "mean of " + methods.get(pair[0]).label() + " and " + methods.get(pair[1]).label();
  }

  /** The indexes of the two methods with the smallest finite scores; null with fewer than two. */
  private static int[] twoBest(double[] score, int methods) {
    int first = -1;
    int second = -1;
    for (int c = 0; c < methods; c++) {
      if (!Double.isFinite(score[c])) continue;
      if (first < 0 || score[c] < score[first]) {
        second = first;
        first = c;
      } else if (second < 0 || score[c] < score[second]) second = c;
    }
    return second < 0 ? null : new int[] {first, second};
  }

  /**
   * Mean absolute log error of one candidate's backtest forecasts; adds its errors by horizon to
   * {@code errors}.
   */
  private static double score(
      double[][] fcs,
      List<Integer> origins,
      LogScale log,
      int horizon,
      List<List<List<Double>>> errors) {
    List<List<Double>> byH = new ArrayList<>();
    for (int h = 0; h < horizon; h++) byH.add(new ArrayList<>());
    double sum = 0;
    int count = 0;
    for (int o = 0; o < origins.size(); o++) {
      int origin = origins.get(o);
      double[] fc = fcs[o];
      for (int k = 0; k < fc.length; k++) {
        double actual = log.z[origin + k];
        if (Double.isNaN(actual)) continue;
        double e = actual - fc[k];
        byH.get(k).add(e);
        sum += Math.abs(e);
        count++;
      }
    }
    errors.add(byH);
    return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
  }

  /** The mean of some methods' log forecasts from one origin. */
  private static double[] mean(double[][][] fcs, int[] methods, int origin) {
    int steps = fcs[methods[0]][origin].length;
    double[] out = new double[steps];
    for (int c : methods) for (int k = 0; k < steps; k++) out[k] += fcs[c][origin][k];
    for (int k = 0; k < steps; k++) out[k] /= methods.length;
    return out;
  }

  private static Method nonSeasonal() {
    return new Method.SeasonalHolt(0, false);
  }

  private static int maxOrigins(Frequency f) {
    return switch (f) {
      case DAILY -> 8;
      case WEEKLY -> 16;
      case MONTHLY -> 36;
    };
  }

  /** Evenly spaced origins in {@code [lowest, n - 1]}, each just after an observed step. */
  private static List<Integer> origins(LogScale log, int lowest, int n, int count) {
    List<Integer> out = new ArrayList<>();
    int span = n - 1 - lowest;
    int k = Math.min(count, span + 1);
    for (int i = 0; i < k; i++) {
      int o = k == 1 ? n - 1 : lowest + (int) Math.round((double) i * span / (k - 1));
      while (o > lowest && Double.isNaN(log.z[o - 1])) o--;
      if (!out.contains(o)) out.add(o);
    }
    return out;
  }

  private static String gapNote(Series s) {
    int missing = s.gaps().stream().mapToInt(Gap::steps).sum();
    StringBuilder b = new StringBuilder();
    b.append(s.gaps().size())
        .append(s.gaps().size() == 1 ? " gap" : " gaps")
        .append(" (")
        .append(missing)
        .append(" missing ")
        .append(s.frequency().unit())
        .append(missing == 1 ? "" : "s")
        .append(") in the history, left out of the fit: ");
    int shown = Math.min(3, s.gaps().size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) b.append(", ");
      b.append(s.gaps().get(i).label(s.frequency()));
    }
    if (s.gaps().size() > shown) b.append(", ...");
    return b.toString();
  }
}
