package corpus.indexer.source.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

  @ParameterizedTest
  @CsvSource(nullValues = "-", textBlock = """
      # template,                            path,                                   destination,    defaults
      {project}/{dataset}/{table}/query.sql, p1/sales/orders/query.sql,              p1.sales.orders, p1.sales
      {project}/{dataset}/{table}/query.sql, sql/p1/sales/orders/query.sql,          p1.sales.orders, p1.sales
      {project}/{dataset}/{table}/query.sql, p1/sales/orders/init.sql,               -,               p1.sales
      {project}/{dataset}/{table}/query.sql, p1/sales/query.sql,                     -,               -
      {dataset}/{table}.sql,                 sales/orders.sql,                       sales.orders,    -.sales
      {dataset}/{table}.sql,                 models/sales/orders.sql,                sales.orders,    -.sales
      {project}/{dataset}/{table}/*.sql,     p1/sales/orders/part1.sql,              p1.sales.orders, p1.sales
      """)
  void namesTheDestinationOfAFileFromItsPath(String template, String path, String destination, String defaults) {
    var placement = new PathTemplate(template).match(path);

    assertThat(placement.map(PathTemplate.Placement::destinationId).orElse(null)).isEqualTo(destination);
    assertThat(placement.map(p -> (p.project() == null ? "-" : p.project()) + "." + p.dataset()).orElse(null))
        .isEqualTo(defaults);
  }
}
