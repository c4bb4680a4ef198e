package org.district.checkin.mdm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.district.checkin.domain.CheckInSource;

/**
 * What the device managers reached over HTTPS share: which source their check-ins carry, and one signed-in session
 * (credentials read and the client made on first use, kept until {@link #forgetCredentials()}).
 */
public abstract class SignedInProvider implements MdmProvider {

    private final CheckInSource source;
    private final ProviderHttp.Session session = new ProviderHttp.Session(this::signIn);

    protected SignedInProvider(CheckInSource source) {
        this.source = source;
    }

    /** Reads and checks the manager's credentials and makes the client that uses them. */
    protected abstract ProviderHttp signIn() throws ProviderException;

    @Override
    public final CheckInSource source() {
        return source;
    }

    /** Both managers list only the devices that reported since a time. */
    @Override
    public boolean supportsIncremental() {
        return true;
    }

    /**
     * Forgets the credentials and token: the next request reads them again and signs in afresh (after the district
     * replaced a key or a secret, or to start from a known state).
     */
    public void forgetCredentials() {
        session.forget();
    }

    /** The signed-in client, signing in first when there is none. */
    protected ProviderHttp http() throws ProviderException {
        return session.http();
    }

    /** A manager's answer as JSON, or the {@link ProviderException} its status or body calls for. */
    protected JsonNode json(HttpResponse<byte[]> response) throws ProviderException {
        return http().json(response);
    }

    /** A value for a query string or form, with spaces as {@code %20}. */
    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
