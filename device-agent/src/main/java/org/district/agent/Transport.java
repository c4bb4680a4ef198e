package org.district.agent;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Sends one HTTP POST. The real one is {@link HttpClientTransport}; tests stand in for the server with their own. */
public interface Transport {

    /** A response: status, headers (names in any case) and body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, matched without regard to case. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null
                            && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    /**
     * POSTs {@code body} as JSON.
     *
     * @param headers extra request headers (the Authorization header among them); implementations never log them
     * @throws IOException when no response came (connection refused, timeout, TLS failure)
     * @throws InterruptedException when the agent is stopping
     */
    Response post(URI uri, Map<String, String> headers, byte[] body) throws IOException, InterruptedException;
}
