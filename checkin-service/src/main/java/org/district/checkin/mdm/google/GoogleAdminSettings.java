package org.district.checkin.mdm.google;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Google Admin (the Directory API's ChromeOS devices) as a check-in source and command channel; off by default. */
@ConfigMapping(prefix = "district.mdm.google")
public interface GoogleAdminSettings {

    /** Whether the district's Chromebooks are synced from Google Admin. */
    @WithDefault("false")
    boolean enabled();

    /** The Google Workspace customer id ({@code my_customer}: the delegated admin's own account). */
    @WithDefault("my_customer")
    String customerId();

    /**
     * The path of the service account's JSON key file (a mounted secret; never in the repository, never logged). The
     * service account needs domain-wide delegation of the scopes below.
     */
    Optional<String> keyFile();

    /** The Google Admin user the service account acts as (domain-wide delegation), e.g. a dedicated admin account. */
    Optional<String> adminSubject();

    /** The Directory API's base address; tests point it at their own server. */
    @WithDefault("https://admin.googleapis.com")
    String directoryUrl();

    /** The token endpoint, when it is not the key file's {@code token_uri}; tests point it at their own server. */
    Optional<String> tokenUrl();

    /** Devices per page of the listing (the API allows at most 300). */
    @WithDefault("200")
    int pageSize();
}
