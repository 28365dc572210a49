package io.slotoolkit.engine;

import java.util.List;

/**
 * The lines of a text source (JSON lines, access logs) that could not be read as a row, found when
 * the source was bound.
 *
 * @param rows how many lines are malformed
 * @param first the first few, in file and line order
 */
record MalformedLines(long rows, List<Line> first) {
  static final MalformedLines NONE = new MalformedLines(0, List.of());

  MalformedLines {
    first = List.copyOf(first);
  }

  /**
   * One malformed line.
   *
   * @param file the file, absolute
   * @param line its line number in that file, from 1
   * @param message what is wrong with it
   */
  record Line(String file, long line, String message) {}
}
