package org.district.support.security;

/** Facts about the development-only signing key that the local stack and the tests use. */
public final class DevKeys {

    /** Issuer of development tokens. The production profile refuses to trust it. */
    public static final String DEV_ISSUER = "urn:district:local-dev-issuer";

    /** Classpath location of the development public key. */
    public static final String DEV_PUBLIC_KEY_RESOURCE = "dev-jwt/dev-only-public-key.pem";

    private DevKeys() {}
}
