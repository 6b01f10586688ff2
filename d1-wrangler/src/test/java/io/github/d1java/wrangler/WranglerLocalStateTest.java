package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WranglerLocalStateTest {

  @Nested
  class DurableObjectId {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "DB, e7352547963de7050bd7d94658afc4fe78b61811b7815da12d90be8e863abf4d",
      "DATABASE, e5f2187c86795ea6326c373904215941fcc05bb3d3eb8bf40b08a5573435c797",
      "xxxx, 37a497df36b79f1a5a11839858b18e217f7022d2d72cb40b9de9e89363bc39bb",
      "51e7c314-456e-4167-b6c3-869ad188fc23,"
          + " 08d384fb89e3dcefdd89baf9cd88912400f9e288655b803344e682244564ecff"
    })
    void matchesWorkerdsIdFromName(String name, String id) {
      assertThat(WranglerLocalState.durableObjectId(name)).isEqualTo(id);
    }
  }

  @Nested
  class Paths {
    private final Path cwd = Path.of("/work/app").toAbsolutePath();

    @Test
    void defaultRootIsBesideTheConfigFile() {
      assertThat(WranglerLocalState.persistRoot(null, Path.of("/work/app/cfg"), cwd))
          .isEqualTo(Path.of("/work/app/cfg/.wrangler/state").toAbsolutePath());
    }

    @Test
    void withoutAConfigTheRootIsInTheWorkingFolder() {
      assertThat(WranglerLocalState.persistRoot(null, null, cwd))
          .isEqualTo(cwd.resolve(".wrangler/state"));
    }

    @Test
    void persistToIsResolvedAgainstTheWorkingFolder() {
      assertThat(WranglerLocalState.persistRoot("../state", Path.of("/elsewhere"), cwd))
          .isEqualTo(Path.of("/work/state").toAbsolutePath());
    }

    @Test
    void fileIsTheHashedNameUnderMiniflaresD1Folder() {
      assertThat(WranglerLocalState.sqliteFile(Path.of("/s"), "DB"))
          .isEqualTo(
              Path.of(
                  "/s/v3/d1/miniflare-D1DatabaseObject/"
                      + "e7352547963de7050bd7d94658afc4fe78b61811b7815da12d90be8e863abf4d.sqlite"));
    }
  }
}
