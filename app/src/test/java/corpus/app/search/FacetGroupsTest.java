package corpus.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetGroupsTest {

  @Test
  void listsDimensionsInSidebarOrderWithTheirCountsAndChoices() {
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    facets.put("label", Map.of("region=eu", 2L));
    facets.put("dataset", new LinkedHashMap<>(Map.of("creator", 5L)));
    facets.put("kind", Map.of("table", 7L));

    List<FacetGroup> groups = FacetGroups.build(facets, List.of("dataset=creator"));

    assertThat(groups).extracting(FacetGroup::title).containsExactly("Kind", "Dataset", "Labels");
    assertThat(groups.get(1).values()).containsExactly(new FacetValue("dataset", "creator", 5, true));
    assertThat(groups.get(1).hasSelection()).isTrue();
    assertThat(groups.get(2).values().getFirst().label()).isEqualTo("region: eu");
  }

  @Test
  void keepsAChosenValueTheSearchNoLongerCounts() {
    List<FacetGroup> groups = FacetGroups.build(Map.of("dataset", Map.of("events", 1L)), List.of("dataset=creator"));

    assertThat(groups.getFirst().values()).containsExactly(
        new FacetValue("dataset", "events", 1, false), new FacetValue("dataset", "creator", 0, true));
  }

  @Test
  void labelsLeaveOutOwnerAndTierWhichHaveTheirOwnSections() {
    Map<String, Long> labels = new LinkedHashMap<>();
    labels.put("owner=creator-insights", 3L);
    labels.put("tier=gold", 3L);
    labels.put("freshness=daily", 1L);

    List<FacetGroup> groups = FacetGroups.build(Map.of("label", labels), List.of());

    assertThat(groups.getFirst().values()).extracting(FacetValue::value).containsExactly("freshness=daily");
  }

  @Test
  void aChipNamesTheDimensionAndValue() {
    assertThat(FacetGroups.chipText("label=tier=gold")).isEqualTo("label: tier=gold");
    assertThat(new FacetValue("label", "tier=gold", 1, false).drillDown()).isEqualTo("label=tier=gold");
  }
}
