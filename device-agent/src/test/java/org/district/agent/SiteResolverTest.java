package org.district.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.district.agent.TestDoubles.resource;
import static org.district.agent.TestDoubles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The site: configured, mapped by longest prefix, or UNKNOWN; only names the server takes. */
class SiteResolverTest {

    @TempDir
    Path dir;

    private Path map;

    @BeforeEach
    void map() {
        map = write(dir, "sites", resource("linux/site-map.txt"));
    }

    @Test
    void theConfiguredSiteWins() {
        assertThat(new SiteResolver(" WASHINGTON-ES ", map).resolve("10.12.0.1", "10.12.3.4"))
                .isEqualTo("WASHINGTON-ES");
    }

    @Test
    void theLongestPrefixContainingTheGatewayOrAddress() {
        SiteResolver sites = new SiteResolver(null, map);

        assertThat(sites.resolve("10.12.0.1", "10.12.3.4")).isEqualTo("LINCOLN-HS");
        assertThat(sites.resolve("10.12.8.1", "10.12.8.77")).isEqualTo("LINCOLN-HS LIBRARY");
        assertThat(sites.resolve(null, "10.12.8.77")).isEqualTo("LINCOLN-HS LIBRARY");
        assertThat(sites.resolve("10.40.0.1", "10.40.1.2")).isEqualTo("DISTRICT-WAN");
        assertThat(sites.resolve(null, "fd00:12::1234")).isEqualTo("LINCOLN-HS");
    }

    @Test
    void nothingMatchingIsUnknown() {
        SiteResolver sites = new SiteResolver(null, map);

        assertThat(sites.resolve("172.16.0.1", "172.16.4.5")).isEqualTo("UNKNOWN");
        assertThat(sites.resolve(null, null)).isEqualTo("UNKNOWN");
        assertThat(new SiteResolver(null, null).resolve("10.12.0.1", "10.12.3.4"))
                .isEqualTo("UNKNOWN");
        assertThat(new SiteResolver(null, dir.resolve("missing")).resolve("10.12.0.1", "10.12.3.4"))
                .isEqualTo("UNKNOWN");
    }

    @Test
    void aMappedNameTheServerWouldRefuseIsUnknown() {
        assertThat(new SiteResolver(null, map).resolve("10.99.0.1", "10.99.3.4"))
                .isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "LINCOLN\nHS", "", "   ", "A;B", "\u001b[31mRED"})
    void badCharactersAreUnknown(String site) {
        assertThat(SiteResolver.sanitize(site)).isEqualTo("UNKNOWN");
        assertThat(new SiteResolver(site, null).resolve(null, null)).isEqualTo("UNKNOWN");
    }

    @Test
    void namesOfMoreThanSixtyCharactersAreUnknown() {
        assertThat(SiteResolver.sanitize("S".repeat(60))).isEqualTo("S".repeat(60));
        assertThat(SiteResolver.sanitize("S".repeat(61))).isEqualTo("UNKNOWN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ÉCOLE SAINT-JEAN", "St. Mary's (North) #2", "K-8 Campus: A&B", "Rm 1/2, Bldg_C"})
    void accentsAndPunctuationTheServerAllowsAreKept(String site) {
        assertThat(SiteResolver.sanitize(site)).isEqualTo(site);
    }
}
