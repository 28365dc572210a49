package io.slotoolkit.forecast;

import io.slotoolkit.model.Frequency;
import io.slotoolkit.model.Series;
import java.time.LocalDate;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A forecasting method that a rolling-origin backtest can choose. Every method works on the log
 * scale ({@link LogScale}) and forecasts log values; the caller turns them back into volumes.
 */
sealed interface Method
    permits Method.Regression, Method.SeasonalHolt, Method.HoltWinters, Method.SeasonalNaive {

  /** Short name shown to users: {@code regression}, {@code seasonal+holt}, ... */
  String label();

  /** Steps of history the method needs before it can forecast. */
  int minHistory(Frequency f);

  /** Fits on steps {@code [0, end)} of the series. */
  Fitted fit(Series s, LogScale log, int end);

  /** A fitted method: forecasts the log value of the steps after its history. */
  interface Fitted {
    /** Log-scale forecasts of steps 1..h after the end of the history. */
    double[] forecast(int h);
  }

  /** Whether the method models the yearly season (false only for the labelled fallback). */
  boolean seasonal();

  /**
   * Weighted least squares on the seasonal design: trend + yearly season (+ weekdays), global over
   * the history. A half-life makes it follow recent years more closely (observation weights halve
   * every {@code halfLifeYears}).
   *
   * @param harmonics Fourier pairs for daily and weekly data (ignored for monthly data)
   * @param halfLifeYears weight half-life in years; 0 for equal weights
   * @param trend whether to fit a linear trend (in log units per year)
   */
  record Regression(int harmonics, double halfLifeYears, boolean trend) implements Method {
    @Override
    public String label() {
      return "regression"
          + (harmonics > 0 ? " k" + harmonics : "")
          + (trend ? "" : " (level)")
          + (halfLifeYears > 0 ? " (recent " + fmt(halfLifeYears) + "y)" : "");
    }

    @Override
    public boolean seasonal() {
      return true;
    }

    @Override
    public int minHistory(Frequency f) {
      return f.stepsPerYear() + Math.max(3, f.stepsPerYear() / 4);
    }

    @Override
    public Fitted fit(Series s, LogScale log, int end) {
      SeasonalDesign design = new SeasonalDesign(s.frequency(), true, harmonics, trend);
      double[] beta = log.equations(design, halfLifeYears).solve(end);
      LocalDate last = s.date(end - 1);
      return h -> {
        double[] out = new double[h];
        double[] x = new double[design.columns];
        for (int k = 1; k <= h; k++) {
          design.row(s.frequency().plus(last, k), years(s.frequency(), end - 1 + k), x);
          out[k - 1] = dot(x, beta);
        }
        return out;
      };
    }
  }

  /**
   * The yearly and weekday pattern from a regression, and a damped Holt level and trend on the
   * seasonally adjusted series: the pattern stays fixed while the level follows recent data. With
   * {@code yearly == false} it is the non-seasonal fallback (weekdays only, for daily data).
   *
   * @param harmonics Fourier pairs for the season (ignored for monthly data)
   * @param yearly whether to include the yearly season
   */
  record SeasonalHolt(int harmonics, boolean yearly) implements Method {
    @Override
    public String label() {
      return yearly
          ? "seasonal+holt" + (harmonics > 0 ? " k" + harmonics : "")
          : "non-seasonal holt";
    }

    @Override
    public boolean seasonal() {
      return yearly;
    }

    @Override
    public int minHistory(Frequency f) {
      if (!yearly) return Math.max(8, f == Frequency.DAILY ? 28 : 8);
      return f.stepsPerYear() + Math.max(3, f.stepsPerYear() / 4);
    }

    @Override
    public Fitted fit(Series s, LogScale log, int end) {
      SeasonalDesign design = new SeasonalDesign(s.frequency(), yearly, harmonics, true);
      NormalEquations eq = log.equations(design, 0);
      double[] beta = eq.solve(end);
      LocalDate last = s.date(end - 1);
      double[] x = new double[design.columns];
      double[] adjusted = new double[end];
      for (int i = 0; i < end; i++) {
        adjusted[i] = log.z[i] - seasonalPart(eq.row(i), beta, design);
      }
      // The level and trend only need the recent past: run Holt over the last four years at most
      // (the first of them warms it up), which keeps a ten-year daily fit fast.
      int from = Math.max(0, end - 4 * s.frequency().stepsPerYear());
      double[] filled = LogScale.interpolate(java.util.Arrays.copyOfRange(adjusted, from, end));
      boolean[] seen = new boolean[filled.length];
      for (int i = 0; i < filled.length; i++) seen[i] = !Double.isNaN(adjusted[from + i]);
      double[] p = optimise(p3 -> holtSse(filled, seen, p3), new double[] {0.2, 0.1, 0.95});
      double[] state = holt(filled, p);
      double level = state[0];
      double slope = state[1];
      double phi = p[2];
      return h -> {
        double[] out = new double[h];
        double damp = 0;
        double pow = 1;
        for (int k = 1; k <= h; k++) {
          pow *= phi;
          damp += pow;
          design.row(s.frequency().plus(last, k), years(s.frequency(), end - 1 + k), x);
          out[k - 1] = level + damp * slope + seasonalPart(x, beta, design);
        }
        return out;
      };
    }
  }

  /**
   * Additive Holt-Winters with a damped trend on the log scale (a multiplicative season on the
   * original scale). Its season evolves year by year; it needs two seasons to start. Parameters are
   * bounded ({@code alpha} in [0.01, 0.99], {@code beta <= alpha}, {@code gamma <= 1 - alpha},
   * {@code phi} in [0.8, 0.99]) and chosen by BOBYQA on the one-step squared error.
   */
  record HoltWinters() implements Method {
    @Override
    public String label() {
      return "holt-winters";
    }

    @Override
    public boolean seasonal() {
      return true;
    }

    @Override
    public int minHistory(Frequency f) {
      return 2 * f.stepsPerYear() + Math.max(2, f.stepsPerYear() / 6);
    }

    @Override
    public Fitted fit(Series s, LogScale log, int end) {
      int m = s.frequency().stepsPerYear();
      double[] y = java.util.Arrays.copyOf(log.filled, end);
      boolean[] seen = new boolean[end];
      for (int i = 0; i < end; i++) seen[i] = !Double.isNaN(log.z[i]);
      double[] p = optimise(q -> hw(y, seen, m, q, null), new double[] {0.3, 0.1, 0.1, 0.95}, true);
      double[] season = new double[m];
      double[] state = new double[2];
      hw(y, seen, m, p, new double[][] {state, season});
      double phi = p[3];
      return h -> {
        double[] out = new double[h];
        double damp = 0;
        double pow = 1;
        for (int k = 1; k <= h; k++) {
          pow *= phi;
          damp += pow;
          out[k - 1] = state[0] + damp * state[1] + season[(end - 1 + k) % m];
        }
        return out;
      };
    }

    /** Runs the recursion; returns the one-step SSE, and the final state into {@code out}. */
    static double hw(double[] y, boolean[] seen, int m, double[] p, double[][] out) {
      double alpha = p[0];
      double beta = p[0] * p[1];
      double gamma = (1 - p[0]) * p[2];
      double phi = p[3];
      double first = 0;
      double second = 0;
      for (int j = 0; j < m; j++) {
        first += y[j];
        second += y[j + m];
      }
      first /= m;
      second /= m;
      double slope = (second - first) / m;
      double[] s = new double[m];
      for (int j = 0; j < m; j++) s[j] = y[j] - (first + slope * (j - (m - 1) / 2.0));
      double level = first + slope * (m - 1) / 2.0;
      double sse = 0;
      for (int i = m; i < y.length; i++) {
        int j = i % m;
        double pred = level + phi * slope + s[j];
        if (seen[i]) {
          double e = y[i] - pred;
          sse += e * e;
        }
        double newLevel = alpha * (y[i] - s[j]) + (1 - alpha) * (level + phi * slope);
        slope = beta * (newLevel - level) + (1 - beta) * phi * slope;
        s[j] = gamma * (y[i] - newLevel) + (1 - gamma) * s[j];
        level = newLevel;
      }
      if (out != null) {
        out[0][0] = level;
        out[0][1] = slope;
        System.arraycopy(s, 0, out[1], 0, m);
      }
      return sse;
    }
  }

  /**
   * The value one year earlier (364 days for daily data, so that weekdays line up; further back
   * across a gap). The baseline of every backtest, and a candidate of its own: when a season
   * repeats almost exactly, nothing beats it, and it may join the best method in a mean.
   */
  record SeasonalNaive() implements Method {
    @Override
    public String label() {
      return "seasonal naive";
    }

    @Override
    public boolean seasonal() {
      return true;
    }

    @Override
    public int minHistory(Frequency f) {
      return f.seasonalLag() + 1;
    }

    @Override
    public Fitted fit(Series s, LogScale log, int end) {
      int lag = s.frequency().seasonalLag();
      return h -> {
        double[] out = new double[h];
        for (int k = 1; k <= h; k++) {
          int back = end - 1 + k - lag;
          while (back >= end) back -= lag;
          while (back - lag >= 0 && Double.isNaN(log.z[back])) back -= lag;
          out[k - 1] = Double.isNaN(log.z[back]) ? log.filled[back] : log.z[back];
        }
        return out;
      };
    }
  }

  // ---- shared numerics ----

  /** Step {@code k} of a series, counted from its first date, in years. */
  static double years(Frequency f, long k) {
    return k * f.days() / 365.25;
  }

  static double dot(double[] x, double[] b) {
    double s = 0;
    for (int j = 0; j < x.length; j++) s += x[j] * b[j];
    return s;
  }

  static double seasonalPart(double[] x, double[] beta, SeasonalDesign d) {
    double s = 0;
    for (int j = d.seasonalFrom; j < d.columns; j++) s += x[j] * beta[j];
    return s;
  }

  /** Damped Holt over {@code z}; returns the one-step SSE over seen steps. */
  static double holtSse(double[] z, boolean[] seen, double[] p) {
    return holt(z, seen, p, null);
  }

  /** Final level and slope after running damped Holt over all of {@code z}. */
  static double[] holt(double[] z, double[] p) {
    double[] out = new double[2];
    holt(z, null, p, out);
    return out;
  }

  private static double holt(double[] z, boolean[] seen, double[] p, double[] out) {
    double alpha = p[0];
    double beta = p[0] * p[1];
    double phi = p[2];
    int start = Math.min(z.length, 7);
    double level = 0;
    for (int i = 0; i < start; i++) level += z[i];
    level /= start;
    // One-step errors count once the recursion has forgotten its start.
    int warm = Math.max(start, Math.min(z.length / 4, 365));
    double slope = 0;
    double sse = 0;
    for (int i = 0; i < z.length; i++) {
      double pred = level + phi * slope;
      if (seen != null && seen[i] && i >= warm) {
        double e = z[i] - pred;
        sse += e * e;
      }
      double newLevel = alpha * z[i] + (1 - alpha) * pred;
      slope = beta * (newLevel - level) + (1 - beta) * phi * slope;
      level = newLevel;
    }
    if (out != null) {
      out[0] = level;
      out[1] = slope;
    }
    return sse;
  }

  static double[] optimise(java.util.function.ToDoubleFunction<double[]> sse, double[] start) {
    return optimise(sse, start, false);
  }

  /**
   * Minimises within the bounds {@code alpha in [0.01, 0.99]}, the relative {@code beta} and {@code
   * gamma} in [0, 1], and {@code phi in [0.8, 0.99]}.
   */
  static double[] optimise(
      java.util.function.ToDoubleFunction<double[]> sse, double[] start, boolean withGamma) {
    double[] lo = withGamma ? new double[] {0.01, 0, 0, 0.8} : new double[] {0.01, 0, 0.8};
    double[] hi = withGamma ? new double[] {0.99, 1, 1, 0.99} : new double[] {0.99, 1, 0.99};
    BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * start.length + 1, 0.05, 1e-3);
    // BOBYQA may give up on a flat or noisy surface ("failed to reduce Q"): keep the best point it
    // evaluated, so that a fit never fails because of the optimiser.
    double[] bestPoint = start.clone();
    double[] bestValue = {sse.applyAsDouble(start)};
    ObjectiveFunction f =
        new ObjectiveFunction(
            q -> {
              double v = sse.applyAsDouble(q);
              if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(q, 0, bestPoint, 0, q.length);
              }
              return v;
            });
    try {
      PointValuePair best =
          opt.optimize(
              new MaxEval(1500),
              f,
              GoalType.MINIMIZE,
              new InitialGuess(start),
              new SimpleBounds(lo, hi));
      return best.getValue() <= bestValue[0] ? best.getPoint() : bestPoint;
    } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
      return bestPoint;
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
