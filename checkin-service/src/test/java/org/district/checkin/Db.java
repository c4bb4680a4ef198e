package org.district.checkin;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.district.testing.TestDb;

/**
 * The service's database for assertions about what was (and was not) stored ({@link TestDb}), and the waits for the
 * read model to hold what {@link Feed} published.
 */
@ApplicationScoped
public class Db {

    @Inject
    AgroalDataSource dataSource;

    private TestDb db;

    @PostConstruct
    void open() {
        db = TestDb.of(dataSource);
    }

    public long count(String sql, Object... params) {
        return db.count(sql, params);
    }

    public String text(String sql, Object... params) {
        return db.text(sql, params);
    }

    public void execute(String sql, Object... params) {
        db.execute(sql, params);
    }

    /** The device's read-model status, or null while its snapshot has not arrived. */
    String status(UUID device) {
        return text("select status from device where id = ?", device);
    }

    boolean hasVersion(UUID device, long version) {
        return count("select count(*) from device where id = ? and version >= ?", device, version) > 0;
    }

    /** Publishes the device's snapshot and waits until the read model holds it. */
    Feed.Device known(Feed.Device device) {
        Feed.publish(device);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> hasVersion(device.id(), device.version()));
        return device;
    }

    /** Publishes the person's snapshot and waits until the read model holds it. */
    Feed.Person known(Feed.Person person) {
        Feed.publish(person);
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from person_view where id = ?", person.id()) > 0);
        return person;
    }
}
