package corpus.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md's module boundaries ("must not" column) as executable rules. */
@AnalyzeClasses(packages = "corpus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule lineageKnowsNoSearchUiOrWarehouse = noClasses()
      .that().resideInAPackage("corpus.lineage..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.apache.lucene..", "javafx..", "com.google.cloud.bigquery..", "org.duckdb..",
          "corpus.gdpr..", "corpus.indexer..", "corpus.app..")
      .because("lineage is pure SQL analysis that every other module builds on (DESIGN.md)");

  @ArchTest
  static final ArchRule gdprKnowsNoSearchUiOrWarehouse = noClasses()
      .that().resideInAPackage("corpus.gdpr..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.apache.lucene..", "javafx..", "com.google.cloud.bigquery..", "org.duckdb..",
          "corpus.indexer..", "corpus.app..")
      .because("the GDPR engine depends only on lineage, so it can be reviewed and tested alone");

  @ArchTest
  static final ArchRule indexerHasNoUi = noClasses()
      .that().resideInAPackage("corpus.indexer..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "corpus.app..")
      .because("the headless indexer runs on servers without a display");

  @ArchTest
  static final ArchRule onlyTheAppTouchesJavaFx = noClasses()
      .that().resideOutsideOfPackage("corpus.app..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
      .because("only the desktop app paints; engines stay toolkit-free");

  @ArchTest
  static final ArchRule nobodyPrintsStackTraces = noClasses()
      .should().callMethod(Throwable.class, "printStackTrace")
      .because("errors are reported as {source, file, line, reason}, never as stack traces to users");
}
