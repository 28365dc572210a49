package io.slotoolkit.report;

import io.slotoolkit.model.Evaluation;
import java.io.PrintWriter;

/** Writes an evaluation in one format. */
public interface Renderer {
  void render(Evaluation evaluation, PrintWriter out);
}
