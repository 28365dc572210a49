package io.slotoolkit.report;

import io.slotoolkit.model.Report;
import java.io.PrintWriter;

/** Writes a {@code slo report} in one format. */
public interface ReportRenderer {
  void render(Report report, PrintWriter out);
}
