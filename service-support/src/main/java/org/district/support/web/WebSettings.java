package org.district.support.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the services' web pages keep a browser signed in. */
@ConfigMapping(prefix = "district.web")
public interface WebSettings {

    /** Send the sign-in and CSRF cookies only over HTTPS. Only a local stack on plain HTTP turns this off. */
    @WithDefault("true")
    boolean secureCookie();
}
