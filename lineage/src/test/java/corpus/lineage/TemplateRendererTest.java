package corpus.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {
  private final TemplateRenderer renderer = new TemplateRenderer();

  @Test
  void findsTheFirstTemplatedLine() {
    assertThat(renderer.firstTemplateLine("SELECT 1\nFROM {{ t }}")).contains(2);
    assertThat(renderer.firstTemplateLine("SELECT '{' FROM t")).isEmpty();
  }

  @Test
  void rendersPlaceholdersRefsAndSources() {
    TemplateRenderer.Result r = renderer.render(
        "SELECT * FROM {{ ref('orders') }} JOIN {{ source('raw', 'users') }} WHERE d = '{{ params.ds }}' {# x #}",
        Map.of("ds", "2024-01-01"));
    assertThat(r.error()).isNull();
    assertThat(r.sql()).isEqualTo("SELECT * FROM orders JOIN raw.users WHERE d = '2024-01-01' ");
  }

  @Test
  void refusesControlBlocksAndUnknownNamesWithTheLine() {
    assertThat(renderer.render("SELECT 1\n{% if x %}a{% endif %}", Map.of()).line()).isEqualTo(2);
    assertThat(renderer.render("SELECT {{ missing }}", Map.of()).error()).contains("missing");
  }
}
