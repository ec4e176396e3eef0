package corpus.lineage.zetasql;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zetasql.io.grpc.NameResolverProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ZetaSqlParserTest {
  @Test
  void loadsTheNativeLibraryAhead() {
    assertThat(ZetaSqlParser.warmUp()).isTrue();
  }

  /**
   * ZetaSQL's client shades gRPC into {@code com.google.zetasql.io.grpc} but keeps the service files under the
   * original names, so the shaded registry found no name resolver and logged "No NameResolverProviders found via
   * ServiceLoader" in every process; the lineage module registers the shaded DNS provider under the shaded name.
   */
  @Test
  void theShadedGrpcOfTheNativeChannelFindsANameResolver() {
    List<NameResolverProvider> providers = ServiceLoader.load(NameResolverProvider.class).stream()
        .map(ServiceLoader.Provider::get).toList();

    assertThat(providers).extracting(NameResolverProvider::getDefaultScheme).contains("dns");
  }
}
