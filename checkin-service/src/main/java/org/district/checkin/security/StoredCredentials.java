package org.district.checkin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.domain.DeviceCredentialChanged;
import org.district.checkin.repository.CredentialHashRepository;

/**
 * The stored hashes of device credentials, as the security layer checks a presented secret before any identity exists.
 * A hash read once is kept for a while (see {@link CheckInSettings.Credentials}), so a device's next requests cost no
 * database read; a secret that does not match the kept hash is checked against the database before it is refused, so
 * a credential issued on another replica works at once. Issuing and revoking on this replica forget the kept hash when
 * they commit ({@link DeviceCredentialChanged}).
 */
@ApplicationScoped
public class StoredCredentials {

    private final CredentialHashRepository storedHashes;
    private final Cache<UUID, byte[]> hashes;

    @Inject
    StoredCredentials(CredentialHashRepository storedHashes, CheckInSettings settings) {
        this.storedHashes = storedHashes;
        this.hashes = Caffeine.newBuilder()
                .maximumSize(settings.credentials().cacheSize())
                .expireAfterWrite(settings.credentials().cacheTtl())
                .build();
    }

    /** Whether the kept hash of the device's credential is that of the presented secret; no database read. */
    public boolean matchesKept(UUID device, byte[] presentedSha256) {
        byte[] kept = hashes.getIfPresent(device);
        return kept != null && MessageDigest.isEqual(kept, presentedSha256);
    }

    /**
     * Whether the device's stored credential is the presented one, read from the database; a stored hash is kept. Only
     * credentials that exist are kept, so requests naming made-up devices cannot push real ones out. Blocks: call it
     * off the event loop.
     */
    public boolean matchesStored(UUID device, byte[] presentedSha256) {
        Optional<byte[]> stored = storedHashes.of(device);
        if (stored.isEmpty()) {
            hashes.invalidate(device);
            return false;
        }
        hashes.put(device, stored.get());
        return MessageDigest.isEqual(stored.get(), presentedSha256);
    }

    /** Forgets the kept hash of the device once its new credential or its revocation has committed. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceCredentialChanged change) {
        hashes.invalidate(change.deviceId());
    }
}
