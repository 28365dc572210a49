package io.slotoolkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotoolkit.model.DataSource;
import io.slotoolkit.model.Slo;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After binding, the connection reads the declared files only and refuses to change its settings.
 */
class SandboxTest {
  @Test
  void locked_connection_reads_declared_files_only() {
    DataSource src = Fixtures.source("api.csv", null, ZoneId.of("UTC"));
    Slo slo =
        Fixtures.ratio("avail", src, "status < 500", null, "0.5", Fixtures.days(2), List.of());
    try (DuckDbEngine engine = DuckDbEngine.open(EngineOptions.DEFAULT)) {
      engine.checkExpressions(List.of(slo));
      engine.bind(List.of(slo));
      Database db = engine.database();
      assertThat(db.locked()).isTrue();
      String view = engine.bound(src).view();
      long rows = db.one("SELECT count(*) FROM " + Sql.ident(view), r -> r.getLong(1));
      assertThat(rows).isEqualTo(8);
      assertThatThrownBy(
              () -> db.query("SELECT * FROM read_text('/etc/passwd')", r -> r.getString(1)))
          .hasMessageContaining("disabled by configuration");
      assertThatThrownBy(
              () ->
                  db.query(
                      "SELECT * FROM read_csv('" + Fixtures.events("encodings.parquet") + "')",
                      r -> 1))
          .hasMessageContaining("disabled by configuration");
      assertThatThrownBy(() -> db.execute("COPY (SELECT 1) TO '/tmp/slo-sandbox-test.csv'"))
          .hasMessageContaining("disabled by configuration");
      assertThatThrownBy(() -> db.execute("SET enable_external_access = true"))
          .hasMessageContaining("locked");
      assertThatThrownBy(() -> db.execute("ATTACH '/tmp/slo-sandbox-test.db'"))
          .isInstanceOf(Database.QueryFailed.class);
    }
  }

  @Test
  void quoting_keeps_identifiers_and_literals_whole() {
    assertThat(Sql.ident("weird \"col\"")).isEqualTo("\"weird \"\"col\"\"\"");
    assertThat(Sql.literal("it's")).isEqualTo("'it''s'");
    assertThat(Sql.literalList(List.of("a", "b'c"))).isEqualTo("['a', 'b''c']");
    assertThatThrownBy(() -> Sql.literal("nul\0")).isInstanceOf(IllegalArgumentException.class);
  }
}
