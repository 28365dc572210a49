package io.slotoolkit.evaluate;

import io.slotoolkit.model.AlertPolicy;
import io.slotoolkit.model.Catalog;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SeverityLevel;
import io.slotoolkit.model.Slo;
import io.slotoolkit.model.SloException;
import io.slotoolkit.model.SourceLocation;
import io.slotoolkit.model.SpecFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that need the whole run rather than one file: alert factors against each SLO's objective,
 * the severity table against the alert severities in use, exclusions against each other and the
 * SLOs they name.
 */
public final class CatalogChecks {
  private CatalogChecks() {}

  /** Every problem, sorted by file, line and column. */
  public static List<Problem> problems(Catalog catalog) {
    List<Problem> out = new ArrayList<>();
    List<Slo> slos = catalog.slos();
    Set<String> severities = new LinkedHashSet<>();
    for (Slo slo : slos) {
      AlertPolicy policy = AlertPolicy.forSlo(slo);
      SourceLocation where =
          slo.alerting().location() != null ? slo.alerting().location() : slo.location();
      out.addAll(policy.check(slo.objective(), slo.window(), where));
      severities.addAll(policy.severities());
    }
    SpecFile first = null;
    for (SpecFile f : catalog.files()) {
      if (f.severity().isEmpty()) continue;
      if (first == null) {
        first = f;
        out.addAll(new SeverityTable(f.severity()).check(severities));
      } else if (!sameTable(first.severity(), f.severity())) {
        out.add(
            new Problem(
                f.severity().get(0).location(),
                "a second, different severity table (the first is in " + first.path() + ")",
                "a run has one severity table: keep it in one spec file"));
      }
    }
    out.addAll(Exclusions.check(catalog.exclusions(), slos));
    out.sort(
        Comparator.comparing((Problem p) -> String.valueOf(p.location().file()))
            .thenComparingInt(p -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return out;
  }

  /** Throws a spec error (exit 2) listing every problem, if there is any. */
  public static void require(Catalog catalog) {
    List<Problem> p = problems(catalog);
    if (!p.isEmpty()) throw SloException.spec(p);
  }

  private static boolean sameTable(List<SeverityLevel> a, List<SeverityLevel> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      SeverityLevel x = a.get(i);
      SeverityLevel y = b.get(i);
      if (!x.name().equals(y.name())
          || !x.conditions().equals(y.conditions())
          || !java.util.Objects.equals(x.response(), y.response())) return false;
    }
    return true;
  }
}
