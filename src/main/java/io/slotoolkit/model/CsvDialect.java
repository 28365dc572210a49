package io.slotoolkit.model;

/**
 * CSV options for when sniffing is not enough; every null field is sniffed.
 *
 * @param delimiter the field separator, such as {@code ,} {@code ;} or a tab
 * @param quote the quote character
 * @param escape the escape character inside quotes
 * @param header whether the first line holds column names
 * @param nullString the text that stands for a missing value
 */
public record CsvDialect(
    String delimiter, String quote, String escape, Boolean header, String nullString) {
  public static final CsvDialect SNIFF = new CsvDialect(null, null, null, null, null);
}
