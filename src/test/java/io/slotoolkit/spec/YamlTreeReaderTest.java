package io.slotoolkit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotoolkit.model.Problem;
import io.slotoolkit.model.SourceLocation;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
  private static final Path FILE = Path.of("specs/t.yaml");

  private static YamlNode.Mapping root(String yaml) {
    YamlTreeReader.Result r = YamlTreeReader.read(FILE, yaml);
    assertThat(r.problems()).isEmpty();
    return (YamlNode.Mapping) r.root();
  }

  private static YamlNode.Scalar scalar(YamlNode.Mapping map, String key) {
    return (YamlNode.Scalar) map.entry(key).value();
  }

  private static SourceLocation at(int line, int column) {
    return new SourceLocation(FILE, line, column);
  }

  @Test
  void keys_and_values_carry_line_and_column() {
    YamlNode.Mapping m = root("version: 1\nsources:\n  api:\n    path: a.csv\n");

    assertThat(m.location()).isEqualTo(at(1, 1));
    assertThat(m.entry("sources").keyLocation()).isEqualTo(at(2, 1));
    YamlNode.Mapping sources = (YamlNode.Mapping) m.entry("sources").value();
    assertThat(sources.entry("api").keyLocation()).isEqualTo(at(3, 3));
    YamlNode.Mapping api = (YamlNode.Mapping) sources.entry("api").value();
    // `    path: a.csv`: the value starts after 4 spaces, "path:" and a space, at column 11
    assertThat(scalar(api, "path").location()).isEqualTo(at(4, 11));
  }

  @Test
  void quoted_text_starts_after_the_quote() {
    YamlNode.Mapping m = root("a: \"x < 1\"\nb: 'y'\nc: {d: \"z\"}\n");

    assertThat(scalar(m, "a").location()).isEqualTo(at(1, 4));
    assertThat(scalar(m, "a").textLocation()).isEqualTo(at(1, 5));
    assertThat(scalar(m, "b").textLocation()).isEqualTo(at(2, 5));
    // `c: {d: "z"}`: the quote is column 8
    YamlNode.Mapping c = (YamlNode.Mapping) m.entry("c").value();
    assertThat(scalar(c, "d").textLocation()).isEqualTo(at(3, 9));
  }

  @Test
  void block_text_starts_on_its_first_line() {
    YamlNode.Mapping m = root("good: |\n\n    a = 1\n    and b\nnext: x\n");

    YamlNode.Scalar good = scalar(m, "good");
    assertThat(good.location()).isEqualTo(at(1, 7));
    // the blank line 2 is skipped; line 3 starts with 4 spaces
    assertThat(good.textLocation()).isEqualTo(at(3, 5));
    assertThat(good.text()).isEqualTo("\na = 1\nand b\n");
  }

  @Test
  void windows_line_endings_keep_columns() {
    YamlNode.Mapping m = root("a: 1\r\nb: 'y'\r\n");

    assertThat(scalar(m, "b").textLocation()).isEqualTo(at(2, 5));
  }

  @Test
  void scalars_keep_their_yaml_type_and_exact_numbers() {
    YamlNode.Mapping m =
        root("d: 0.995\ni: 1_000\nt: yes\nf: false\nn:\ne: \"\"\ns: 99.5%\ninf: .inf\nq: \"30\"\n");

    assertThat(scalar(m, "d").kind()).isEqualTo(YamlNode.Kind.DECIMAL);
    assertThat(scalar(m, "d").number()).isEqualTo(new BigDecimal("0.995"));
    assertThat(scalar(m, "i").kind()).isEqualTo(YamlNode.Kind.INTEGER);
    assertThat(scalar(m, "i").text()).isEqualTo("1_000");
    assertThat(scalar(m, "i").value()).isEqualTo("1000");
    assertThat(scalar(m, "t").kind()).isEqualTo(YamlNode.Kind.TRUE);
    assertThat(scalar(m, "f").kind()).isEqualTo(YamlNode.Kind.FALSE);
    assertThat(scalar(m, "n").kind()).isEqualTo(YamlNode.Kind.NULL);
    assertThat(scalar(m, "e").kind()).isEqualTo(YamlNode.Kind.STRING);
    assertThat(scalar(m, "e").text()).isEmpty();
    assertThat(scalar(m, "s").kind()).isEqualTo(YamlNode.Kind.STRING);
    assertThat(scalar(m, "inf").kind()).isEqualTo(YamlNode.Kind.STRING);
    assertThat(scalar(m, "q").kind()).isEqualTo(YamlNode.Kind.STRING);
  }

  @Test
  void repeated_key_is_a_problem_and_the_first_value_stays() {
    YamlTreeReader.Result r = YamlTreeReader.read(FILE, "a: 1\nb: 2\na: 3\n");

    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly("specs/t.yaml:3:1: key 'a' is set twice (first at line 1; keep one)");
    YamlNode.Mapping m = (YamlNode.Mapping) r.root();
    assertThat(m.entries()).extracting(YamlNode.Entry::key).containsExactly("a", "b");
    assertThat(scalar(m, "a").text()).isEqualTo("1");
  }

  @Test
  void empty_document_and_a_lone_separator_are_empty() {
    assertThat(YamlTreeReader.read(FILE, "").root()).isNull();
    assertThat(YamlTreeReader.read(FILE, "---\n").root()).isNull();
    assertThat(YamlTreeReader.read(FILE, "---\n").problems())
        .extracting(Problem::render)
        .containsExactly("specs/t.yaml: the spec file is empty (start it with 'version: 1')");
  }

  @Test
  void leading_separator_and_trailing_empty_document_are_fine() {
    YamlTreeReader.Result r = YamlTreeReader.read(FILE, "---\nversion: 1\n---\n");

    assertThat(r.problems()).isEmpty();
    assertThat(((YamlNode.Mapping) r.root()).entry("version").keyLocation()).isEqualTo(at(2, 1));
  }

  @Test
  void syntax_error_is_located_and_worded_for_people() {
    YamlTreeReader.Result r = YamlTreeReader.read(FILE, "a: [1, 2\nb: 3\n");

    assertThat(r.root()).isNull();
    assertThat(r.problems()).hasSize(1);
    Problem p = r.problems().get(0);
    assertThat(p.location()).isEqualTo(at(2, 2));
    assertThat(p.message())
        .startsWith("YAML syntax error: ")
        .doesNotContain("\n")
        .doesNotContain("org.yaml");
  }

  @Test
  void complex_key_is_a_syntax_problem() {
    YamlTreeReader.Result r = YamlTreeReader.read(FILE, "? [a, b]\n: c\n");

    assertThat(r.problems())
        .extracting(Problem::render)
        .containsExactly(
            "specs/t.yaml:1:4: YAML syntax error: a key must be plain text (not a list or a map)");
  }
}
