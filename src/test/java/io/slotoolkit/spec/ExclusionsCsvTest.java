package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.Exclusion;
import io.slotoolkit.model.ExclusionScope;
import io.slotoolkit.model.ExitCode;
import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SloException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusionsCsvTest {
  static final Path FILE = Path.of("exclusions.csv");

  static List<Exclusion.Once> parse(String text, ZoneId zone) throws IOException {
    return ExclusionsCsv.parse(new StringReader(text), FILE, zone);
  }

  static List<String> problems(String text) {
    try {
      parse(text, ZoneOffset.UTC);
    } catch (SloException e) {
      assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
      return (e.problems().isEmpty()
          ? List.of(e.getMessage())
          : e.problems().stream().map(Problem::render).toList());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no problem found");
  }

  @Test
  void reads_rows_in_any_column_order_with_quotes_comments_and_zones() throws IOException {
    String csv =
        "# planned work, kept as data\n"
            + "slo,start,end,reason\n"
            + "*,2026-03-01T02:00Z,2026-03-01T04:00Z,db upgrade\n"
            + "\n"
            + "homehub/api-latency,2026-03-02 10:00,2026-03-02 11:30,\"load test, \"\"big\"\"\"\n"
            + "api-availability,2026-03-03T10:00+01:00,2026-03-03T11:00+01:00,cdn switch\n";
    List<Exclusion.Once> rows = parse(csv, ZoneId.of("Asia/Tokyo"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).scope()).isEqualTo(new ExclusionScope.AllSlos());
    assertThat(rows.get(0).start()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    assertThat(rows.get(0).location().toString()).isEqualTo("exclusions.csv:3:1");
    // naive 10:00 in Tokyo (+9) is 01:00Z
    assertThat(rows.get(1).start()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
    assertThat(rows.get(1).end()).isEqualTo(Instant.parse("2026-03-02T02:30:00Z"));
    assertThat(rows.get(1).reason()).isEqualTo("load test, \"big\"");
    assertThat(rows.get(1).scope()).isEqualTo(new ExclusionScope.SloNamed("homehub/api-latency"));
    // 10:00+01:00 is 09:00Z whatever the zone
    assertThat(rows.get(2).start()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(rows.get(2).location().line()).isEqualTo(6);
  }

  @Test
  void every_bad_row_is_reported_at_its_line_and_column() {
    String csv =
        "start,end,slo,reason\n"
            + "2026-03-01T04:00Z,2026-03-01T02:00Z,*,backwards\n"
            + "2026-03-01,2026-03-02T00:00Z,*,day only\n"
            + "2026-03-01T02:00Z,2026-03-01T03:00Z,Bad Name,x\n"
            + "2026-03-01T02:00Z,2026-03-01T03:00Z,*,\n"
            + "2026-03-01T02:00Z,2026-03-01T03:00Z,*\n"
            + "2026-03-01T02:00Z,2026-03-01T03:00Z,*,\"open\n";
    assertThat(problems(csv))
        .containsExactly(
            "exclusions.csv:2:19: the exclusion ends at 2026-03-01T02:00Z, before it starts at"
                + " 2026-03-01T04:00Z (the end is exclusive and must come after the start)",
            "exclusions.csv:3:1: '2026-03-01' is not a date and time (write ISO-8601 such as"
                + " 2026-03-01T02:00Z, 2026-03-01T02:00+01:00 or 2026-03-01 02:00)",
            "exclusions.csv:4:37: 'Bad Name' is not an SLO name (write an SLO's name,"
                + " service/name, or * for every SLO)",
            "exclusions.csv:5:39: the reason is empty (say why these events are excluded, such as"
                + " 'planned database upgrade')",
            "exclusions.csv:6:1: expected 4 fields, found 3 (columns: start, end, slo, reason)",
            "exclusions.csv:7:4: unterminated quoted field");
  }

  @Test
  void a_wrong_header_is_reported() {
    assertThat(problems("from,end,slo,reason\n2026-03-01T02:00Z,2026-03-01T03:00Z,*,x\n"))
        .containsExactly(
            "exclusions.csv:1:1: unknown column 'from' (columns: start, end, slo, reason)",
            "exclusions.csv:1:1: the header has no 'start' column (the first line names the"
                + " columns: start,end,slo,reason)");
    assertThat(problems("# nothing\n\n"))
        .containsExactly(
            "exclusions.csv: the exclusions file is empty (the first line names the columns:"
                + " start,end,slo,reason)");
  }

  @Test
  void a_missing_file_is_a_usage_error(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> ExclusionsCsv.read(missing, ZoneOffset.UTC))
        .isInstanceOfSatisfying(
            SloException.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
              assertThat(e.getMessage())
                  .isEqualTo("cannot read exclusions file " + missing + ": no such file");
            });
    Path ok = dir.resolve("ok.csv");
    Files.writeString(ok, "start,end,slo,reason\n2026-03-01T02:00Z,2026-03-01T03:00Z,*,x\n");
    assertThat(ExclusionsCsv.read(ok, ZoneOffset.UTC)).hasSize(1);
  }
}
