package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Test
    void aDeviceListsLinksNameTheHoldersSearchByIdNeverByWhatWasTyped() {
        DevicePages.Filters typed =
                new DevicePages.Filters(null, "ASSIGNED", null, null, null, "Pat Lee", null, "holder", null);
        assertThat(typed.query(null)).contains("holder=Pat+Lee");
        DevicePages.Filters kept = typed.withSearch(typed.holder(), "5d0c7f3e-2b1a-4c9d-8e7f-6a5b4c3d2e1f");
        assertThat(kept.query("QVNTRVQtMDE"))
                .isEqualTo("?status=ASSIGNED&search=5d0c7f3e-2b1a-4c9d-8e7f-6a5b4c3d2e1f"
                        + "&sort=holder&cursor=QVNTRVQtMDE");
        assertThat(kept.sortedBy("status")).doesNotContain("Pat").contains("search=");
    }

    @Test
    void searchTextIsTrimmedAndHoldsNoNul() {
        assertThat(Searches.text("  Pat\u0000 Lee ")).isEqualTo("Pat Lee");
        assertThat(Searches.text("\u0000 ")).isNull();
        assertThat(Searches.text(null)).isNull();
    }

    @Test
    void aFormsMessagesAreListedInTheOrderOfItsFields() {
        List<Failures.FieldError> sorted = RegistrationPages.inFormOrder(List.of(
                new Failures.FieldError("acquiredOn", "Date acquired must not be null."),
                new Failures.FieldError("school", "School must not be blank."),
                new Failures.FieldError("serialNumber", "Serial number must not be blank.")));
        assertThat(sorted.stream().map(Failures.FieldError::field))
                .containsExactly("serialNumber", "school", "acquiredOn");
    }

    @Test
    void everyWordOfTheStaffPagesIsInSpanishToo() throws IOException {
        Set<String> english = Arrays.stream(Staff.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(bundle("messages/staff_es.properties").stringPropertyNames())
                .as("staff_es.properties says every staff word, and nothing Staff does not")
                .containsExactlyInAnyOrderElementsOf(english);
        Set<String> codes = Arrays.stream(Msg.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(bundle("messages/msg_es.properties").stringPropertyNames())
                .as("the code words staff read")
                .contains("status", "type", "kind", "taskStatus")
                .allMatch(codes::contains);
    }

    private static Properties bundle(String resource) throws IOException {
        Properties words = new Properties();
        try (InputStream in = WordsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words;
    }
}
