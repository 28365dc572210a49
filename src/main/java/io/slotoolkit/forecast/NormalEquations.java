package io.slotoolkit.forecast;

import io.slotoolkit.model.Series;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Weighted least squares of a series' log values on a seasonal design, for fits that end at growing
 * origins. {@code X'WX} and {@code X'Wz} are sums over rows, so a fit ending at a later origin only
 * adds the rows in between: the rolling-origin backtest costs about one pass over the data per
 * design instead of one per origin. The trend column counts years from the series' first date, and
 * recency weights grow by a constant factor per step ({@code 2^(1 / half-life)}); a common scale of
 * all weights does not change the solution, so older fits need no reweighting.
 */
final class NormalEquations {
  private final Series series;
  private final double[] z;
  private final SeasonalDesign design;
  private final double growth;
  private final double[][] rows;
  private double[][] a;
  private double[] b;
  private int upTo;
  private double weight;

  NormalEquations(Series s, double[] z, SeasonalDesign design, double halfLifeYears) {
    this.series = s;
    this.z = z;
    this.design = design;
    double stepsPerHalfLife = halfLifeYears > 0 ? halfLifeYears * 365.25 / s.frequency().days() : 0;
    this.growth = stepsPerHalfLife > 0 ? Math.pow(2, 1 / stepsPerHalfLife) : 1;
    this.rows = new double[s.size()][];
    reset();
  }

  private void reset() {
    int p = design.columns;
    a = new double[p][p];
    b = new double[p];
    upTo = 0;
    weight = 1;
  }

  /** The design row of step {@code i} (cached). */
  double[] row(int i) {
    if (rows[i] == null) {
      double[] x = new double[design.columns];
      design.row(series.date(i), Method.years(series.frequency(), i), x);
      rows[i] = x;
    }
    return rows[i];
  }

  /** The coefficients fitted on steps {@code [0, end)}. */
  double[] solve(int end) {
    if (end < upTo) reset();
    int p = design.columns;
    for (; upTo < end; upTo++, weight *= growth) {
      if (Double.isNaN(z[upTo])) continue;
      double[] x = row(upTo);
      double zi = z[upTo];
      for (int j = 0; j < p; j++) {
        double wx = weight * x[j];
        if (wx == 0) continue;
        b[j] += wx * zi;
        double[] aj = a[j];
        for (int k = j; k < p; k++) aj[k] += wx * x[k];
      }
    }
    double[][] m = new double[p][p];
    double trace = 0;
    for (int j = 0; j < p; j++) trace += a[j][j];
    // A tiny ridge keeps weekday dummies of a short history solvable.
    double ridge = 1e-8 * trace / p;
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        m[j][k] = a[j][k];
        m[k][j] = a[j][k];
      }
      m[j][j] += ridge;
    }
    RealMatrix mat = new Array2DRowRealMatrix(m, false);
    ArrayRealVector rhs = new ArrayRealVector(b.clone(), false);
    try {
      return new CholeskyDecomposition(mat, 1e-12, 1e-14).getSolver().solve(rhs).toArray();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      return new SingularValueDecomposition(mat).getSolver().solve(rhs).toArray();
    }
  }
}
