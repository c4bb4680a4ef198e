package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How pages turn the services' codes into what people read. */
class WordsTest {

    @Test
    void aSchoolTheDirectoryDoesNotNameIsItsCodeInWords() {
        assertThat(Schools.words("LINCOLN-HS")).isEqualTo("Lincoln HS");
        assertThat(Schools.words("WASHINGTON_ELEMENTARY")).isEqualTo("Washington Elementary");
        assertThat(Schools.words("PS-118")).isEqualTo("PS 118");
    }

    @Test
    void anActorIsAPersonUnlessTheDistrictsSystemsDidIt() {
        assertThat(Names.actorId("IT_ADMIN:IT-0001")).isEqualTo("IT-0001");
        assertThat(Names.actorId("HR:HR-0001")).isEqualTo("HR-0001");
        assertThat(Names.actorId("SYSTEM:lossreport.reports.v1")).isNull();
        assertThat(Names.actorId("DEVICE:5f0c")).isNull();
        assertThat(Names.actorId(null)).isNull();
        assertThat(Names.actorIds(List.of("IT_ADMIN:IT-1", "SYSTEM:x"))).containsExactly("IT-1");
    }

    @Test
    void linksKeepOnlyTheFiltersThatHaveAValueEncoded() {
        assertThat(Links.of("/devices", Links.parameters("q", "Dell 5440", "status", null, "school", "A&B")))
                .isEqualTo("/devices?q=Dell+5440&school=A%26B");
        assertThat(Links.of("/devices", Links.parameters("q", " "))).isEqualTo("/devices");
    }
}
